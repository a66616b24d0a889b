package org.guichet.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.guichet.testing.ApiClient;
import org.guichet.testing.GuichetProcess;
import org.guichet.testing.TestDatabase;
import org.guichet.testing.WebSession;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two Guichet processes ({@link GuichetProcess}) on one PostgreSQL database, as two nodes behind a
 * reverse proxy without sticky sessions (docs/SCALING.md): a session opened on one is served by
 * the other, a setting changed on one applies on the other without a restart, and a job that
 * runs once across nodes runs on one of them. On PostgreSQL only (H2 is one process's file):
 * 81 s on the build machine under load, so in the everyday build.
 */
class SeveralNodesIT {

	private static final String TRAINED = "Triage models learnt from";

	@Test
	void twoNodesOnOneDatabaseShareSessionsAndSettingsAndRunAOnceJobOnOne() throws Exception {
		assumeTrue(TestDatabase.isPostgres(), "nodes share a PostgreSQL database");
		Path folder = freshFolder();
		Map<String, String> shared = new LinkedHashMap<>();
		shared.put("spring.datasource.url",
				TestDatabase.jdbcUrl("several_nodes").replace("//localhost:", "//127.0.0.1:"));
		shared.put("spring.datasource.username", "postgres");
		// the training runs every 2 s on each node, never at start: at most one node may train per lease (5 min)
		shared.put("guichet.assist.train-when-missing", "false");
		shared.put("guichet.assist.training-cron", "*/2 * * * * *");

		try (GuichetProcess a = GuichetProcess.start(folder.resolve("a"), node(shared, folder.resolve("a/data")));
				GuichetProcess b = GuichetProcess.start(folder.resolve("b"), node(shared, folder.resolve("b/data")))) {
			String password = Files.readString(folder.resolve("a/data/initial-admin-password")).strip();

			WebSession browser = WebSession.signedIn(a.baseUrl(), "admin", password);
			assertThat(browser.get("/admin/settings").statusCode()).isEqualTo(200);
			assertThat(browser.at(b.baseUrl()).get("/admin/settings").statusCode())
				.as("the session opened on A, on B with the same cookie").isEqualTo(200);

			ApiClient onA = ApiClient.basic(a.baseUrl(), "admin", password);
			ApiClient onB = ApiClient.basic(b.baseUrl(), "admin", password);
			JsonNode before = onB.get("/api/v1/admin/settings/priority-matrix").json();
			String was = before.get("cells").get("LOW").get("LOW").asString();
			String now = "LOW".equals(was) ? "HIGH" : "LOW";
			ObjectNode changed = (ObjectNode) before.deepCopy();
			((ObjectNode) changed.get("cells").get("LOW")).put("LOW", now);
			assertThat(onA.put("/api/v1/admin/settings/priority-matrix", changed).status()).isEqualTo(200);
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(onB.get("/api/v1/admin/settings/priority-matrix").json()
					.get("cells").get("LOW").get("LOW").asString()).as("B's matrix after A's change").isEqualTo(now));

			await().atMost(Duration.ofSeconds(30)).until(() -> trainings(a) + trainings(b) > 0);
			Thread.sleep(6_000);
			assertThat(trainings(a) + trainings(b)).as("trainings on both nodes, three schedules later each")
				.isEqualTo(1);
		}
	}

	private static Map<String, String> node(Map<String, String> shared, Path dataDir) {
		Map<String, String> properties = new LinkedHashMap<>(shared);
		properties.put("guichet.data-dir", dataDir.toString());
		return properties;
	}

	private static long trainings(GuichetProcess node) throws IOException {
		try (Stream<String> lines = Files.lines(node.log())) {
			return lines.filter(line -> line.contains(TRAINED)).count();
		}
	}

	private static Path freshFolder() throws IOException {
		Path folder = Path.of("target", "several-nodes").toAbsolutePath();
		if (Files.exists(folder)) {
			try (Stream<Path> files = Files.walk(folder)) {
				for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(file);
				}
			}
		}
		return folder;
	}

}
