package org.guichet.directory.internal;

import org.guichet.directory.ApiAuthentication;
import org.guichet.directory.ApiTokens;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.stereotype.Component;

/**
 * The one way API calls are authenticated (HTTP Basic or a personal API token) and refused
 * (problem+json), shared by the API's chain and any other that accepts the same callers.
 */
@Component
class ApiCredentials implements ApiAuthentication {

	private static final String LOGIN_REQUIRED = "Authentication required: send HTTP Basic credentials or an API token in the header “Authorization: Bearer <token>”.";

	private static final String CREDENTIALS_INVALID = "The user name or password is not accepted: check them, or send an API token in the header “Authorization: Bearer <token>”.";

	private final ApiTokens tokens;

	private final SecurityProblems problems;

	ApiCredentials(ApiTokens tokens, SecurityProblems problems) {
		this.tokens = tokens;
		this.problems = problems;
	}

	@Override
	public HttpSecurity applyTo(HttpSecurity http) throws Exception {
		return http
			// credentials were sent and refused: the same words whether the name or the password is wrong
			.httpBasic(basic -> basic.authenticationEntryPoint((request, response, ex) -> problems.write(request,
					response, HttpStatus.UNAUTHORIZED, "api.credentials-invalid", CREDENTIALS_INVALID)))
			.exceptionHandling(exceptions -> exceptions
				.authenticationEntryPoint((request, response, ex) -> problems.write(request, response,
						HttpStatus.UNAUTHORIZED, "api.login-required", LOGIN_REQUIRED))
				.accessDeniedHandler((request, response, ex) -> problems.write(request, response, HttpStatus.FORBIDDEN,
						"api.role-forbidden", "Your role does not allow this operation.")))
			.addFilterBefore(new BearerTokenFilter(tokens, problems), BasicAuthenticationFilter.class);
	}

}
