package org.guichet.chat.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The visitors' chat ({@value VisitorChatController#PATH}): open without logging in, the visitor's
 * cookie being the credential of their one conversation; no session is created or read, so a
 * visitor is never anyone's login. CSRF protection works without a session: the token is in a
 * cookie (HTTP only, path {@value VisitorChatController#PATH}) and in the form or the script's
 * header, which must agree. Same Content-Security-Policy as the other pages.
 */
@Configuration(proxyBeanMethods = false)
class VisitorChatSecurity {

	@Bean
	@Order(1)
	SecurityFilterChain visitorChatPagesSecurity(HttpSecurity http) throws Exception {
		CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
		csrfTokens.setCookiePath(VisitorChatController.PATH);
		csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
		http.securityMatcher(VisitorChatController.PATH, VisitorChatController.PATH + "/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(
						"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'"))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
		return http.build();
	}

}
