package org.guichet.system;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.guichet.bench.Seed;
import org.guichet.testing.ApiClient;
import org.guichet.testing.GuichetProcess;
import org.guichet.testing.TestDatabase;
import org.guichet.testing.TestSweep;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills Guichet with SIGKILL while many clients create tickets through the API, starts it again
 * on the same database, and checks that nothing answered {@code 201 Created} was lost and that
 * retrying with the same {@code Idempotency-Key} creates each ticket exactly once.
 * <p>
 * Guichet runs as a separate process ({@link GuichetProcess}) with its shipped configuration: on
 * H2, the default database URL in a fresh data directory; on PostgreSQL, a database of its own on
 * the tests' server, which the kill leaves running. The database is seeded with the benchmark's
 * {@link Seed} (a few tickets) for its technician's API token. Runs in the full sweep only
 * ({@code -Pfull}, see {@link TestSweep}).
 */
class CrashRecoveryIT {

	private static final int CLIENTS = 32;

	/** Acknowledged tickets to wait for before the kill (or {@link #LOAD_LIMIT}, whichever comes first). */
	private static final int ACKNOWLEDGED_BEFORE_KILL = 400;

	private static final Duration LOAD_LIMIT = Duration.ofSeconds(8);

	private final String run = "crash" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void everyAcknowledgedTicketSurvivesAKillAndRetriedKeysCreateEachTicketOnce() throws Exception {
		TestSweep.assumeProcessTestsRun();
		Path folder = freshFolder();
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("guichet.data-dir", folder.resolve("data").toString());
		List<String> seed = new ArrayList<>(
				List.of("--tickets", "20", "--open", "5", "--data-dir", folder.resolve("data").toString()));
		if (TestDatabase.isPostgres()) {
			String url = TestDatabase.jdbcUrl("crash_recovery").replace("//localhost:", "//127.0.0.1:");
			properties.put("spring.datasource.url", url);
			properties.put("spring.datasource.username", "postgres");
			seed.addAll(List.of("--url", url, "--user", "postgres", "--password", ""));
		}
		Seed.main(seed.toArray(String[]::new));
		String token = benchProperties(folder.resolve("data")).getProperty("technician.token");

		try (GuichetProcess guichet = GuichetProcess.start(folder, properties)) {
			ApiClient api = ApiClient.bearer(guichet.baseUrl(), token);
			Load load = new Load(api);
			load.runUntilKilled(guichet);
			assertThat(load.acknowledged).as("tickets acknowledged before the kill").hasSizeGreaterThan(CLIENTS);
			assertThat(load.refused).as("answers other than 201 before the kill").isEmpty();

			System.out.printf("%s: %d tickets acknowledged, %d requests unanswered at the kill%n", run,
					load.acknowledged.size(), load.unanswered.size());
			guichet.startAgain();

			List<Attempt> lost = load.acknowledged.stream().filter(attempt -> {
				ApiClient.Response found = api.get("/api/v1/tickets/" + attempt.id);
				return found.status() != 200 || !found.json().get("title").asString().equals(attempt.title);
			}).toList();
			assertThat(lost).as("of %d tickets answered 201 before SIGKILL, these are gone after the restart",
					load.acknowledged.size())
				.isEmpty();

			Map<String, Long> retried = retry(api, Stream.concat(load.acknowledged.stream(), load.unanswered.stream()).toList());
			load.acknowledged.forEach(attempt -> assertThat(retried.get(attempt.key))
				.as("the retry of an acknowledged request answers its ticket")
				.isEqualTo(attempt.id));

			Map<String, Integer> once = new HashMap<>();
			Stream.concat(load.acknowledged.stream(), load.unanswered.stream()).forEach(a -> once.put(a.title, 1));
			// the list's words are read from the search index, which applies the outbox's events after the commit
			Map<String, Integer> copies = titlesOfRun(api);
			for (long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos(); !copies.equals(once)
					&& System.nanoTime() < deadline; copies = titlesOfRun(api)) {
				Thread.sleep(250);
			}
			assertThat(copies).as("tickets of this run by title, after every request was retried with its key")
				.isEqualTo(once);
		}
	}

	/** Sends every attempt again with its key; gives each key's ticket id. */
	private static Map<String, Long> retry(ApiClient api, List<Attempt> attempts) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			Map<String, Future<ApiClient.Response>> answers = new LinkedHashMap<>();
			for (Attempt attempt : attempts) {
				answers.put(attempt.key, pool.submit(() -> create(api, attempt)));
			}
			Map<String, Long> ids = new HashMap<>();
			for (var answer : answers.entrySet()) {
				ApiClient.Response response = answer.getValue().get();
				assertThat(response.status()).as("retry with key %s: %s", answer.getKey(), response).isEqualTo(201);
				ids.put(answer.getKey(), response.json().get("id").asLong());
			}
			return ids;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** How many tickets carry each title of this run. */
	private Map<String, Integer> titlesOfRun(ApiClient api) {
		Map<String, Integer> copies = new HashMap<>();
		boolean next = true;
		for (int page = 0; next; page++) {
			JsonNode slice = api.get("/api/v1/tickets?queue=ALL&size=100&page=" + page + "&text=" + run).json();
			slice.get("items").forEach(ticket -> copies.merge(ticket.get("title").asString(), 1, Integer::sum));
			next = slice.get("hasNext").asBoolean();
		}
		return copies;
	}

	private static ApiClient.Response create(ApiClient api, Attempt attempt) {
		return api.post("/api/v1/tickets",
				Map.of("type", "INCIDENT", "title", attempt.title, "description",
						"Écran noir au démarrage, le voyant clignote orange.", "urgency", "MEDIUM"),
				"Idempotency-Key", attempt.key);
	}

	private Path freshFolder() throws IOException {
		Path folder = Path.of("target", "crash-recovery", TestDatabase.isPostgres() ? "postgresql" : "h2").toAbsolutePath();
		if (Files.exists(folder)) {
			try (Stream<Path> files = Files.walk(folder)) {
				for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(file);
				}
			}
		}
		return Files.createDirectories(folder);
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

	/** One create request: its key and unique title, and the ticket id once answered 201. */
	private record Attempt(String key, String title, long id) {

		Attempt answered(long ticketId) {
			return new Attempt(key, title, ticketId);
		}

	}

	/** {@link #CLIENTS} threads creating tickets one after the other until the process is killed. */
	private final class Load {

		private final ApiClient api;

		private final Queue<Attempt> acknowledged = new ConcurrentLinkedQueue<>();

		/** Sent (or about to be) when the process died: no answer came. */
		private final Queue<Attempt> unanswered = new ConcurrentLinkedQueue<>();

		private final Queue<String> refused = new ConcurrentLinkedQueue<>();

		private final AtomicBoolean killed = new AtomicBoolean();

		Load(ApiClient api) {
			this.api = api;
		}

		void runUntilKilled(GuichetProcess guichet) throws InterruptedException {
			List<Thread> clients = new ArrayList<>();
			for (int c = 0; c < CLIENTS; c++) {
				int client = c;
				Thread thread = new Thread(() -> createUntilKilled(client), "crash-client-" + c);
				thread.start();
				clients.add(thread);
			}
			long limit = System.nanoTime() + LOAD_LIMIT.toNanos();
			while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && System.nanoTime() < limit) {
				Thread.sleep(20);
			}
			// right after an answer, when the commits of the last moments are the least likely to be on disk
			int seen = acknowledged.size();
			while (acknowledged.size() == seen && System.nanoTime() < limit + Duration.ofSeconds(5).toNanos()) {
				Thread.onSpinWait();
			}
			killed.set(true);
			guichet.kill();
			for (Thread client : clients) {
				client.join(30_000);
			}
		}

		private void createUntilKilled(int client) {
			for (int n = 0;; n++) {
				Attempt attempt = new Attempt(UUID.randomUUID().toString(), run + " client " + client + " ticket " + n, 0);
				ApiClient.Response response;
				try {
					response = create(api, attempt);
				}
				catch (UncheckedIOException ex) {
					unanswered.add(attempt);
					return;
				}
				if (response.status() == 201) {
					acknowledged.add(attempt.answered(response.json().get("id").asLong()));
				}
				else if (killed.get()) {
					unanswered.add(attempt);
				}
				else {
					refused.add(response.toString());
				}
				if (killed.get()) {
					return;
				}
			}
		}

	}

}
