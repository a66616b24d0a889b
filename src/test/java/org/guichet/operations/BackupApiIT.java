package org.guichet.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.guichet.directory.Role;
import org.guichet.testing.ApiClient;
import org.guichet.testing.ApiClient.Response;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The backup operations on the test databases, neither of which is an embedded H2 file database
 * (in-memory H2, PostgreSQL): a copy is refused with the tool to use instead, in the caller's
 * language, and none is listed. The copy itself is proven on a file database by
 * {@link OnlineBackupTests}.
 */
@GuichetIntegrationTest
class BackupApiIT {

	@Autowired
	TestFixtures fixtures;

	@LocalServerPort
	int port;

	@Test
	void aDatabaseThatIsNotAnEmbeddedFileIsNotCopiedAndItsOwnToolIsNamed() {
		ApiClient admin = ApiClient.bearer(port, fixtures.token(fixtures.user("backup-admin", Role.ADMINISTRATOR)));

		Response refused = admin.post("/api/v1/admin/backups", Map.of(), "Accept-Language", "fr");

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.json().path("code").asString()).isEqualTo("backup.not-embedded");
		assertThat(refused.json().path("detail").asString()).contains("pg_dump").contains("utilisez ses propres outils");
		Response copies = admin.get("/api/v1/admin/backups");
		assertThat(copies.status()).isEqualTo(200);
		assertThat(copies.json().isEmpty()).isTrue();
	}

}
