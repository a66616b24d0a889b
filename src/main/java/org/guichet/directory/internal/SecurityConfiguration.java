package org.guichet.directory.internal;

import org.guichet.directory.Role;
import org.guichet.directory.oidc.SingleSignOn;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final String[] AGENT_ROLES = { Role.TECHNICIAN.name(), Role.SUPERVISOR.name(),
			Role.ADMINISTRATOR.name() };

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * The web sessions of every node, by person: those of the database (Spring Session JDBC), so
	 * that a session ended on one node is refused on all.
	 */
	@Bean
	SessionRegistry sessionRegistry(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
		FindByIndexNameSessionRepository<? extends Session> stored = sessions.getIfAvailable();
		// absent from the web slice tests, which have no database: there, this JVM's own registry
		return stored == null ? new SessionRegistryImpl() : new SpringSessionBackedSessionRegistry<>(stored);
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, ApiCredentials credentials) throws Exception {
		credentials.applyTo(http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webSecurity(HttpSecurity http, SessionRegistry sessionRegistry,
			ObjectProvider<SingleSignOn> singleSignOn) throws Exception {
		RequestCache pagesAsked = SavedPageRedirect.pagesOnly();
		// absent from the web slice tests, which have no database to read its settings from
		SingleSignOn sso = singleSignOn.getIfAvailable();
		if (sso != null) {
			sso.applyTo(http, new SavedPageRedirect(pagesAsked));
		}
		http.requestCache(cache -> cache.requestCache(pagesAsked))
			.authorizeHttpRequests(requests -> requests
			.requestMatchers("/login", SingleSignOn.PROBLEM, SingleSignOn.START, "/password/forgot", "/password/reset", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/v3/api-docs/**",
					"/error")
			.permitAll()
			.requestMatchers("/admin/**")
			.hasRole(Role.ADMINISTRATOR.name())
			.requestMatchers("/agent/**")
			.hasAnyRole(AGENT_ROLES)
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage("/login")
				.successHandler(new SavedPageRedirect(pagesAsked))
				.failureHandler(new KeepUsernameOnFailure())
				.permitAll())
			.logout(logout -> {
				logout.logoutSuccessUrl("/login?logout").permitAll();
				if (sso != null) {
					logout.logoutSuccessHandler(sso.logoutSuccess("/login?logout"));
				}
			})
			.exceptionHandling(exceptions -> exceptions.accessDeniedHandler(new RequesterRedirect())
				.defaultAuthenticationEntryPointFor(new SessionEnded(), SessionEnded.HTMX))
			// the registry lets a password reset end the person's sessions (SessionsEndedOnAccessChange)
			.sessionManagement(session -> session.maximumSessions(-1)
				.sessionRegistry(sessionRegistry)
				.expiredSessionStrategy(SessionEnded.EXPIRED))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
					"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'")))
			.httpBasic(Customizer.withDefaults());
		return http.build();
	}

}
