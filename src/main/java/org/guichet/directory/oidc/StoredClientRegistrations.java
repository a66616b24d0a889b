package org.guichet.directory.oidc;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.stereotype.Component;

/**
 * The one client registration, {@value #REGISTRATION_ID}, built from the stored settings at each
 * use (one primary-key read): a change saved on any node applies to the next login everywhere.
 * None while single sign-on is off.
 */
@Component
class StoredClientRegistrations implements ClientRegistrationRepository {

	static final String REGISTRATION_ID = "oidc";

	private final OidcSettings settings;

	StoredClientRegistrations(OidcSettings settings) {
		this.settings = settings;
	}

	@Override
	public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
		if (!REGISTRATION_ID.equals(registrationId)) {
			return null;
		}
		return settings.login().map(StoredClientRegistrations::registration).orElse(null);
	}

	private static ClientRegistration registration(OidcSettings.Login login) {
		OidcDiscovery.Metadata metadata = login.metadata();
		OidcSettings.Provider provider = login.provider();
		ClientAuthenticationMethod method = login.clientSecret() == null ? ClientAuthenticationMethod.NONE
				: metadata.tokenAuthMethods().contains("client_secret_basic")
						|| !metadata.tokenAuthMethods().contains("client_secret_post")
								? ClientAuthenticationMethod.CLIENT_SECRET_BASIC
								: ClientAuthenticationMethod.CLIENT_SECRET_POST;
		return ClientRegistration.withRegistrationId(REGISTRATION_ID)
			.clientId(provider.clientId())
			.clientSecret(login.clientSecret())
			.clientAuthenticationMethod(method)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}" + SingleSignOn.CALLBACK)
			.scope(provider.scopes())
			.clientName(provider.displayName())
			.issuerUri(metadata.issuer())
			.authorizationUri(metadata.authorizationEndpoint())
			.tokenUri(metadata.tokenEndpoint())
			.jwkSetUri(metadata.jwksUri())
			.userInfoUri(metadata.userinfoEndpoint())
			.userNameAttributeName(IdTokenClaimNames.SUB)
			.providerConfigurationMetadata(metadata.members())
			.build();
	}

}
