package org.guichet.links.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;

/**
 * The pages of signed links ({@code /links/**}): open without logging in, the link's signed
 * token being the credential; no session is created or read. CSRF protection works without a
 * session: the token is in a cookie (HTTP only, path {@code /links}) and in the form, which must
 * agree. Same Content-Security-Policy as the other pages.
 */
@Configuration(proxyBeanMethods = false)
class LinkSecurity {

	@Bean
	@Order(1)
	SecurityFilterChain linkPagesSecurity(HttpSecurity http) throws Exception {
		CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
		csrfTokens.setCookiePath("/links");
		csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
		http.securityMatcher("/links/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
					"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'")
				).referrerPolicy(referrer -> referrer.policy(
					org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
		return http.build();
	}

}
