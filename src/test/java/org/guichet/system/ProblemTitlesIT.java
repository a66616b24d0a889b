package org.guichet.system;

import java.util.Map;

import org.guichet.directory.Role;
import org.guichet.testing.ApiClient;
import org.guichet.testing.DatabaseNeutral;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A problem's {@code title} is in the caller's language, as its {@code detail} is, whoever
 * refused: a service (404), the body's reading (400), the security filters (401), Spring's
 * routing (405).
 */
@GuichetIntegrationTest
@DatabaseNeutral
class ProblemTitlesIT {

	@LocalServerPort
	private int port;

	@Autowired
	private TestFixtures fixtures;

	@Test
	void everyProblemHasItsTitleInFrenchForAFrenchCaller() {
		ApiClient technician = ApiClient.bearer(port, fixtures.token(fixtures.user("titles-tech", Role.TECHNICIAN)));

		assertTitle(technician.get("/api/v1/tickets/987654321", "Accept-Language", "fr"), 404, "Introuvable");
		assertTitle(technician.post("/api/v1/tickets", Map.of("type", "NOTHING"), "Accept-Language", "fr"), 400,
				"Requête incorrecte");
		assertTitle(ApiClient.anonymous(port).get("/api/v1/tickets", "Accept-Language", "fr"), 401,
				"Non authentifié");
		assertTitle(technician.patch("/api/v1/tickets", Map.of(), "Accept-Language", "fr"), 405,
				"Méthode non autorisée");
	}

	@Test
	void anEnglishCallerReadsTheEnglishTitle() {
		ApiClient technician = ApiClient.bearer(port, fixtures.token(fixtures.user("titles-tech-en", Role.TECHNICIAN)));

		assertTitle(technician.get("/api/v1/tickets/987654321", "Accept-Language", "en"), 404, "Not Found");
	}

	private static void assertTitle(ApiClient.Response response, int status, String title) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.path("title").asString()).as(response.text()).isEqualTo(title);
	}

}
