package org.guichet.operations;

import org.guichet.directory.ApiAuthentication;
import org.guichet.directory.Role;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who reaches {@code /actuator/**}: the health endpoint and its probe groups answer anyone (the
 * status only; the details to administrators, see {@code management.endpoint.health.*}); the
 * Prometheus metrics answer whom {@link MetricsAccess} allows; any other endpoint, were one exposed
 * by configuration, administrators only. Callers authenticate as on the API (HTTP Basic, API token)
 * or with their signed-in session, which this chain reads but never creates; refusals are
 * problem+json.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetricsProperties.class)
class OperationsSecurity {

	@Bean
	MetricsAccess metricsAccess(MetricsProperties properties) {
		return new MetricsAccess(properties);
	}

	@Bean
	@Order(0)
	SecurityFilterChain actuatorSecurity(HttpSecurity http, ApiAuthentication authentication,
			MetricsAccess metricsAccess, SessionRegistry sessions) throws Exception {
		authentication.applyTo(http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"))
			.authorizeHttpRequests(requests -> requests.requestMatchers(EndpointRequest.to("health"))
				.permitAll()
				.requestMatchers(EndpointRequest.to("prometheus"))
				.access(metricsAccess)
				.anyRequest()
				.hasRole(Role.ADMINISTRATOR.name()))
			// a session ended by a password reset (directory) is refused here as on the pages
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER)
				.maximumSessions(-1)
				.sessionRegistry(sessions)));
		return http.build();
	}

}
