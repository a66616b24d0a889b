package org.guichet.system;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.knowledge.Article;
import org.guichet.knowledge.ArticleAudience;
import org.guichet.knowledge.ArticleContent;
import org.guichet.knowledge.ArticleFilter;
import org.guichet.knowledge.ArticleKind;
import org.guichet.knowledge.ArticleLanguage;
import org.guichet.knowledge.ArticlePage;
import org.guichet.knowledge.Articles;
import org.guichet.presentation.examples.Example;
import org.guichet.presentation.examples.ExampleTickets;
import org.guichet.testing.DatabaseNeutral;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.ApiClient;
import org.guichet.testing.TestFixtures;
import org.guichet.testing.WebSession;
import org.guichet.tickets.Channel;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Page 2 of every paged page, its list filtered: each link of its pager (first, previous, next,
 * last) keeps every parameter of the query (filters, facets, page size, sort) and changes only
 * the page, and following "previous" shows the list with the same filters.
 */
@GuichetIntegrationTest
@DatabaseNeutral
class PagersIT {

	private static final Pattern PAGER = Pattern.compile("<nav[^>]*class=\"pager[^\"]*\"[^>]*>(.*?)</nav>",
			Pattern.DOTALL);

	private static final Pattern NOTICE = Pattern.compile("<div[^>]*id=\"page-notice\"[^>]*>(.*?)</div>",
			Pattern.DOTALL);

	private static final Pattern LINK = Pattern.compile("<a[^>]*href=\"([^\"]+)\"[^>]*>");

	@LocalServerPort
	private int port;

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private Articles articles;

	@Autowired
	private ExampleTickets examples;

	@Test
	void aListOneRowLongerThanAPageShowsItsLastRowOnPageTwo() {
		String tag = "window" + UUID.randomUUID().toString().substring(0, 8);
		CurrentUser writer = TestFixtures.current(fixtures.user("pagers-writer", Role.ADMINISTRATOR));
		List<Long> written = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			written.add(articles.create(new ArticleContent("Window " + i, "Open it.", ArticleKind.PROCEDURE,
					ArticleAudience.PUBLIC, null, List.of(tag), null), ArticleLanguage.EN, null, writer).getId());
		}
		ArticlePage first = articles.list(new ArticleFilter(null, null, null, null, null, null, tag, 0, 2), writer);
		ArticlePage second = articles.list(new ArticleFilter(null, null, null, null, null, null, tag, 1, 2), writer);
		assertThat(first.hasNext()).isTrue();
		assertThat(second.hasNext()).isFalse();
		assertThat(Stream.concat(first.articles().stream(), second.articles().stream()).map(Article::getId))
			.containsExactlyInAnyOrderElementsOf(written);

		User requester = fixtures.user("pagers-window-requester", Role.REQUESTER);
		for (int i = 0; i < 3; i++) {
			TicketId id = tickets.register(new NewTicket(TicketType.INCIDENT, "Window " + tag + " " + i, "It sticks.",
					null, Channel.PORTAL, fixtures.category("Windows").getId(), Urgency.LOW, null, List.of()),
					TestFixtures.current(requester)).id();
			examples.mark(id, "Sticks", null, writer);
		}
		List<Long> newest = examples.page(0, 3, writer).items().stream().map(Example::ticketId).toList();
		List<Long> paged = Stream.concat(examples.page(0, 2, writer).items().stream(),
				examples.page(1, 2, writer).items().stream().limit(1)).map(Example::ticketId).toList();
		assertThat(paged).isEqualTo(newest);
	}

	@Test
	void everyPagerKeepsTheListsQueryButThePage() throws Exception {
		String word = "pager" + UUID.randomUUID().toString().substring(0, 8);
		User admin = fixtures.user("pagers-admin-" + word, Role.ADMINISTRATOR);
		fixtures.user("pagers-admin-" + word, Role.ADMINISTRATOR);
		fixtures.user("pagers-admin-" + word, Role.ADMINISTRATOR);
		User requester = fixtures.user("pagers-requester", Role.REQUESTER);
		long category = fixtures.category("Pagers").getId();
		for (int i = 0; i < 3; i++) {
			tickets.register(new NewTicket(TicketType.INCIDENT, "Printer " + word + " " + i, "It jams.", null,
					Channel.PORTAL, category, Urgency.HIGH, null, List.of()), TestFixtures.current(requester));
		}
		WebSession agent = WebSession.signedIn("http://localhost:" + port, admin);
		WebSession portal = WebSession.signedIn("http://localhost:" + port, requester);

		// counted lists with a page after the second: first, previous, next and last
		assertPagerKeeps(agent, "/agent?queue=ALL&type=INCIDENT&categoryId=" + category + "&sort=OLDEST&size=1&page=1", 4);
		assertPagerKeeps(agent, "/admin/users?q=" + word + "&size=1&sort=username&page=1", 4);
		// lists that are not counted (examples), or empty under their filters: previous at least
		assertPagerKeeps(portal, "/portal?status=OPEN&q=" + word + "&page=1", 1);
		assertPagerKeeps(agent, "/agent/knowledge?status=DRAFT&kind=SOLUTION&language=FR&mine=true&page=1", 1);
		assertPagerKeeps(agent, "/agent/knowledge?q=" + word + "&status=PUBLISHED&language=EN&page=1", 1);
		assertPagerKeeps(portal, "/portal/knowledge?q=" + word + "&category=1&page=1", 1);
		assertPagerKeeps(agent, "/agent/examples?page=1", 1);
		assertPagerKeeps(agent, "/search?q=" + word + "&kind=ticket&status=NEW&size=5&page=1", 1);
		assertPagerKeeps(agent, "/search?q=" + word + "&kind=article&f.kind=FAQ&page=1", 1);
	}

	@Test
	void everyPagedPageSaysAPagePastTheEndIsAndExplainsABadPageNumberAboveItsFirstPage() throws Exception {
		String word = "beyond" + UUID.randomUUID().toString().substring(0, 8);
		User admin = fixtures.user("pagers-beyond-admin", Role.ADMINISTRATOR);
		User requester = fixtures.user("pagers-beyond-requester", Role.REQUESTER);
		long category = fixtures.category("Beyond").getId();
		for (int i = 0; i < 2; i++) {
			tickets.register(new NewTicket(TicketType.INCIDENT, "Screen " + word + " " + i, "It flickers.", null,
					Channel.PORTAL, category, Urgency.HIGH, null, List.of()), TestFixtures.current(requester));
		}
		articles.create(new ArticleContent("Screen " + word, "Check the cable.", ArticleKind.PROCEDURE,
				ArticleAudience.PUBLIC, null, List.of(), null), ArticleLanguage.EN, null, TestFixtures.current(admin));
		WebSession agent = WebSession.signedIn("http://localhost:" + port, admin);
		WebSession portal = WebSession.signedIn("http://localhost:" + port, requester);
		record Paged(WebSession session, String path, boolean counted) {
		}
		List<Paged> pages = List.of(new Paged(portal, "/portal?", true),
				new Paged(agent, "/agent?queue=ALL&categoryId=" + category + "&", true),
				new Paged(agent, "/admin/users?q=pagers-beyond&", true),
				new Paged(agent, "/agent/knowledge?", true),
				new Paged(agent, "/agent/knowledge?q=" + word + "&", true),
				new Paged(portal, "/portal/knowledge?q=" + word + "&", true),
				new Paged(agent, "/agent/examples?", false),
				new Paged(agent, "/search?q=" + word + "&kind=ticket&", true));
		for (Paged paged : pages) {
			String past = paged.path() + "page=99999";
			HttpResponse<String> beyond = paged.session().get(past);
			assertThat(beyond.statusCode()).as(past).isEqualTo(200);
			assertThat(beyond.body()).as(past)
				.contains("id=\"page-notice\"", " is past the end of the list")
				.contains(paged.counted() ? "Go to the last page" : "Go to the first page")
				.doesNotContain("You have no request yet", "No ticket matches", "No article.", "No example yet",
						"Nothing found", "No user found");
			assertThat(PAGER.matcher(beyond.body()).find()).as("pager of %s", past).isFalse();
			Matcher notice = NOTICE.matcher(beyond.body());
			assertThat(notice.find()).as("notice of %s", past).isTrue();
			Matcher back = LINK.matcher(notice.group(1));
			assertThat(back.find()).as("link back of %s", past).isTrue();
			String backTo = back.group(1).replace("&amp;", "&");
			assertThat(parameters(backTo)).as(past).doesNotContain("page=99", "page=99999").containsAll(
					parameters(paged.path() + "x=y").stream().filter(p -> !p.equals("x=y")).toList());
			assertThat(paged.session().get(backTo).body()).as(backTo).doesNotContain("id=\"page-notice\"");
			for (String bad : List.of("abc", "-1", "2147483647")) {
				String refused = paged.path() + "page=" + bad;
				HttpResponse<String> first = paged.session().get(refused);
				assertThat(first.statusCode()).as(refused).isEqualTo(200);
				assertThat(first.body()).as(refused).contains("id=\"page-notice\"", "“" + bad + "” is not a page number");
			}
		}
	}

	@Test
	void everyPagedApiRefusesAPageNoListAnswersNamingTheField() {
		User admin = fixtures.user("pagers-api-admin", Role.ADMINISTRATOR);
		ApiClient api = ApiClient.basic(port, admin.getUsername(), TestFixtures.PASSWORD);
		for (String path : List.of("/api/v1/users", "/api/v1/articles", "/api/v1/tickets", "/api/v1/examples")) {
			for (int page : List.of(Pager.MAX_PAGE + 1, Integer.MAX_VALUE, -1)) {
				ApiClient.Response answer = api.get(path + "?size=100&page=" + page);
				assertThat(answer.status()).as("%s page %d: %s", path, page, answer).isEqualTo(400);
				assertThat(answer.text()).as(path).contains("\"page\"");
			}
			assertThat(api.get(path + "?size=100&page=" + Pager.MAX_PAGE).status()).as(path).isEqualTo(200);
		}
		for (String search : List.of("/api/v1/articles/search?q=printer&size=10", "/api/v1/search?q=printer&kind=ticket&size=10")) {
			ApiClient.Response tooDeep = api.get(search + "&page=" + Integer.MAX_VALUE);
			assertThat(tooDeep.status()).as("%s: %s", search, tooDeep).isEqualTo(400);
			assertThat(tooDeep.text()).as(search).contains("\"page\"");
		}
	}

	/**
	 * Opens {@code path} (a page after the first) and checks that its pager (or, on a page past
	 * the list's end, the notice's link back) holds at least {@code links} links, each with every
	 * parameter of {@code path} but the page, a page other than 1 (none is the first), and a
	 * "previous" (or the link back) that answers.
	 */
	private static void assertPagerKeeps(WebSession session, String path, int links) throws Exception {
		HttpResponse<String> page = session.get(path);
		assertThat(page.statusCode()).as(path).isEqualTo(200);
		Matcher pager = PAGER.matcher(page.body());
		Matcher notice = NOTICE.matcher(page.body());
		boolean paged = pager.find();
		assertThat(paged || notice.find()).as("pager or notice of %s", path).isTrue();
		List<String> hrefs = new ArrayList<>();
		String previous = null;
		Matcher link = LINK.matcher(paged ? pager.group(1) : notice.group(1));
		while (link.find()) {
			String href = link.group(1).replace("&amp;", "&");
			hrefs.add(href);
			if (link.group().contains("rel=\"prev\"") || link.group().contains("id=\"page-back\"")) {
				previous = href;
			}
		}
		assertThat(hrefs).as("links of the pager of %s", path).hasSizeGreaterThanOrEqualTo(links);
		List<String> kept = parameters(path).stream().filter(p -> !p.startsWith("page=")).toList();
		for (String href : hrefs) {
			assertThat(href).as(path).startsWith(path.substring(0, path.indexOf('?')) + "?");
			assertThat(parameters(href)).as("link %s of %s", href, path).containsAll(kept).doesNotContain("page=1");
		}
		assertThat(previous).as("previous of %s", path).isNotNull();
		HttpResponse<String> back = session.get(previous);
		assertThat(back.statusCode()).as(previous).isEqualTo(200);
	}

	/** The query's parameters as decoded {@code name=value}, in order. */
	private static List<String> parameters(String url) {
		String query = url.substring(url.indexOf('?') + 1);
		return Arrays.stream(query.split("&"))
			.map(p -> URLDecoder.decode(p, StandardCharsets.UTF_8))
			.toList();
	}

}
