package org.guichet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.testing.ApiClient;
import org.guichet.testing.ApiClient.Response;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.testing.UniqueWords;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The global search API over tickets, on H2 and PostgreSQL: French and English analysis, the
 * visibility rule inside the query (hits, totals and facets), internal notes for the IT team only,
 * the index following each change, and the list's {@code text=} filter on the same index. Each
 * test's tickets carry a word of its own ({@link #marker}), so that the tickets of other tests in
 * the shared database never match.
 */
@GuichetIntegrationTest
class TicketSearchApiIT {

	@Autowired
	TestFixtures fixtures;

	@LocalServerPort
	int port;

	String marker;

	User alice;

	User bob;

	User tech;

	SupportGroup techGroup;

	ApiClient aliceApi;

	ApiClient bobApi;

	ApiClient techApi;

	@BeforeEach
	void setUp() {
		marker = UniqueWords.word("zq");
		alice = fixtures.user("alice", Role.REQUESTER);
		bob = fixtures.user("bob", Role.REQUESTER);
		tech = fixtures.user("tech", Role.TECHNICIAN);
		techGroup = fixtures.group(SupportLevel.N1, tech);
		aliceApi = ApiClient.bearer(port, fixtures.token(alice));
		bobApi = ApiClient.bearer(port, fixtures.token(bob));
		techApi = ApiClient.bearer(port, fixtures.token(tech));
	}

	@Test
	void frenchAndEnglishWordsAreFoundWhateverTheirInflectionAccentsAndElision() {
		long printer = create(aliceApi, "Imprimante bloquée " + marker, "Le bac papier est vide.");
		long access = create(aliceApi, "Problème d'accès au partage " + marker, "Accès refusé depuis ce matin.");
		long screen = create(aliceApi, "Affichage " + marker, "Je ne vois plus rien sur l'écran du portable.");
		long laptops = create(aliceApi, "Two laptops " + marker, "Both laptops fail to boot after the update.");

		assertThat(ticketIds(aliceApi, "imprimantes " + marker)).containsExactly(printer);
		assertThat(ticketIds(aliceApi, "acces " + marker)).containsExactly(access);
		assertThat(ticketIds(aliceApi, "écran " + marker)).containsExactly(screen);
		assertThat(ticketIds(aliceApi, "laptop " + marker)).containsExactly(laptops);
		assertThat(ticketIds(aliceApi, "booting " + marker)).containsExactly(laptops);
	}

	@Test
	void commonWordsInAQueryAreNotRequired() {
		long toner = create(aliceApi, "Toner vide " + marker, "Plus rien ne sort du bac.");

		for (String words : List.of("le toner ", "the toner of ", "OR toner ", "toner de la ")) {
			assertThat(ticketIds(aliceApi, words + marker)).as(words).containsExactly(toner);
		}
		assertThat(ticketIds(aliceApi, "toner papier " + marker)).as("a word that is not common, still required")
			.isEmpty();
	}

	@Test
	void aHyphenatedWordIsFoundWrittenWholeAsByItsParts() {
		long wifi = create(aliceApi, "Wi-Fi en panne " + marker, "Plus d'accès au réseau (salle B).");
		long mail = create(aliceApi, "Mailbox " + marker, "My e-mail does not arrive.");

		assertThat(ticketIds(aliceApi, "wifi " + marker)).containsExactly(wifi);
		assertThat(ticketIds(aliceApi, "wi-fi " + marker)).containsExactly(wifi);
		assertThat(ticketIds(aliceApi, "réseau salle " + marker)).containsExactly(wifi);
		assertThat(ticketIds(aliceApi, "email " + marker)).containsExactly(mail);
		assertThat(ticketIds(aliceApi, "mail " + marker)).contains(mail);
	}

	@Test
	void aRequesterNeverSeesAnotherRequestersTicketInHitsTotalsOrFacets() {
		long mine = create(aliceApi, "Clavier cassé " + marker, "Des touches ne répondent plus.");
		long others = create(bobApi, "Clavier cassé aussi " + marker, "La touche entrée est coincée.");

		JsonNode bobs = search(bobApi, "clavier " + marker, "&kind=ticket").json().get("results").get(0);
		assertThat(ids(bobs)).containsExactly(others);
		assertThat(bobs.get("total").asLong()).isEqualTo(1);
		assertThat(facetCounts(bobs, "status")).containsExactly(Map.entry("NEW", 1L));

		JsonNode alices = search(aliceApi, "clavier " + marker, "&kind=ticket&status=NEW").json().get("results").get(0);
		assertThat(ids(alices)).containsExactly(mine);
		assertThat(alices.get("total").asLong()).isEqualTo(1);
		assertThat(facetCounts(alices, "type")).containsExactly(Map.entry("INCIDENT", 1L));
		List<String> fields = new ArrayList<>();
		alices.get("facets").forEach(facet -> fields.add(facet.get("field").asString()));
		assertThat(fields).as("the support groups are not a requester's concern: the portal never shows them")
			.containsExactly("status", "type", "category");
		Response byGroup = aliceApi.get("/api/v1/search?q=clavier+" + marker + "&kind=ticket&group=1");
		assertThat(byGroup.status()).as("nor may a requester probe which group holds a ticket by filtering")
			.isEqualTo(400);
		assertThat(byGroup.json().get("field").asString()).isEqualTo("group");

		assertThat(ticketIds(techApi, "clavier " + marker)).as("an agent sees both unrouted tickets")
			.containsExactlyInAnyOrder(mine, others);
	}

	@Test
	void internalNotesAreFoundByTheItTeamOnlyAndNeverReachARequestersExcerpt() {
		long id = create(aliceApi, "Messagerie lente " + marker, "Les mails mettent dix minutes à arriver.");
		assertThat(techApi.post("/api/v1/tickets/" + id + "/comments",
				Map.of("body", "Serveur relais saturé " + marker + " zorglub", "internal", true)).status()).isEqualTo(201);

		assertThat(ticketIds(techApi, "zorglub " + marker)).containsExactly(id);
		JsonNode asAlice = search(aliceApi, "zorglub " + marker, "&kind=ticket").json().get("results").get(0);
		assertThat(asAlice.get("total").asLong()).isZero();
		JsonNode byTitle = search(aliceApi, "messagerie " + marker, "&kind=ticket").json();
		assertThat(byTitle.toString()).contains(Long.toString(id)).doesNotContain("zorglub").doesNotContain("relais");
	}

	@Test
	void theIndexFollowsRepliesStatusObserversAndGroupChanges() {
		long id = create(aliceApi, "Wifi instable " + marker, "Coupures fréquentes en salle B.");
		SupportGroup other = fixtures.group(SupportLevel.N2, fixtures.user("other", Role.TECHNICIAN));

		assertThat(aliceApi.post("/api/v1/tickets/" + id + "/comments", Map.of("body", "Toujours coupé, borne " + marker + " clignotante"))
			.status()).isEqualTo(201);
		assertThat(ticketIds(aliceApi, "clignotante " + marker)).as("a public reply").containsExactly(id);

		assertThat(ticketIds(bobApi, "wifi " + marker)).as("bob before he observes").isEmpty();
		Response observed = techApi.post("/api/v1/tickets/" + id + "/observers", Map.of("userId", bob.getId()));
		assertThat(observed.status()).as(observed.toString()).isEqualTo(201);
		assertThat(ticketIds(bobApi, "wifi " + marker)).as("an observer added").containsExactly(id);

		assertThat(techApi.post("/api/v1/tickets/" + id + "/assign", Map.of("groupId", techGroup.getId(),
				"assigneeId", tech.getId())).status()).isEqualTo(200);
		assertThat(facetCounts(search(techApi, "wifi " + marker, "&kind=ticket").json().get("results").get(0), "status"))
			.as("the status after the assignment").containsExactly(Map.entry("ASSIGNED", 1L));

		ApiClient admin = ApiClient.bearer(port, fixtures.token(fixtures.user("admin", Role.ADMINISTRATOR)));
		assertThat(admin.post("/api/v1/tickets/" + id + "/assign", Map.of("groupId", other.getId())).status())
			.isEqualTo(200);
		User outsider = fixtures.user("outsider", Role.TECHNICIAN);
		fixtures.group(SupportLevel.N1, outsider);
		ApiClient outsiderApi = ApiClient.bearer(port, fixtures.token(outsider));
		assertThat(ticketIds(outsiderApi, "wifi " + marker)).as("routed to a group the agent is not in").isEmpty();
		assertThat(ticketIds(techApi, "wifi " + marker)).as("an agent who took part, after it left their group")
			.containsExactly(id);
		assertThat(search(techApi, "wifi " + marker, "&kind=ticket&group=" + other.getId()).json().get("results").get(0)
			.get("total").asLong()).as("the group's filter").isEqualTo(1);
	}

	@Test
	void equalMatchesComeNewestFirstAndThePagesShareTheExactTotal() {
		List<Long> created = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			created.add(create(aliceApi, "Scanner hors service " + marker, "Le scanner du 2e étage ne répond plus."));
		}
		List<Long> newestFirst = new ArrayList<>(created);
		Collections.reverse(newestFirst);

		assertThat(ticketIds(techApi, "scanner " + marker)).as("an unrouted ticket, found by any agent")
			.containsExactlyElementsOf(newestFirst);
		JsonNode first = search(techApi, "scanner " + marker, "&kind=ticket&size=2&page=0").json().get("results").get(0);
		JsonNode second = search(techApi, "scanner " + marker, "&kind=ticket&size=2&page=1").json().get("results").get(0);
		assertThat(first.get("total").asLong()).isEqualTo(3);
		assertThat(second.get("total").asLong()).isEqualTo(3);
		assertThat(facetCounts(first, "status")).containsExactly(Map.entry("NEW", 3L));
		List<Long> paged = new ArrayList<>(ids(first));
		paged.addAll(ids(second));
		assertThat(paged).containsExactlyElementsOf(newestFirst);
	}

	@Test
	void theListsTextFilterSearchesTheIndexAndANumberStillFindsItsTicket() {
		long id = create(aliceApi, "Souris sans fil " + marker, "Le pointeur saute à chaque mouvement.");

		assertThat(listIds(techApi, "pointeurs " + marker)).as("a word of the description, inflected")
			.containsExactly(id);
		assertThat(listIds(techApi, "#" + id)).containsExactly(id);
		assertThat(listIds(aliceApi, Long.toString(id))).as("a bare number in one requester's tickets")
			.containsExactly(id);
		assertThat(listIds(bobApi, "souris " + marker)).isEmpty();
	}

	@Test
	void wordsThatHoldNoWordAreRefusedRatherThanListingEverything() {
		for (String none : List.of("*", "aaaaaaaa", "le la", "a", "\"\"")) {
			String q = URLEncoder.encode(none, StandardCharsets.UTF_8);
			Response search = techApi.get("/api/v1/search?q=" + q);
			assertProblem(search, "q");
			assertThat(search.json().get("code").asString()).isEqualTo("search.q.no-word");
			Response list = techApi.get("/api/v1/tickets?text=" + q);
			assertProblem(list, "text");
			assertThat(list.json().get("code").asString()).isEqualTo("filter.text-no-word");
		}
	}

	@Test
	void badParametersAreAnsweredWithAProblemNamingThem() {
		assertProblem(techApi.get("/api/v1/search"), "q");
		assertProblem(techApi.get("/api/v1/search?q=printer&size=500"), "size");
		assertProblem(techApi.get("/api/v1/search?q=printer&kind=planet"), "kind");
		assertProblem(techApi.get("/api/v1/search?q=printer&status=NEW"), "status");
		assertProblem(techApi.get("/api/v1/search?q=printer&kind=ticket&status=SLEEPING"), "status");
		assertProblem(techApi.get("/api/v1/search?q=printer&kind=ticket&colour=red"), "colour");
		assertThat(techApi.get("/api/v1/search?q=printer&kind=ticket&size=100&page=99").status())
			.as("the 10,000th result is the deepest").isEqualTo(200);
		Response tooDeep = techApi.get("/api/v1/search?q=printer&kind=ticket&size=100&page=100");
		assertProblem(tooDeep, "page");
		assertThat(tooDeep.json().get("code").asString()).isEqualTo("search.page.too-deep");
	}

	private static void assertProblem(Response response, String field) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("field").asString()).isEqualTo(field);
	}

	private static long create(ApiClient api, String title, String description) {
		Response created = api.post("/api/v1/tickets",
				Map.of("type", "INCIDENT", "title", title, "description", description, "urgency", "MEDIUM"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private static Response search(ApiClient api, String words, String more) {
		Response response = api.get("/api/v1/search?q=" + URLEncoder.encode(words, StandardCharsets.UTF_8) + more);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response;
	}

	private static List<Long> ticketIds(ApiClient api, String words) {
		return ids(search(api, words, "&kind=ticket").json().get("results").get(0));
	}

	private static List<Long> ids(JsonNode results) {
		List<Long> ids = new ArrayList<>();
		results.get("hits").forEach(hit -> ids.add(Long.parseLong(hit.get("id").asString())));
		return ids;
	}

	private static Map<String, Long> facetCounts(JsonNode results, String field) {
		Map<String, Long> counts = new HashMap<>();
		results.get("facets").forEach(facet -> {
			if (facet.get("field").asString().equals(field)) {
				facet.get("values").forEach(v -> counts.put(v.get("value").asString(), v.get("count").asLong()));
			}
		});
		return counts;
	}

	private static List<Long> listIds(ApiClient api, String text) {
		Response list = api.get("/api/v1/tickets?text=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		List<Long> ids = new ArrayList<>();
		list.json().get("items").forEach(item -> ids.add(item.get("id").asLong()));
		return ids;
	}

	/** A made-up word of ten letters, found in no other test's ticket. */

}
