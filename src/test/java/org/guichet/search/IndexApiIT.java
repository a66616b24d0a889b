package org.guichet.search;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.testing.ApiClient;
import org.guichet.testing.ApiClient.Response;
import org.guichet.testing.DatabaseNeutral;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The search index through the API, for administrators only, as the page /admin/search builds it. */
@GuichetIntegrationTest
@DatabaseNeutral
class IndexApiIT {

	@Autowired
	TestFixtures fixtures;

	@LocalServerPort
	int port;

	@Test
	void anAdministratorBuildsTheIndexAgainAndFollowsItUntilItSucceeded() {
		ApiClient admin = ApiClient.bearer(port, fixtures.token(fixtures.user("index-api-admin", Role.ADMINISTRATOR)));
		User requester = fixtures.user("index-api-requester", Role.REQUESTER);
		assertThat(admin.post("/api/v1/tickets", Map.of("type", "INCIDENT", "title", "Scanner offline", "description",
				"Since this morning", "urgency", "LOW", "requesterId", requester.getId())).status()).isEqualTo(201);
		Response started = admin.post("/api/v1/admin/search-index/rebuild", "");
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		assertThat(started.json().get("state").asString()).isIn("RUNNING", "SUCCEEDED");
		assertThat(started.json().get("startedAt").isNull()).isFalse();

		Response ended = Awaitility.await()
			.atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> admin.get("/api/v1/admin/search-index"),
					answer -> !"RUNNING".equals(answer.json().get("state").asString()));
		assertThat(ended.json().get("state").asString()).as(ended.toString()).isEqualTo("SUCCEEDED");
		assertThat(ended.json().get("percent").asInt()).isEqualTo(100);
		assertThat(ended.json().get("done").asLong()).as("the ticket at least").isPositive();
		assertThat(ended.json().get("failure").isNull()).isTrue();
	}

	@Test
	void onlyAdministratorsSeeOrStartABuild() {
		ApiClient technician = ApiClient.bearer(port, fixtures.token(fixtures.user("index-api-tech", Role.TECHNICIAN)));
		assertThat(technician.get("/api/v1/admin/search-index").status()).isEqualTo(403);
		assertThat(technician.post("/api/v1/admin/search-index/rebuild", "").status()).isEqualTo(403);
		assertThat(ApiClient.anonymous(port).post("/api/v1/admin/search-index/rebuild", "").status()).isEqualTo(401);
	}

}
