package org.guichet.system;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.guichet.search.SearchWords;
import org.guichet.testing.ApiClient;
import org.guichet.testing.GuichetProcess;
import org.guichet.testing.OpenSearchNode;
import org.guichet.testing.TestDatabase;
import org.guichet.testing.TestSweep;
import org.guichet.testing.WebSession;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two Guichet processes ({@link GuichetProcess}) on one PostgreSQL database and one OpenSearch
 * node ({@link OpenSearchNode}), as two nodes behind a reverse proxy without sticky sessions
 * (docs/SCALING.md): a session opened on one is served by the other, a setting changed on one
 * applies on the other without a restart, a job that runs once across nodes runs on one of them,
 * what one node writes is found by the other's search, on the shared index, analysed as the
 * embedded index analyses it, and a rebuild started on one node fills the index both read. On
 * PostgreSQL only (H2 is one process's file), in the full sweep ({@code -Pfull}, which CI runs):
 * about 95 s of both cores of the build machine, OpenSearch's start included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeveralNodesIT {

	private static final String TRAINED = "Triage models learnt from";

	private static final Duration INDEXED = Duration.ofSeconds(30);

	private @Nullable OpenSearchNode openSearch;

	private @Nullable GuichetProcess a;

	private @Nullable GuichetProcess b;

	private String password = "";

	@BeforeAll
	void startTheNodes() throws IOException {
		assumeTrue(TestDatabase.isPostgres(), "nodes share a PostgreSQL database");
		TestSweep.assumeProcessTestsRun();
		Path folder = freshFolder();
		openSearch = OpenSearchNode.start("several-nodes");
		Map<String, String> shared = new LinkedHashMap<>();
		shared.put("spring.datasource.url",
				TestDatabase.jdbcUrl("several_nodes").replace("//localhost:", "//127.0.0.1:"));
		shared.put("spring.datasource.username", "postgres");
		shared.put("guichet.search.backend", "opensearch");
		shared.put("guichet.search.opensearch.uris", openSearch.uri());
		// the training runs every 2 s on each node, never at start: at most one node may train per lease (5 min)
		shared.put("guichet.assist.train-when-missing", "false");
		shared.put("guichet.assist.training-cron", "*/2 * * * * *");
		a = GuichetProcess.start(folder.resolve("a"), node(shared, folder.resolve("a/data")));
		b = GuichetProcess.start(folder.resolve("b"), node(shared, folder.resolve("b/data")));
		password = Files.readString(folder.resolve("a/data/initial-admin-password")).strip();
	}

	@AfterAll
	void stopTheNodes() {
		for (AutoCloseable running : new AutoCloseable[] { b, a, openSearch }) {
			if (running != null) {
				try {
					running.close();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
	}

	@Test
	void aSessionOpenedOnOneNodeIsServedByTheOther() throws Exception {
		WebSession browser = WebSession.signedIn(a().baseUrl(), "admin", password);
		assertThat(browser.get("/admin/settings").statusCode()).isEqualTo(200);
		assertThat(browser.at(b().baseUrl()).get("/admin/settings").statusCode())
			.as("the session opened on A, on B with the same cookie").isEqualTo(200);
	}

	@Test
	void aSettingChangedOnOneNodeAppliesOnTheOtherWithoutARestart() {
		ApiClient onA = ApiClient.basic(a().baseUrl(), "admin", password);
		ApiClient onB = ApiClient.basic(b().baseUrl(), "admin", password);
		JsonNode before = onB.get("/api/v1/admin/settings/priority-matrix").json();
		String was = before.get("cells").get("LOW").get("LOW").asString();
		String now = "LOW".equals(was) ? "HIGH" : "LOW";
		ObjectNode changed = (ObjectNode) before.deepCopy();
		((ObjectNode) changed.get("cells").get("LOW")).put("LOW", now);
		assertThat(onA.put("/api/v1/admin/settings/priority-matrix", changed).status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(onB.get("/api/v1/admin/settings/priority-matrix").json()
				.get("cells").get("LOW").get("LOW").asString()).as("B's matrix after A's change").isEqualTo(now));
	}

	@Test
	void aJobUnderALeaseRunsOnOneNodeOnly() throws Exception {
		await().atMost(Duration.ofSeconds(30)).until(() -> trainings(a()) + trainings(b()) > 0);
		Thread.sleep(6_000);
		assertThat(trainings(a()) + trainings(b())).as("trainings on both nodes, three schedules later each")
			.isEqualTo(1);
	}

	@Test
	void aTicketAndAnArticleWrittenOnOneNodeAreFoundBySearchOnTheOther() {
		ApiClient onA = ApiClient.basic(a().baseUrl(), "admin", password);
		ApiClient onB = ApiClient.basic(b().baseUrl(), "admin", password);
		String marker = "zqnodesticket";
		long ticket = createTicket(onA, "INCIDENT", "Badge refusé " + marker, "Le lecteur du hall refuse mon badge.");
		ApiClient.Response article = onA.post("/api/v1/articles", Map.of("title", "Badge " + marker + " : lecteur",
				"body", "Passer le badge à plat devant le lecteur.", "kind", "FAQ", "audience", "PUBLIC", "language", "FR",
				"tags", List.of()));
		assertThat(article.status()).as(article.toString()).isEqualTo(201);

		await().atMost(INDEXED).untilAsserted(() -> {
			assertThat(ids(search(onB, "badges " + marker, "&kind=ticket"))).as("the ticket on B's search").containsExactly(ticket);
			assertThat(ids(search(onB, "badge " + marker, "&kind=article")))
				.as("the article on B's search").containsExactly(Long.parseLong(article.json().get("id").asString()));
		});
	}

	@Test
	void theSharedIndexAnalysesAsTheEmbeddedOneAndCountsFacets() throws Exception {
		ApiClient onA = ApiClient.basic(a().baseUrl(), "admin", password);
		ApiClient onB = ApiClient.basic(b().baseUrl(), "admin", password);
		String marker = "zqnodesfacets";
		long jammed = createTicket(onA, "INCIDENT", "Imprimante bloquée " + marker, "Le bac papier est vide.");
		long upstairs = createTicket(onA, "SERVICE_REQUEST", "Nouvelle imprimante à l'étage " + marker,
				"Pour l'équipe comptable.");
		long screen = createTicket(onA, "INCIDENT", "Écran noir " + marker, "Plus rien ne s'affiche.");

		await().atMost(INDEXED).untilAsserted(() -> {
			JsonNode printers = search(onB, "imprimantes " + marker, "&kind=ticket");
			assertThat(ids(printers)).as("inflection and accents").containsExactlyInAnyOrder(jammed, upstairs);
			assertThat(facet(printers, "type")).containsExactlyInAnyOrderEntriesOf(
					Map.of("INCIDENT", 1L, "SERVICE_REQUEST", 1L));
			assertThat(facet(printers, "status").values().stream().mapToLong(Long::longValue).sum())
				.as("the status facet counts both").isEqualTo(2);
			assertThat(ids(search(onB, "ecran " + marker, "&kind=ticket"))).as("accents folded").containsExactly(screen);
		});
		JsonNode filtered = search(onB, "imprimante " + marker, "&kind=ticket&type=SERVICE_REQUEST");
		assertThat(ids(filtered)).as("a facet's filter").containsExactly(upstairs);
		String suggested = WebSession.signedIn(b().baseUrl(), "admin", password)
			.get("/search/suggest?q=" + marker + "%20impr")
			.body();
		assertThat(suggested).as("the search box's suggestions of a word's start")
			.contains("/agent/tickets/" + jammed + "\"", "/agent/tickets/" + upstairs + "\"")
			.doesNotContain("/agent/tickets/" + screen + "\"");

		String ticketIndex = index("ticket");
		for (String text : List.of("Les imprimantes de l'étage ne marchent plus", "The user's laptops keep booting",
				"Wi-Fi coupé : accès refusé à l'e-mail", "IPv6 et DNS du 2e étage")) {
			assertThat(openSearchTerms(ticketIndex, text)).as(text).isEqualTo(SearchWords.terms(text));
		}
	}

	@Test
	void aRebuildStartedOnOneNodeFillsTheIndexEveryNodeReads() {
		ApiClient onA = ApiClient.basic(a().baseUrl(), "admin", password);
		ApiClient onB = ApiClient.basic(b().baseUrl(), "admin", password);
		String marker = "zqnodesrebuild";
		long ticket = createTicket(onA, "INCIDENT", "Scanner hors ligne " + marker, "Le scanner du 3e ne répond plus.");
		await().atMost(INDEXED)
			.untilAsserted(() -> assertThat(ids(search(onA, "scanner " + marker, "&kind=ticket"))).containsExactly(ticket));

		assertThat(onB.post("/api/v1/admin/search-index/rebuild", Map.of()).status()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
				onB.get("/api/v1/admin/search-index").json().get("state").asString()).isEqualTo("SUCCEEDED"));
		assertThat(onB.get("/api/v1/admin/search-index").json().get("done").asLong()).as("documents indexed by B")
			.isPositive();
		await().atMost(INDEXED).untilAsserted(() -> assertThat(ids(search(onA, "scanner " + marker, "&kind=ticket")))
			.as("A's search after B's build").containsExactly(ticket));
	}

	private GuichetProcess a() {
		assertThat(a).isNotNull();
		return a;
	}

	private GuichetProcess b() {
		assertThat(b).isNotNull();
		return b;
	}

	/** The OpenSearch index of Hibernate Search's index {@code name}: {@code guichet-v<fields version>-<name>-000001}. */
	private String index(String name) {
		List<String> found = new ArrayList<>();
		for (String index : openSearch().call("/_cat/indices?h=index", null).split("\\s+")) {
			if (index.matches("guichet-v\\d+-" + name + "-000001")) {
				found.add(index);
			}
		}
		assertThat(found).as("the indexes of Guichet on OpenSearch").hasSize(1);
		return found.get(0);
	}

	/** The terms OpenSearch makes of a text as a query's words on tickets. */
	private List<String> openSearchTerms(String index, String text) {
		ObjectNode request = ApiClient.JSON.createObjectNode().put("analyzer", "guichet_fr_en_query").put("text", text);
		JsonNode analysed = ApiClient.JSON.readTree(openSearch().call("/" + index + "/_analyze", request.toString()));
		List<String> terms = new ArrayList<>();
		analysed.get("tokens").forEach(token -> terms.add(token.get("token").asString()));
		return terms;
	}

	private OpenSearchNode openSearch() {
		assertThat(openSearch).isNotNull();
		return openSearch;
	}

	private static long createTicket(ApiClient api, String type, String title, String description) {
		ApiClient.Response created = api.post("/api/v1/tickets",
				Map.of("type", type, "title", title, "description", description, "urgency", "MEDIUM"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	/** The results of the global search of one kind, {@code parameters} saying which ({@code &kind=ticket}). */
	private static JsonNode search(ApiClient api, String words, String parameters) {
		ApiClient.Response response = api.get("/api/v1/search?q=" + URLEncoder.encode(words, StandardCharsets.UTF_8)
				+ parameters);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json().get("results").get(0);
	}

	private static List<Long> ids(JsonNode results) {
		List<Long> ids = new ArrayList<>();
		results.get("hits").forEach(hit -> ids.add(Long.parseLong(hit.get("id").asString())));
		return ids;
	}

	private static Map<String, Long> facet(JsonNode results, String field) {
		Map<String, Long> counts = new LinkedHashMap<>();
		results.get("facets").forEach(facet -> {
			if (facet.get("field").asString().equals(field)) {
				facet.get("values").forEach(value -> counts.put(value.get("value").asString(), value.get("count").asLong()));
			}
		});
		return counts;
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
