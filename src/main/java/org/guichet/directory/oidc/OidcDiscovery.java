package org.guichet.directory.oidc;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a provider's discovery document ({@code <issuer>/.well-known/openid-configuration}) and
 * checks that it describes that issuer and offers what the login needs.
 */
@Component
class OidcDiscovery {

	static final String WELL_KNOWN = "/.well-known/openid-configuration";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(TIMEOUT)
		.followRedirects(HttpClient.Redirect.NORMAL)
		.build();

	private final JsonMapper json;

	OidcDiscovery(JsonMapper json) {
		this.json = json;
	}

	/** The discovery could not be read, or the document does not fit; the message says why, in English. */
	static class DiscoveryFailure extends RuntimeException {

		private final String reason;

		DiscoveryFailure(String reason, String message) {
			super(message);
			this.reason = reason;
		}

		/** What went wrong, for the messages: {@code unreachable}, {@code status}, {@code document}, {@code issuer}. */
		String reason() {
			return reason;
		}

	}

	/**
	 * Fetches and checks the issuer's discovery document.
	 *
	 * @param issuer the issuer's URL, without the well-known path
	 * @return the document as read, to be stored and parsed again by {@link #parse}
	 * @throws DiscoveryFailure when it cannot be fetched, is not JSON, names another issuer, or
	 *         lacks the authorization, token or key set endpoint
	 */
	String fetch(String issuer) {
		URI uri = URI.create(stripSlash(issuer) + WELL_KNOWN);
		HttpResponse<String> response;
		try {
			response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json").GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new DiscoveryFailure("unreachable", uri + " cannot be reached: " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DiscoveryFailure("unreachable", uri + " was not read: interrupted");
		}
		if (response.statusCode() != 200) {
			throw new DiscoveryFailure("status", uri + " answered " + response.statusCode());
		}
		Metadata metadata = parse(response.body());
		if (!stripSlash(metadata.issuer()).equals(stripSlash(issuer))) {
			throw new DiscoveryFailure("issuer", uri + " describes the issuer " + metadata.issuer() + ", not " + issuer);
		}
		return response.body();
	}

	/**
	 * A stored or fetched discovery document, read.
	 *
	 * @throws DiscoveryFailure ({@code document}) when it is not JSON or lacks a required member
	 */
	Metadata parse(String document) {
		Map<String, Object> members;
		try {
			members = json.readValue(document, new TypeReference<Map<String, Object>>() {
			});
		}
		catch (JacksonException ex) {
			throw new DiscoveryFailure("document", "The discovery document is not JSON");
		}
		return new Metadata(required(members, "issuer"), required(members, "authorization_endpoint"),
				required(members, "token_endpoint"), required(members, "jwks_uri"),
				optional(members, "userinfo_endpoint"), optional(members, "end_session_endpoint"),
				members.get("token_endpoint_auth_methods_supported") instanceof List<?> methods
						? methods.stream().map(String::valueOf).toList() : List.of("client_secret_basic"),
				members);
	}

	/**
	 * What a provider's discovery document says, as used.
	 *
	 * @param userinfoEndpoint null when the provider has none
	 * @param endSessionEndpoint null when it offers no RP-initiated logout
	 * @param tokenAuthMethods how a client may authenticate at the token endpoint
	 * @param members every member of the document
	 */
	record Metadata(String issuer, String authorizationEndpoint, String tokenEndpoint, String jwksUri,
			@Nullable String userinfoEndpoint, @Nullable String endSessionEndpoint, List<String> tokenAuthMethods,
			Map<String, Object> members) {

	}

	private static String required(Map<String, Object> members, String name) {
		String value = optional(members, name);
		if (value == null) {
			throw new DiscoveryFailure("document", "The discovery document has no " + name);
		}
		return value;
	}

	private static @Nullable String optional(Map<String, Object> members, String name) {
		return members.get(name) instanceof String value && !value.isBlank() ? value : null;
	}

	static String stripSlash(String uri) {
		return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
	}

}
