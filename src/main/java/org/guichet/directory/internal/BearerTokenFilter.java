package org.guichet.directory.internal;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.guichet.directory.ApiTokens;
import org.guichet.directory.CurrentUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API calls that carry {@code Authorization: Bearer <personal API token>}: an unknown
 * or expired token is answered 401, a request outside the token's scope 403, before any handler runs.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final ApiTokens tokens;

	private final SecurityProblems problems;

	BearerTokenFilter(ApiTokens tokens, SecurityProblems problems) {
		this.tokens = tokens;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			chain.doFilter(request, response);
			return;
		}
		Optional<ApiTokens.Bearer> bearer = tokens.authenticate(header.substring(BEARER.length()).trim());
		if (bearer.isEmpty()) {
			problems.write(request, response, HttpStatus.UNAUTHORIZED, "api.token-unknown",
					"The API token is unknown or revoked: create a new one on your profile page.");
			return;
		}
		if (bearer.get().ownerInactive()) {
			problems.write(request, response, HttpStatus.UNAUTHORIZED, "api.token-owner-inactive",
					"The API token's owner is deactivated: an administrator must activate the account again for its tokens to work.");
			return;
		}
		if (bearer.get().expired()) {
			problems.write(request, response, HttpStatus.UNAUTHORIZED, "api.token-expired",
					"The API token has expired: create a new one on your profile page.");
			return;
		}
		if (!bearer.get().scope().allows(request.getMethod())) {
			problems.write(request, response, HttpStatus.FORBIDDEN, "api.token-read-only",
					"This API token may only read (GET): create a token with full access on your profile page to change anything.");
			return;
		}
		CurrentUser user = bearer.get().user();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
