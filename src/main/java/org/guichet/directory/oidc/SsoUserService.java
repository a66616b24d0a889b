package org.guichet.directory.oidc;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * After the provider's ID token is checked: reads the user info when the provider has some, then
 * the Guichet account of the person ({@link SsoAccounts}). A refusal fails the login with the
 * problem's code as the error code.
 */
@Component
class SsoUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private final OidcUserService provider = new OidcUserService();

	private final SsoAccounts accounts;

	private final OidcSettings settings;

	SsoUserService(SsoAccounts accounts, OidcSettings settings) {
		this.accounts = accounts;
		this.settings = settings;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		OidcUser provided = provider.loadUser(request);
		try {
			return accounts.signIn(provided, settings.current());
		}
		catch (SsoAccounts.Refused ex) {
			throw new OAuth2AuthenticationException(new OAuth2Error(ex.problem().code(), ex.getMessage(), null), ex);
		}
	}

}
