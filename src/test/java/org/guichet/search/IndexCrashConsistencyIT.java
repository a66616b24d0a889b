package org.guichet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import org.guichet.bench.Seed;
import org.guichet.testing.ApiClient;
import org.guichet.testing.ApiClient.Response;
import org.guichet.testing.GuichetProcess;
import org.guichet.testing.TestDatabase;
import org.guichet.testing.TestSweep;
import org.junit.jupiter.api.Test;

/**
 * The index after a crash, with Guichet's shipped configuration (outbox-polling coordination, the
 * index under the data directory) in a process of its own on H2 and PostgreSQL, in the full
 * sweep only ({@code -Pfull}, see {@link TestSweep}): tickets committed
 * while no outbox processor runs are not in the index, Guichet is killed (SIGKILL), and at the
 * next start their outbox events bring them to the index; an index folder deleted while Guichet
 * is down is built again at start from the database, Guichet serving meanwhile, as is an index
 * whose fields are of an older version (an upgrade).
 */
class IndexCrashConsistencyIT {

	private static final Duration PATIENCE = Duration.ofSeconds(90);

	/** A made-up word of this run: the hexadecimal digits of a UUID written as letters. */
	private final String marker = "zqcrash" + UUID.randomUUID()
		.toString()
		.substring(0, 8)
		.chars()
		.mapToObj(c -> String.valueOf((char) ('a' + Character.digit(c, 16))))
		.reduce("", String::concat);

	@Test
	void changesCommittedBeforeACrashReachTheIndexAtTheNextStartAndALostIndexIsBuiltAgain() throws Exception {
		TestSweep.assumeProcessTestsRun();
		Path folder = freshFolder();
		Path dataDir = folder.resolve("data");
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("guichet.data-dir", dataDir.toString());
		properties.put("spring.jpa.properties.hibernate.search.coordination.event_processor.enabled", "false");
		List<String> seed = new ArrayList<>(List.of("--tickets", "20", "--open", "5", "--data-dir", dataDir.toString()));
		if (TestDatabase.isPostgres()) {
			String url = TestDatabase.jdbcUrl("search_crash").replace("//localhost:", "//127.0.0.1:");
			properties.put("spring.datasource.url", url);
			properties.put("spring.datasource.username", "postgres");
			seed.addAll(List.of("--url", url, "--user", "postgres", "--password", ""));
		}
		Seed.main(seed.toArray(String[]::new));
		String token = benchProperties(dataDir).getProperty("technician.token");

		Path fields = dataDir.resolve("index").resolve("fields-version");
		String version = Integer.toString(IndexBuild.FIELDS_VERSION);
		try (GuichetProcess guichet = GuichetProcess.start(folder, properties)) {
			ApiClient api = ApiClient.bearer(guichet.baseUrl(), token);
			// the seeded tickets are indexed at start: the build must not take the next ones in
			assertThat(awaitContent(fields, version)).as("the first build, its fields' version written").isTrue();
			List<Long> created = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				Response response = api.post("/api/v1/tickets", Map.of("type", "INCIDENT", "title",
						"Imprimante hors ligne " + marker, "description", "Le voyant clignote.", "urgency", "MEDIUM"));
				assertThat(response.status()).as(response.toString()).isEqualTo(201);
				created.add(response.json().get("id").asLong());
			}
			assertThat(hits(api)).as("committed, not applied: no outbox processor runs").isEmpty();

			guichet.kill();
			guichet.startAgain(Map.of("spring.jpa.properties.hibernate.search.coordination.event_processor.enabled",
					"true"));
			assertThat(awaitHits(api, created.size())).as("after the restart").containsExactlyInAnyOrderElementsOf(created);

			guichet.kill();
			deleteTree(dataDir.resolve("index"));
			guichet.startAgain();
			assertThat(api.get("/api/v1/tickets/" + created.get(0)).status()).as("serving while the index is built")
				.isEqualTo(200);
			assertThat(awaitHits(api, created.size())).as("after the index folder was lost")
				.containsExactlyInAnyOrderElementsOf(created);

			assertThat(awaitContent(fields, version)).as("written by the build").isTrue();
			guichet.kill();
			Files.writeString(fields, "1");
			guichet.startAgain();
			assertThat(awaitContent(fields, version)).as("an index of older fields is built again at start").isTrue();
			assertThat(awaitHits(api, created.size())).as("after the upgrade's build").containsExactlyInAnyOrderElementsOf(created);
		}
	}

	private static boolean awaitContent(Path file, String content) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (!(Files.exists(file) && Files.readString(file).strip().equals(content)) && System.nanoTime() < deadline) {
			Thread.sleep(250);
		}
		return Files.exists(file) && Files.readString(file).strip().equals(content);
	}

	private List<Long> hits(ApiClient api) {
		Response response = api.get("/api/v1/search?kind=ticket&q=imprimantes%20" + marker);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		List<Long> ids = new ArrayList<>();
		response.json().get("results").get(0).get("hits").forEach(hit -> ids.add(Long.parseLong(hit.get("id").asString())));
		return ids;
	}

	private List<Long> awaitHits(ApiClient api, int expected) throws InterruptedException {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		List<Long> found = hits(api);
		while (found.size() < expected && System.nanoTime() < deadline) {
			Thread.sleep(250);
			found = hits(api);
		}
		return found;
	}

	private static Path freshFolder() throws IOException {
		Path folder = Path.of("target", "search-crash", TestDatabase.isPostgres() ? "postgresql" : "h2").toAbsolutePath();
		deleteTree(folder);
		return Files.createDirectories(folder);
	}

	private static void deleteTree(Path folder) throws IOException {
		if (Files.exists(folder)) {
			try (Stream<Path> files = Files.walk(folder)) {
				for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(file);
				}
			}
		}
	}

	private static Properties benchProperties(Path dataDir) {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(dataDir.resolve("bench.properties"))) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

}
