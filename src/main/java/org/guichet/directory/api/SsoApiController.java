package org.guichet.directory.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.oidc.OidcSettings;
import org.guichet.system.IfMatch;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The single sign-on settings for administrators, as Administration › Single sign-on shows and
 * saves them ({@link OidcSettings}): the client secret is written, never read.
 */
@RestController
@RequestMapping(path = "/api/v1/directory/oidc", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasRole('ADMINISTRATOR')")
class SsoApiController {

	private final OidcSettings settings;

	SsoApiController(OidcSettings settings) {
		this.settings = settings;
	}

	/**
	 * The settings as answered, never with the secret.
	 *
	 * @param hasClientSecret whether a secret is stored
	 * @param endSessionEndpoint the provider's logout endpoint from its discovery document; null for none
	 */
	record SsoJson(boolean enabled, String displayName, @Nullable String issuerUri, @Nullable String clientId,
			boolean hasClientSecret, List<String> scopes, String usernameClaim, boolean createAccounts,
			Role newAccountRole, boolean matchByEmail, @Nullable String endSessionEndpoint, long version) {

		static SsoJson of(OidcSettings.Provider p) {
			return new SsoJson(p.enabled(), p.displayName(), p.issuerUri(), p.clientId(), p.hasClientSecret(),
					p.scopes(), p.usernameClaim(), p.createAccounts(), p.newAccountRole(), p.matchByEmail(),
					p.endSessionEndpoint(), p.version());
		}

	}

	/**
	 * The settings as sent: every member replaces the stored one, but {@code clientSecret}.
	 *
	 * @param issuerUri null or absent: none (refused while {@code enabled})
	 * @param clientId null or absent: none (refused while {@code enabled})
	 * @param clientSecret write-only: a new secret; null, absent or blank keeps the stored one
	 * @param scopes {@code openid} is added when missing
	 * @param newAccountRole never {@code ADMINISTRATOR}
	 * @param version the version the change was made on; absent when If-Match names it (If-Match wins)
	 */
	record SsoBody(boolean enabled, String displayName, @Nullable String issuerUri, @Nullable String clientId,
			@Nullable String clientSecret, List<String> scopes, String usernameClaim, boolean createAccounts,
			Role newAccountRole, boolean matchByEmail, @Nullable Long version) {

		OidcSettings.Changes changes() {
			return new OidcSettings.Changes(enabled, displayName, issuerUri, clientId, clientSecret,
					String.join(" ", scopes), usernameClaim, createAccounts, newAccountRole, matchByEmail);
		}

	}

	@GetMapping
	@Operation(summary = "The single sign-on settings, their version as ETag; never the client secret")
	ResponseEntity<SsoJson> get() {
		return answer(settings.current());
	}

	/** Refused (400) naming each field at fault, as the page refuses it; the issuer's discovery is read first. */
	@PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Replaces the single sign-on settings (If-Match or version required); the secret is write-only")
	ResponseEntity<SsoJson> replace(@RequestBody SsoBody body,
			@RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch,
			@AuthenticationPrincipal CurrentUser me) {
		long version = IfMatch.required(ifMatch, body.version());
		return answer(settings.save(body.changes(), version, me.userId()));
	}

	/** Refused (400, on {@code issuerUri}) when no issuer is saved or its discovery fails. */
	@PostMapping("/test")
	@Operation(summary = "Reads the saved issuer's discovery document again and answers what it offers")
	OidcSettings.Discovered test() {
		return settings.test();
	}

	private static ResponseEntity<SsoJson> answer(OidcSettings.Provider provider) {
		return ResponseEntity.ok().eTag(IfMatch.etag(provider.version())).body(SsoJson.of(provider));
	}

}
