package org.guichet.directory.oidc;

import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.stereotype.Component;

/**
 * The decoder that checks ID tokens (signature by the provider's keys, issuer, audience, times).
 * Spring's factory keeps one per registration id for ever; the registration here changes when an
 * administrator saves other settings, so the decoder is made again when its key set, issuer or
 * client changes (the key set itself is cached and refreshed by the decoder).
 */
@Component
class IdTokenDecoders implements JwtDecoderFactory<ClientRegistration> {

	private record Made(String stamp, JwtDecoder decoder) {
	}

	private final AtomicReference<@Nullable Made> current = new AtomicReference<>();

	@Override
	public JwtDecoder createDecoder(ClientRegistration registration) {
		String stamp = registration.getProviderDetails().getJwkSetUri() + " "
				+ registration.getProviderDetails().getIssuerUri() + " " + registration.getClientId();
		Made made = current.updateAndGet(known -> known != null && known.stamp().equals(stamp) ? known
				: new Made(stamp, new OidcIdTokenDecoderFactory().createDecoder(registration)));
		return made.decoder();
	}

}
