package org.guichet.directory;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * How the REST API authenticates its callers, for another module's security filter chain that
 * must accept the same credentials (the operations endpoints do).
 */
public interface ApiAuthentication {

	/**
	 * Makes the chain accept HTTP Basic credentials and personal API tokens
	 * ({@code Authorization: Bearer}); an unknown token, a missing login and a refused role are
	 * answered 401 or 403 as {@code application/problem+json}. Sessions, CSRF and which requests
	 * need what stay the chain's own choice.
	 *
	 * @param http the chain being built
	 * @return the same builder, to go on configuring it
	 */
	HttpSecurity applyTo(HttpSecurity http) throws Exception;

}
