package org.guichet.directory.web;

import org.guichet.directory.Role;
import org.guichet.directory.oidc.OidcSettings;
import org.jspecify.annotations.Nullable;

/** The single sign-on settings as typed on Administration › Single sign-on; the secret is never filled in. */
public class SsoForm {

	private boolean enabled;

	private @Nullable String displayName;

	private @Nullable String issuerUri;

	private @Nullable String clientId;

	private @Nullable String clientSecret;

	private @Nullable String scopes;

	private @Nullable String usernameClaim;

	private boolean createAccounts;

	private @Nullable Role newAccountRole;

	private boolean matchByEmail;

	private long version;

	/** The settings as stored. */
	static SsoForm of(OidcSettings.Provider provider) {
		SsoForm form = new SsoForm();
		OidcSettings.Changes now = OidcSettings.Changes.of(provider);
		form.enabled = now.enabled();
		form.displayName = now.displayName();
		form.issuerUri = now.issuerUri();
		form.clientId = now.clientId();
		form.scopes = now.scopes();
		form.usernameClaim = now.usernameClaim();
		form.createAccounts = now.createAccounts();
		form.newAccountRole = now.newAccountRole();
		form.matchByEmail = now.matchByEmail();
		form.version = provider.version();
		return form;
	}

	OidcSettings.Changes changes() {
		return new OidcSettings.Changes(enabled, displayName, issuerUri, clientId, clientSecret, scopes, usernameClaim,
				createAccounts, newAccountRole, matchByEmail);
	}

	public boolean isEnabled() {
		return enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getDisplayName() {
		return displayName;
	}

	public void setDisplayName(@Nullable String displayName) {
		this.displayName = displayName;
	}

	public @Nullable String getIssuerUri() {
		return issuerUri;
	}

	public void setIssuerUri(@Nullable String issuerUri) {
		this.issuerUri = issuerUri;
	}

	public @Nullable String getClientId() {
		return clientId;
	}

	public void setClientId(@Nullable String clientId) {
		this.clientId = clientId;
	}

	/** Always empty when shown: the stored secret is never given back. */
	public @Nullable String getClientSecret() {
		return null;
	}

	public void setClientSecret(@Nullable String clientSecret) {
		this.clientSecret = clientSecret;
	}

	public @Nullable String getScopes() {
		return scopes;
	}

	public void setScopes(@Nullable String scopes) {
		this.scopes = scopes;
	}

	public @Nullable String getUsernameClaim() {
		return usernameClaim;
	}

	public void setUsernameClaim(@Nullable String usernameClaim) {
		this.usernameClaim = usernameClaim;
	}

	public boolean isCreateAccounts() {
		return createAccounts;
	}

	public void setCreateAccounts(boolean createAccounts) {
		this.createAccounts = createAccounts;
	}

	public @Nullable Role getNewAccountRole() {
		return newAccountRole;
	}

	public void setNewAccountRole(@Nullable Role newAccountRole) {
		this.newAccountRole = newAccountRole;
	}

	public boolean isMatchByEmail() {
		return matchByEmail;
	}

	public void setMatchByEmail(boolean matchByEmail) {
		this.matchByEmail = matchByEmail;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
