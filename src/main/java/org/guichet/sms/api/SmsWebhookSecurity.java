package org.guichet.sms.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The SMS webhooks ({@code /api/v1/sms/inbound/**}): no login, no session, no CSRF token (a
 * gateway has none); each request proves it is its gateway's in {@link SmsWebhookController}.
 */
@Configuration(proxyBeanMethods = false)
class SmsWebhookSecurity {

	@Bean
	@Order(0)
	SecurityFilterChain smsWebhookChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/v1/sms/inbound/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable());
		return http.build();
	}

}
