package org.guichet.directory.oidc;

import java.util.Map;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.User;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A person signed in with the provider: the Guichet account everything else reads, and the
 * provider's user, whose ID token ends the provider's session at logout.
 */
final class SsoUser extends CurrentUser implements OidcUser {

	private final OidcIdToken idToken;

	private final @Nullable OidcUserInfo userInfo;

	SsoUser(User user, OidcUser provided) {
		super(user);
		this.idToken = provided.getIdToken();
		this.userInfo = provided.getUserInfo();
	}

	@Override
	public Map<String, Object> getClaims() {
		return idToken.getClaims();
	}

	@Override
	public @Nullable OidcUserInfo getUserInfo() {
		return userInfo;
	}

	@Override
	public OidcIdToken getIdToken() {
		return idToken;
	}

	@Override
	public Map<String, Object> getAttributes() {
		return idToken.getClaims();
	}

	@Override
	public String getName() {
		return getUsername();
	}

}
