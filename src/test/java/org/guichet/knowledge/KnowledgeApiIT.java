package org.guichet.knowledge;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.search.Facet;
import org.guichet.search.SearchHit;
import org.guichet.search.SearchRequest;
import org.guichet.search.SearchResults;
import org.guichet.testing.ApiClient;
import org.guichet.testing.ApiClient.Response;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.testing.UniqueWords;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Impact;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.SolutionKind;
import org.guichet.tickets.TicketAction;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Transition;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The knowledge base through its API, as clients and the pages use it: an article's whole life
 * from a resolved ticket to its archive, with the rules of who may do what, and an internal or
 * unpublished article that never reaches a requester, not even as a search count.
 */
@GuichetIntegrationTest
class KnowledgeApiIT {

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private ArticleSearchSource search;

	@Autowired
	private RelevantArticles relevant;

	@LocalServerPort
	private int port;

	private User owner;

	private ApiClient ownerApi;

	private ApiClient colleagueApi;

	private ApiClient requesterApi;

	private User requester;

	private SupportGroup group;

	@BeforeEach
	void setUp() {
		owner = fixtures.user("kb-owner", Role.TECHNICIAN);
		User colleague = fixtures.user("kb-colleague", Role.TECHNICIAN);
		requester = fixtures.user("kb-requester", Role.REQUESTER);
		group = fixtures.group(SupportLevel.N1, owner, colleague);
		ownerApi = ApiClient.bearer(port, fixtures.token(owner));
		colleagueApi = ApiClient.bearer(port, fixtures.token(colleague));
		requesterApi = ApiClient.bearer(port, fixtures.token(requester));
	}

	@Test
	void anArticleWrittenFromAResolvedTicketIsReviewedPublishedToRequestersAndArchived() {
		String word = UniqueWords.word("imprimante");
		TicketId ticket = resolvedTicket("L'imprimante " + word + " n'imprime plus", "Bourrage papier répété",
				"Remplacer le rouleau d'entraînement");

		Response created = ownerApi.post("/api/v1/articles", Map.of("title", "Imprimante " + word + " : bourrage",
				"body", "## Problème\n\nBourrage papier répété\n\n## Solution\n\nRemplacer le rouleau d'entraînement.",
				"kind", "SOLUTION", "audience", "INTERNAL", "tags", List.of("Impression", " papier "), "language", "FR",
				"fromTicketId", ticket.value()));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		JsonNode article = created.json();
		long id = article.get("id").asLong();
		assertThat(article.get("status").asText()).isEqualTo("DRAFT");
		assertThat(article.get("tags").toString()).isEqualTo("[\"impression\",\"papier\"]");
		assertThat(article.get("tickets").get(0).get("id").asLong()).isEqualTo(ticket.value());
		assertThat(ownerApi.get("/api/v1/articles?ticket=" + ticket.value()).json().get("articles").get(0).get("id").asLong())
			.as("the ticket shows the article written from it").isEqualTo(id);

		Response changed = ownerApi.put("/api/v1/articles/" + id, body(article, "body",
				"## Problème\n\nBourrage papier répété\n\n## Solution\n\nRemplacer le rouleau d'entraînement et nettoyer le capteur."));
		assertThat(changed.status()).as(changed.text()).isEqualTo(200);
		assertThat(ownerApi.put("/api/v1/articles/" + id, body(article, "title", "Stale")).status())
			.as("a change from a stale version").isEqualTo(412);
		assertThat(ownerApi.get("/api/v1/articles/" + id + "/versions").json().size()).isEqualTo(2);
		JsonNode diff = ownerApi.get("/api/v1/articles/" + id + "/diff?from=1&to=2").json();
		assertThat(diff.get("body").toString()).contains("{\"change\":\"ADDED\",\"text\":\" et nettoyer le capteur\"}");

		assertThat(colleagueApi.post("/api/v1/articles/" + id + "/submit", Map.of()).json().get("status").asText())
			.as("any agent submits for review").isEqualTo("IN_REVIEW");
		Response refused = colleagueApi.post("/api/v1/articles/" + id + "/publish", Map.of());
		assertThat(refused.status()).as("a colleague who does not own it does not publish it").isEqualTo(403);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(ownerApi.post("/api/v1/articles/" + id + "/publish", Map.of()).json().get("status").asText())
			.isEqualTo("PUBLISHED");
		assertThat(ownerApi.post("/api/v1/articles/" + id + "/publish", Map.of()).status())
			.as("publishing a published article").isEqualTo(409);

		assertThat(requesterApi.get("/api/v1/articles/" + id).status()).as("published but internal").isEqualTo(404);
		assertThat(requesterApi.get("/api/v1/articles/search?q=" + word).json().get("total").asLong()).isZero();
		assertThat(ownerApi.get("/api/v1/articles/search?q=" + word).json().get("total").asLong()).isEqualTo(1);

		JsonNode current = ownerApi.get("/api/v1/articles/" + id).json();
		assertThat(ownerApi.put("/api/v1/articles/" + id, body(current, "audience", "PUBLIC")).status()).isEqualTo(200);
		assertThat(requesterApi.get("/api/v1/articles/" + id).status()).isEqualTo(200);
		JsonNode found = requesterApi.get("/api/v1/articles/search?q=" + word + "s").json();
		assertThat(found.get("total").asLong()).as("the plural finds the singular").isEqualTo(1);
		assertThat(found.get("hits").get(0).get("url").asText()).isEqualTo("/portal/knowledge/" + id);
		Response tooDeep = requesterApi.get("/api/v1/articles/search?q=" + word + "&size=100&page=100");
		assertThat(tooDeep.status()).as("beyond the first 10,000 results").isEqualTo(400);
		assertThat(tooDeep.json().get("field").asText()).isEqualTo("page");
		assertThat(tooDeep.json().get("code").asText()).isEqualTo("search.page.too-deep");
		assertThat(requesterApi.get("/api/v1/articles/" + id).json().get("tickets").size())
			.as("the ticket's requester sees their ticket").isEqualTo(1);
		ApiClient stranger = ApiClient.bearer(port, fixtures.token(fixtures.user("kb-stranger", Role.REQUESTER)));
		assertThat(stranger.get("/api/v1/articles/" + id).json().get("tickets").size())
			.as("another requester does not see the ticket").isZero();

		assertThat(requesterApi.put("/api/v1/articles/" + id + "/feedback", Map.of("helpful", false)).status()).isEqualTo(204);
		assertThat(requesterApi.put("/api/v1/articles/" + id + "/feedback", Map.of("helpful", true, "comment", "Merci")).status())
			.isEqualTo(204);
		JsonNode feedback = ownerApi.get("/api/v1/articles/" + id + "/feedback").json();
		assertThat(feedback.get("helpful").asLong()).as("one answer per reader, the last one").isEqualTo(1);
		assertThat(feedback.get("unhelpful").asLong()).isZero();
		assertThat(feedback.get("comments").get(0).get("comment").asText()).isEqualTo("Merci");
		assertThat(requesterApi.get("/api/v1/articles/" + id + "/feedback").status()).isEqualTo(404);
		assertThat(requesterApi.put("/api/v1/articles/" + id, body(current, "title", "Mine")).status()).isEqualTo(403);

		assertThat(ownerApi.post("/api/v1/articles/" + id + "/archive", Map.of()).json().get("status").asText())
			.isEqualTo("ARCHIVED");
		assertThat(requesterApi.get("/api/v1/articles/" + id).status()).isEqualTo(404);
		assertThat(requesterApi.get("/api/v1/articles/search?q=" + word).json().get("total").asLong()).isZero();
		assertThat(ownerApi.delete("/api/v1/articles/" + id).status()).as("only a draft is deleted").isEqualTo(403);
	}

	@Test
	void aRefusedArticleNamesEachFieldAtFaultInProblemJson() {
		Response missing = ownerApi.post("/api/v1/articles", Map.of("title", " ", "body", "x".repeat(50_001),
				"audience", "PUBLIC"));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().get("errors").findValuesAsString("field")).containsExactly("kind", "tags");
		Response refused = ownerApi.post("/api/v1/articles", Map.of("title", " ", "body", "x".repeat(50_001),
				"kind", "FAQ", "audience", "PUBLIC", "tags", List.of()));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		JsonNode problem = refused.json();
		assertThat(problem.get("field").asText()).isEqualTo("title");
		assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("title", "body");
		assertThat(requesterApi.post("/api/v1/articles", Map.of("title", "t", "body", "b", "kind", "FAQ", "audience",
				"PUBLIC", "tags", List.of())).status()).as("requesters do not write").isEqualTo(403);
	}

	@Test
	void anArticleIsWrittenOnlyFromAResolvedTicketTheAuthorSees() {
		TicketId open = tickets.register(new NewTicket(TicketType.INCIDENT, "Open", "Still open", null, Channel.PORTAL,
				null, Urgency.LOW, Impact.LOW, List.of()), TestFixtures.current(requester)).id();
		Response refused = ownerApi.post("/api/v1/articles", Map.of("title", "t", "body", "b", "kind", "SOLUTION",
				"audience", "INTERNAL", "tags", List.of(), "fromTicketId", open.value()));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("code").asText()).isEqualTo("knowledge.ticket-not-resolved");
	}

	@Test
	void aRequesterSearchingNeverCountsNorFacetsAnInternalOrUnpublishedArticle() {
		String word = UniqueWords.word("sauvegarde");
		long internal = publish(article(word + " interne", "INTERNAL"));
		long draft = article(word + " brouillon", "PUBLIC");
		long visible = publish(article(word + " publique", "PUBLIC"));

		JsonNode agent = ownerApi.get("/api/v1/articles/search?q=" + word).json();
		assertThat(agent.get("total").asLong()).isEqualTo(3);
		JsonNode mine = requesterApi.get("/api/v1/articles/search?q=" + word).json();
		assertThat(mine.get("total").asLong()).isEqualTo(1);
		assertThat(mine.get("hits").findValuesAsString("id")).containsExactly(String.valueOf(visible));
		assertThat(mine.get("facets").toString()).doesNotContain("\"count\":2").doesNotContain("\"count\":3")
			.doesNotContain("STATUS").doesNotContain("DRAFT");
		assertThat(mine.get("hits").get(0).get("labels").has("status")).isFalse();
		assertThat(requesterApi.get("/api/v1/articles/" + internal).status()).isEqualTo(404);
		assertThat(requesterApi.get("/api/v1/articles/" + draft).status()).isEqualTo(404);
		assertThat(requesterApi.get("/api/v1/articles/search?q=" + word + "&audience=INTERNAL").json().get("total").asLong())
			.as("asking for internal articles by filter").isZero();
		assertThat(requesterApi.get("/api/v1/articles?size=100").json().get("articles").findValuesAsString("status"))
			.containsOnly("PUBLISHED");
		var unknownFilter = requesterApi.get("/api/v1/articles/search?q=" + word + "&type=INCIDENT");
		assertThat(unknownFilter.status()).as("an unknown filter parameter is refused, not ignored").isEqualTo(400);
		assertThat(unknownFilter.json().get("code").asString()).isEqualTo("request.parameter-unknown");
		assertThat(unknownFilter.json().get("field").asString()).isEqualTo("type");
		assertThat(requesterApi.get("/api/v1/articles/search?q=" + word + "&kind=NOPE").status()).isEqualTo(400);
		for (String noWord : List.of("", "*", "le%20the")) {
			var refused = requesterApi.get("/api/v1/articles/search?q=" + noWord);
			assertThat(refused.status()).as(noWord).isEqualTo(400);
			assertThat(refused.json().get("code").asString()).isEqualTo("search.q.no-word");
		}
	}

	@Test
	void theSearchFoldsAccentsDropsElisionsAndSuggestsFromTheBeginningOfAWordForWhoMayReadOnly() {
		String word = UniqueWords.word("portail");
		long visible = publish(article("Réinitialiser l’accès à l’écran " + word, "PUBLIC"));
		long internal = publish(article("Accès console " + word, "INTERNAL"));
		CurrentUser agent = TestFixtures.current(owner);
		CurrentUser reader = TestFixtures.current(requester);

		assertThat(hits(search.search(request("ecran acces " + word, reader)).hits())).containsExactly(visible);
		assertThat(hits(search.search(request("reinitialiser " + word, reader)).hits())).containsExactly(visible);
		assertThat(search.search(request("acces " + word, agent)).total()).isEqualTo(2);
		assertThat(hits(search.search(request("les accès de la console " + word, agent)).hits()))
			.as("common words typed, not required").containsExactly(internal);
		assertThat(search.search(request("acces " + word, agent)).hits().get(0).excerptHtml())
			.as("only the title matched: the text's beginning").startsWith("Restaurer les fichiers").doesNotContain("<mark>");
		assertThat(search.search(request("sauvegardes " + word, reader)).hits().get(0).excerptHtml())
			.contains("depuis la <mark>sauvegarde</mark> de la nuit");
		assertThat(hits(search.suggest(request(word + " réinit", reader), 5))).containsExactly(visible);
		assertThat(hits(search.suggest(request(word + " acc", reader), 5))).containsExactly(visible);
		assertThat(hits(search.suggest(request(word + " acc", agent), 5))).containsExactlyInAnyOrder(visible, internal);
		assertThat(search.search(request("   ", agent)).total()).isZero();
		assertThatThrownBy(() -> search.search(new SearchRequest(word, agent, Locale.FRENCH,
				Map.of("group", List.of("1")), 0, 10))).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aTranslatedArticleIsOneHitInTheReadersLanguageFoundByTheWordsOfEitherAndQuotedWhereTheyMatched() {
		String word = UniqueWords.word("bourrage");
		long french = publish(article("Dégager un bourrage " + word,
				"Un bourrage " + word + " : ouvrez le capot et retirez la feuille coincée.", "PUBLIC", "FR"));
		Response copy = ownerApi.post("/api/v1/articles/" + french + "/translation", Map.of());
		assertThat(copy.status()).as(copy.text()).isEqualTo(201);
		long english = copy.json().get("id").asLong();
		Map<String, Object> text = body(copy.json(), "title", "Clearing a paper jam " + word);
		text.put("body", "Open the cover and pull the stuck sheet out.");
		assertThat(ownerApi.put("/api/v1/articles/" + english, text).status()).isEqualTo(200);
		CurrentUser reader = TestFixtures.current(requester);
		CurrentUser agent = TestFixtures.current(owner);

		assertThat(hits(search.search(request(word, reader, Locale.ENGLISH)).hits()))
			.as("the English version is a draft: the French one is the reader's").containsExactly(french);
		assertThat(hits(search.search(request(word, agent, Locale.ENGLISH)).hits()))
			.as("the IT team reads drafts: one of the pair, in English").containsExactly(english);
		assertThat(search.search(request("stuck " + word, reader, Locale.ENGLISH)).hits())
			.as("a draft translation's words neither find nor are quoted for a requester").isEmpty();
		assertThat(search.suggest(request(word + " stuc", reader, Locale.ENGLISH), 5)).isEmpty();
		assertThat(relevant.forDraft("Stuck sheet " + word, "pull the stuck sheet", null, reader, Locale.ENGLISH))
			.extracting(Article::getId).doesNotContain(french, english);
		assertThat(hits(search.search(request("stuck " + word, agent, Locale.ENGLISH)).hits())).containsExactly(english);
		publish(english);

		SearchResults inEnglish = search.search(request("bourrage " + word, reader, Locale.ENGLISH));
		assertThat(hits(inEnglish.hits())).as("a French word finds the English version for an English reader")
			.containsExactly(english);
		assertThat(inEnglish.total()).isEqualTo(1);
		assertThat(inEnglish.facets().get(0).values()).extracting(Facet.Value::count).containsExactly(1L);
		assertThat(inEnglish.hits().get(0).excerptHtml()).as("quoted where the words matched, in the French text")
			.contains("<mark>bourrage</mark> <mark>" + word + "</mark>");
		assertThat(hits(search.search(request("jam cover " + word, reader, Locale.FRENCH)).hits()))
			.as("English words find the French version for a French reader").containsExactly(french);
		assertThat(hits(search.search(new SearchRequest(word, reader, Locale.FRENCH, Map.of("language", List.of("EN")), 0,
				10)).hits())).as("asked by language").containsExactly(english);
		assertThat(hits(search.suggest(request(word + " ouvr", reader, Locale.ENGLISH), 5))).containsExactly(english);
		assertThat(relevant.forDraft("Bourrage " + word, "feuille coincée", null, reader, Locale.FRENCH))
			.extracting(Article::getId).contains(french).doesNotContain(english);
		assertThat(relevant.forDraft("Bourrage " + word, "feuille coincée", null, reader, Locale.ENGLISH))
			.extracting(Article::getId).contains(english).doesNotContain(french);
	}

	@Test
	void aSearchOrADraftOfManyWordsIsAnsweredLookingForItsFirstWords() {
		String word = UniqueWords.word("cartouche");
		publish(article("Changer la " + word, "Ouvrez le capot, retirez la " + word + " vide.", "PUBLIC", "FR"));
		String many = word + " " + IntStream.range(0, 150).mapToObj(i -> "mot" + i).collect(Collectors.joining(" "));

		Response search = ownerApi.get("/api/v1/articles/search?q=" + URLEncoder.encode(many, StandardCharsets.UTF_8));
		assertThat(search.status()).as(search.text()).isEqualTo(200);
		assertThat(relevant.forDraft(word, many.repeat(3), null, TestFixtures.current(owner), Locale.FRENCH)).isNotNull();
	}

	@Test
	void aFileIsAttachedThroughTheApiUnderThePagesChecks() {
		long id = article(UniqueWords.word("schema"), "INTERNAL");
		Response attached = ownerApi.upload("/api/v1/articles/" + id + "/files", "schéma.png", "image/png",
				new byte[] { (byte) 0x89, 'P', 'N', 'G' }, false);
		assertThat(attached.status()).as(attached.text()).isEqualTo(201);
		JsonNode file = attached.json();
		String path = "/knowledge/articles/" + id + "/attachments/" + file.get("id").asLong();
		assertThat(attached.header("Location")).endsWith(path);
		assertThat(file.get("markdown").asText()).isEqualTo("![schéma.png](" + path + ")");
		assertThat(ownerApi.get("/api/v1/articles/" + id + "/files").json().findValuesAsString("fileName"))
			.containsExactly("schéma.png");

		Response empty = ownerApi.upload("/api/v1/articles/" + id + "/files", "empty.txt", "text/plain", new byte[0], false);
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.header("Content-Type")).startsWith("application/problem+json");
		assertThat(empty.json().get("field").asText()).isEqualTo("file");
		assertThat(requesterApi.upload("/api/v1/articles/" + id + "/files", "a.png", "image/png", new byte[] { 1 }, false)
			.status()).as("an internal draft does not exist for a requester").isEqualTo(404);
		Response notMultipart = ownerApi.post("/api/v1/articles/" + id + "/files", Map.of("file", "x"));
		assertThat(notMultipart.status()).isEqualTo(415);
		assertThat(notMultipart.header("Content-Type")).startsWith("application/problem+json");
		Response notAllowed = ownerApi.delete("/api/v1/articles");
		assertThat(notAllowed.status()).isEqualTo(405);
		assertThat(notAllowed.header("Content-Type")).startsWith("application/problem+json");
		Response nowhere = ownerApi.get("/api/v1/articlez");
		assertThat(nowhere.status()).isEqualTo(404);
		assertThat(nowhere.header("Content-Type")).startsWith("application/problem+json");
		assertThat(List.of(notMultipart, notAllowed, nowhere)).extracting(refusal -> refusal.json().get("detail").asText())
			.as("each says what the path takes")
			.containsExactly(
					"/api/v1/articles/" + id + "/files does not take a body of type application/json: send multipart/form-data.",
					"/api/v1/articles does not take DELETE: it takes GET, POST.",
					"Nothing answers at /api/v1/articlez: check the path and the operations in the API description (/v3/api-docs).");
		assertThat(ownerApi.get("/api/v1/articlez", "Accept-Language", "fr").json().get("detail").asText())
			.startsWith("Rien ne répond à /api/v1/articlez");

		assertThat(ownerApi.post("/api/v1/articles/" + id + "/archive", Map.of()).status()).isEqualTo(200);
		Response archived = ownerApi.upload("/api/v1/articles/" + id + "/files", "late.png", "image/png",
				new byte[] { (byte) 0x89, 'P', 'N', 'G' }, false);
		assertThat(archived.status()).as("no file is added to an archived article").isEqualTo(409);
		assertThat(archived.json().get("code").asText()).isEqualTo("knowledge.archived");
		assertThat(ownerApi.get("/api/v1/articles/" + id + "/files").json().findValuesAsString("fileName"))
			.containsExactly("schéma.png");
	}

	@Test
	void theArticlesOfATicketArePagedAndTakeNoOtherFilter() {
		TicketId ticket = resolvedTicket("Scanner " + UniqueWords.word("scan"), "Scans are blank", "New glass");
		for (String title : List.of("First", "Second")) {
			assertThat(ownerApi.post("/api/v1/articles", Map.of("title", title, "body", "b", "kind", "SOLUTION", "audience",
					"INTERNAL", "language", "EN", "tags", List.of(), "fromTicketId", ticket.value())).status()).isEqualTo(201);
		}
		JsonNode first = ownerApi.get("/api/v1/articles?ticket=" + ticket.value() + "&size=1").json();
		assertThat(first.get("articles").size()).isEqualTo(1);
		assertThat(first.get("size").asInt()).isEqualTo(1);
		assertThat(first.get("hasNext").asBoolean()).isTrue();
		JsonNode second = ownerApi.get("/api/v1/articles?ticket=" + ticket.value() + "&size=1&page=1").json();
		assertThat(second.get("page").asInt()).isEqualTo(1);
		assertThat(second.get("hasNext").asBoolean()).isFalse();
		assertThat(second.get("articles").get(0).get("id")).isNotEqualTo(first.get("articles").get(0).get("id"));
		assertThat(ownerApi.get("/api/v1/articles?ticket=" + ticket.value()).json().get("size").asInt())
			.as("the page's size, not the count").isEqualTo(50);
		Response combined = ownerApi.get("/api/v1/articles?ticket=" + ticket.value() + "&kind=FAQ");
		assertThat(combined.status()).isEqualTo(400);
		assertThat(combined.json().get("field").asText()).isEqualTo("ticket");
		assertThat(ownerApi.get("/api/v1/articles?ticket=" + ticket.value() + "&size=0").status()).isEqualTo(400);
	}

	@Test
	void onlyAPublishedArticleIsRatedAndNeverByItsOwner() {
		long id = article(UniqueWords.word("note"), "PUBLIC");
		Response draft = colleagueApi.put("/api/v1/articles/" + id + "/feedback", Map.of("helpful", true));
		assertThat(draft.status()).isEqualTo(409);
		assertThat(draft.json().get("code").asText()).isEqualTo("knowledge.feedback-unpublished");
		publish(id);
		Response own = ownerApi.put("/api/v1/articles/" + id + "/feedback", Map.of("helpful", true));
		assertThat(own.status()).isEqualTo(403);
		assertThat(own.json().get("code").asText()).isEqualTo("knowledge.feedback-own");
		assertThat(colleagueApi.put("/api/v1/articles/" + id + "/feedback", Map.of("helpful", true)).status()).isEqualTo(204);
	}

	private static SearchRequest request(String text, CurrentUser reader, Locale locale) {
		return new SearchRequest(text, reader, locale, Map.of(), 0, 10);
	}

	private static SearchRequest request(String text, CurrentUser reader) {
		return new SearchRequest(text, reader, Locale.FRENCH, Map.of(), 0, 10);
	}

	private static List<Long> hits(List<SearchHit> hits) {
		return hits.stream().map(hit -> Long.parseLong(hit.id())).toList();
	}

	private long article(String title, String audience) {
		return article(title, "Restaurer les fichiers depuis la sauvegarde de la nuit.", audience, "FR");
	}

	private long article(String title, String text, String audience, String language) {
		Response created = ownerApi.post("/api/v1/articles", Map.of("title", title, "body", text, "kind", "PROCEDURE",
				"audience", audience, "language", language, "tags", List.of()));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private long publish(long id) {
		assertThat(ownerApi.post("/api/v1/articles/" + id + "/publish", Map.of()).status()).isEqualTo(200);
		return id;
	}

	private TicketId resolvedTicket(String title, String description, String solution) {
		CurrentUser technician = TestFixtures.current(owner);
		TicketId id = tickets.register(new NewTicket(TicketType.INCIDENT, title, description, null, Channel.PORTAL, null,
				Urgency.MEDIUM, Impact.LOW, List.of()), TestFixtures.current(requester)).id();
		tickets.assign(id, group.getId(), owner.getId(), null, technician);
		tickets.transition(id, Transition.of(TicketAction.TAKE), null, technician);
		tickets.transition(id, new Transition(TicketAction.RESOLVE, null, null, solution, SolutionKind.PERMANENT), null,
				technician);
		return id;
	}

	private static Map<String, Object> body(JsonNode article, String field, Object value) {
		Map<String, Object> body = new HashMap<>();
		for (String name : List.of("title", "body", "kind", "audience")) {
			body.put(name, article.get(name).asText());
		}
		body.put("tags", ApiClient.JSON.convertValue(article.get("tags"), List.class));
		body.put("version", article.get("version").asLong());
		body.put(field, value);
		return body;
	}

	/**
	 * The word followed by letters of this run: no digit, and no "s" or "x", which the stemmers
	 * read as a plural's ending (a word ending in "s" would not be found by its plural).
	 */
}
