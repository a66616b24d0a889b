package org.guichet.demo.sms;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The demo gateway's API ({@value DemoSmsGateway#PATH}): no login, no session, no CSRF token (Guichet's
 * HTTP gateway has none); the request proves itself with its header, checked by {@link DemoSmsGatewayController}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnDemoSms
class DemoSmsSecurity {

	@Bean
	@Order(0)
	SecurityFilterChain demoSmsGatewayChain(HttpSecurity http) throws Exception {
		http.securityMatcher(DemoSmsGateway.PATH)
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable());
		return http.build();
	}

}
