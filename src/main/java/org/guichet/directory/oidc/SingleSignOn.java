package org.guichet.directory.oidc;

import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * Signing in with the OpenID Connect provider of the settings: the login page's button starts at
 * {@value #START}; the provider is asked with PKCE at {@value #AUTHORIZE} and sends the person
 * back to {@value #CALLBACK}. A refusal or a failure lands on
 * {@value #PROBLEM}{@code ?problem=<code>} ({@link #PROBLEMS}), which explains it. Logging out of a
 * session signed in this way also ends the provider's, when it offers that.
 */
@Component
public class SingleSignOn {

	/** Where the login page's button leads. */
	public static final String START = "/login/sso/start";

	/** Where the provider sends the person back: the redirect URI to register at the provider, after the desk's address. */
	public static final String CALLBACK = "/login/sso/callback";

	/** The page that explains why a sign-in failed. */
	public static final String PROBLEM = "/login/sso";

	private static final Set<String> REFUSALS = Set.copyOf(Arrays.stream(FirstLogin.Problem.values())
		.map(FirstLogin.Problem::code)
		.collect(Collectors.toSet()));

	/**
	 * The codes {@value #PROBLEM} explains: the refusals of {@link FirstLogin}, {@code denied} (the
	 * person or the provider said no), {@code expired} (the sign-in took too long or was started in
	 * another browser), {@code disabled} (single sign-on is off) and {@code failed} (anything else).
	 */
	public static final Set<String> PROBLEMS = Stream
		.concat(REFUSALS.stream(), Stream.of("denied", "expired", "disabled", "failed"))
		.collect(Collectors.toUnmodifiableSet());

	static final String AUTHORIZE = "/login/sso/authorize";

	private static final Logger log = LoggerFactory.getLogger(SingleSignOn.class);

	private final OidcSettings settings;

	private final StoredClientRegistrations registrations;

	private final SsoUserService users;

	SingleSignOn(OidcSettings settings, StoredClientRegistrations registrations, SsoUserService users) {
		this.settings = settings;
		this.registrations = registrations;
		this.users = users;
	}

	/** The name on the login page's button, "Sign in with …"; null while single sign-on is off. */
	public @Nullable String buttonName() {
		OidcSettings.Provider provider = settings.current();
		return provider.usable() ? provider.displayName() : null;
	}

	/**
	 * Where a sign-in starts: the provider's authorization request.
	 *
	 * @return null while single sign-on is off, or its stored secret cannot be read
	 */
	public @Nullable String authorizationPath() {
		try {
			return registrations.findByRegistrationId(StoredClientRegistrations.REGISTRATION_ID) == null ? null
					: AUTHORIZE + "/" + StoredClientRegistrations.REGISTRATION_ID;
		}
		catch (RuntimeException ex) {
			log.warn("Single sign-on cannot start: {}", ex.getMessage());
			return null;
		}
	}

	/**
	 * Adds the sign-in with the provider to the web's filter chain.
	 *
	 * @param success where a person goes once signed in
	 */
	public void applyTo(HttpSecurity http, AuthenticationSuccessHandler success) throws Exception {
		DefaultOAuth2AuthorizationRequestResolver requests = new DefaultOAuth2AuthorizationRequestResolver(
				registrations, AUTHORIZE);
		requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		http.oauth2Login(login -> login.loginPage("/login")
			.clientRegistrationRepository(registrations)
			// the tokens are not used after the login: kept with the session, never in a node's memory
			.authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
			.authorizationEndpoint(endpoint -> endpoint.baseUri(AUTHORIZE).authorizationRequestResolver(requests))
			.redirectionEndpoint(endpoint -> endpoint.baseUri(CALLBACK))
			.userInfoEndpoint(endpoint -> endpoint.oidcUserService(users))
			.successHandler(success)
			.failureHandler(new ProblemPage()));
	}

	/**
	 * Ends the provider's session too when the person signed in with it and the provider offers
	 * RP-initiated logout ({@code end_session_endpoint}), back to {@code loggedOut} afterwards; else
	 * goes to {@code loggedOut} directly.
	 *
	 * @param loggedOut the path of the page after logout, e.g. {@code /login?logout}
	 */
	public LogoutSuccessHandler logoutSuccess(String loggedOut) {
		OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
		handler.setPostLogoutRedirectUri("{baseUrl}" + loggedOut);
		handler.setDefaultTargetUrl(loggedOut);
		return handler;
	}

	/** Sends a failed sign-in to the page that explains it. */
	private static final class ProblemPage implements AuthenticationFailureHandler {

		@Override
		public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
				AuthenticationException exception) throws IOException {
			String code = exception instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode()
					: "";
			String problem = REFUSALS.contains(code) ? code
					: "access_denied".equals(code) ? "denied"
							: "authorization_request_not_found".equals(code) ? "expired" : "failed";
			log.info("Single sign-on failed ({}): {}", problem, exception.getMessage());
			response.sendRedirect(request.getContextPath() + PROBLEM + "?problem=" + problem);
		}

	}

}
