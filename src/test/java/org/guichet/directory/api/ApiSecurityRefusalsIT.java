package org.guichet.directory.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.guichet.directory.ApiTokens;
import org.guichet.directory.Role;
import org.guichet.directory.TokenScope;
import org.guichet.testing.ApiClient;
import org.guichet.testing.ApiClient.Response;
import org.guichet.testing.DatabaseNeutral;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The refusals of the API's security filters (401, 403), made before any controller runs, read
 * like every other refusal: problem+json with a {@code code} a client can rely on and a detail in
 * the language asked for.
 */
@GuichetIntegrationTest
@DatabaseNeutral
class ApiSecurityRefusalsIT {

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ApiTokens tokens;

	@LocalServerPort
	int port;

	@Test
	void noCredentialsAreRefusedWithTheirCodeInTheLanguageAsked() {
		Response refused = ApiClient.anonymous(port).get("/api/v1/users/me", "Accept-Language", "fr");

		assertRefused(refused, 401, "api.login-required");
		assertThat(refused.json().path("detail").asString()).startsWith("Authentification requise");
	}

	@Test
	void aWrongPasswordIsRefusedWithItsCode() {
		fixtures.user("wrong-password", Role.REQUESTER);

		assertRefused(ApiClient.basic(port, "wrong-password", "not-the-password").get("/api/v1/users/me"), 401,
				"api.credentials-invalid");
	}

	@Test
	void anUnknownTokenIsRefusedWithItsCode() {
		assertRefused(ApiClient.bearer(port, "gch_unknown").get("/api/v1/users/me"), 401, "api.token-unknown");
	}

	@Test
	void aReadOnlyTokenThatWritesIsRefusedWithItsCode() {
		String token = tokens.create(fixtures.user("read-only", Role.ADMINISTRATOR).id(), "read", TokenScope.READ_ONLY,
				null);

		assertRefused(ApiClient.bearer(port, token).post("/api/v1/webhooks", Map.of()), 403, "api.token-read-only");
	}

	@Test
	void aRoleThatMayNotCallAnOperationIsRefusedWithACode() {
		ApiClient requester = ApiClient.bearer(port, fixtures.token(fixtures.user("no-webhooks", Role.REQUESTER)));

		Response refused = requester.get("/api/v1/webhooks", "Accept-Language", "en");

		assertRefused(refused, 403, "api.role-forbidden");
		assertThat(refused.json().path("detail").asString()).isEqualTo("Your role does not allow this operation.");
	}

	private static void assertRefused(Response refused, int status, String code) {
		assertThat(refused.status()).isEqualTo(status);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.json().path("code").asString()).isEqualTo(code);
		assertThat(refused.json().path("detail").asString()).isNotBlank();
	}

}
