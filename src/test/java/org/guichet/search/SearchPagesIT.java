package org.guichet.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.testing.ApiClient;
import org.guichet.testing.DatabaseNeutral;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

/**
 * The search pages: the navbar box's suggestions, the results page with its highlighted excerpts
 * and facets, and the administrators' rebuild of the index, each under the reader's visibility.
 */
@GuichetIntegrationTest
@DatabaseNeutral
class SearchPagesIT {

	@Autowired
	WebApplicationContext context;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	IndexBuild build;

	@LocalServerPort
	int port;

	MockMvc mvc;

	String marker;

	User alice;

	User bob;

	long ticket;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		marker = "zqpage" + UUID.randomUUID().toString().substring(0, 8).chars()
			.mapToObj(c -> String.valueOf((char) ('a' + Character.digit(c, 16))))
			.reduce("", String::concat);
		alice = fixtures.user("alice", Role.REQUESTER);
		bob = fixtures.user("bob", Role.REQUESTER);
		ApiClient api = ApiClient.bearer(port, fixtures.token(alice));
		ticket = api.post("/api/v1/tickets", Map.of("type", "INCIDENT", "title", "Imprimante bloquée " + marker,
				"description", "Plus rien ne sort de l'imprimante du deuxième étage.", "urgency", "MEDIUM"))
			.json()
			.get("id")
			.asLong();
	}

	@Test
	void suggestionsOfEqualTitlesComeNewestFirst() throws Exception {
		ApiClient api = ApiClient.bearer(port, fixtures.token(alice));
		long newer = api.post("/api/v1/tickets", Map.of("type", "INCIDENT", "title", "Imprimante bloquée " + marker,
				"description", "Encore elle.", "urgency", "MEDIUM"))
			.json()
			.get("id")
			.asLong();

		String suggested = page("/search/suggest?q=" + marker + "%20impr", alice);
		assertThat(suggested.indexOf("/portal/tickets/" + newer + "\""))
			.isPositive()
			.isLessThan(suggested.indexOf("/portal/tickets/" + ticket + "\""));
	}

	@Test
	void suggestionsListTheReadersTicketsWhoseTitlesStartWithTheWordsTyped() throws Exception {
		String alices = page("/search/suggest?q=" + marker + "%20impr", alice);
		assertThat(alices).contains("role=\"option\"").contains("Imprimante bloquée " + marker)
			.contains("data-href=\"/portal/tickets/" + ticket + "\"");
		assertThat(page("/search/suggest?q=" + marker + "%20impr", bob)).doesNotContain("Imprimante");
		assertThat(page("/search/suggest?q=i", alice)).as("a single character").doesNotContain("role=\"option\"");
		for (String whole : List.of("imprimante", "imprimantes", "bloquée", "bloquee", "bloqu")) {
			assertThat(page("/search/suggest?q=" + marker + "%20" + URLEncoder.encode(whole, StandardCharsets.UTF_8),
					alice))
				.as("the last word typed in full, inflected or not, still suggests the ticket: " + whole)
				.contains("data-href=\"/portal/tickets/" + ticket + "\"");
		}
		assertThat(page("/search/suggest?q=" + marker + "%20-imprimante", alice)).as("a word typed to leave out")
			.doesNotContain("data-href=\"/portal/tickets/" + ticket + "\"");
		assertThat(page("/search/suggest?q=" + marker + "%20-etage", alice)).as("left out when found in any text")
			.doesNotContain("data-href=\"/portal/tickets/" + ticket + "\"");
		assertThat(page("/search/suggest?q=" + marker + "%20-toner", alice))
			.contains("data-href=\"/portal/tickets/" + ticket + "\"");

		String page = page("/search?q=" + marker + "%20impr", alice);
		assertThat(page).as("the page finds whole words only, and offers the beginning the suggestions read")
			.doesNotContain("/portal/tickets/" + ticket).contains("id=\"search-start-of-word\"")
			.contains("/search?q=" + marker + "%20impr*");
		assertThat(page("/search?q=" + marker + "%20impr*", alice)).contains("/portal/tickets/" + ticket)
			.doesNotContain("id=\"search-start-of-word\"");
	}

	@Test
	void suggestionsEndWithASearchForTheWordsFoundOrNotAndAskForAWordWhenTheyHoldNone() throws Exception {
		String some = page("/search/suggest?q=" + marker + "%20impr", alice);
		int all = some.indexOf("id=\"global-search-option-all\"");
		assertThat(all).as("searching for the words comes last").isGreaterThan(some.indexOf("global-search-option-0"))
			.isGreaterThan(0);
		assertThat(some.substring(all)).doesNotContain("role=\"option\"");
		assertThat(some).contains("data-href=\"/search?q=" + marker + "%20impr\"");
		String none = page("/search/suggest?q=zzqnothing" + marker, alice);
		assertThat(none).as("nothing suggested: the search is still offered").contains("id=\"global-search-option-all\"")
			.contains("Search for \u201czzqnothing" + marker + "\u201d")
			.doesNotContain("global-search-option-0");
		for (String q : List.of("**", "aaaaaaaa", "le%20la")) {
			assertThat(page("/search/suggest?q=" + q, alice)).as(q)
				.contains("id=\"global-search-no-word\"")
				.contains("Type at least one word")
				.doesNotContain("role=\"option\"");
		}
		assertThat(page("/search/suggest?q=%2A", alice)).as("a single character: nothing yet").isBlank();
	}

	@Test
	void aSearchOfNoWordAsksForOneAndListsNothing() throws Exception {
		for (String q : List.of("*", "aaaaaaaa", "%22%22")) {
			String results = page("/search?q=" + q, alice);
			assertThat(results).as(q).contains("id=\"search-error\"").contains("Type at least one word")
				.doesNotContain("/portal/tickets/");
		}
		assertThat(page("/portal?q=*", alice)).contains("id=\"filter-q-error\"")
			.contains("Type at least one word").contains("id=\"portal-empty\"");
	}

	@Test
	void requestersReadRequestsWhereTheItTeamReadsTickets() throws Exception {
		User tech = fixtures.user("tech", Role.SUPERVISOR);
		String q = "/search?q=imprimante%20" + marker;
		assertThat(page(q, alice)).contains("Requests (1)").contains(">Requests</a>").doesNotContain("Tickets (")
			.doesNotContain("??");
		assertThat(page(q + "&kind=ticket", alice)).contains("#1042 for a request")
			.contains("Search requests and articles");
		assertThat(page("/search/suggest?q=" + marker + "%20impr", alice)).contains(">Request<");
		assertThat(page(q, tech)).contains("Tickets (1)").contains(">Tickets</a>").contains("Search tickets and articles")
			.doesNotContain("??");
	}

	@Test
	void theResultsPageHighlightsTheWordsFoundAndShowsFacetsAsFilters() throws Exception {
		String results = page("/search?kind=ticket&q=imprimantes%20" + marker, alice);
		// the elided article is part of the word marked: "l'imprimante"
		assertThat(results).containsPattern("<mark>(l&#x27;)?imprimante</mark>").contains("name=\"status\" value=\"NEW\"")
			.contains("/portal/tickets/" + ticket);
		assertThat(page("/search?kind=ticket&q=imprimantes%20" + marker, bob)).doesNotContain("/portal/tickets/" + ticket);
		assertThat(page("/search?kind=ticket&q=x&size=0", alice)).contains("id=\"search-error\"");
		assertThat(page("/portal", alice)).as("the navbar's box").contains("id=\"global-search\"").contains("role=\"combobox\"");
	}

	@Test
	void anAdministratorBuildsTheIndexAgainAndFollowsItsProgress() throws Exception {
		User admin = fixtures.user("admin", Role.ADMINISTRATOR);
		mvc.perform(post("/admin/search/rebuild").with(csrf()).with(user(TestFixtures.current(admin))))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/admin/search"));
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (build.progress() != null && build.progress().finishedAt() == null && System.nanoTime() < deadline) {
			String progress = page("/admin/search/progress", admin);
			// the build may end between the check above and the page
			if (build.progress().finishedAt() == null || progress.contains("hx-get")) {
				assertThat(progress).contains("hx-trigger=\"every 1s\"");
			}
			Thread.sleep(200);
		}
		IndexBuild.Progress done = build.progress();
		assertThat(done).isNotNull();
		assertThat(done.finishedAt()).as("finished within two minutes").isNotNull();
		assertThat(done.failure()).isNull();
		assertThat(done.done()).isGreaterThanOrEqualTo(1);
		String ended = page("/admin/search/progress", admin);
		assertThat(ended).as("the end, and no more polling").contains("id=\"search-done\"")
			.containsPattern("Done: [\\d,]+ documents indexed in \\d+ s")
			.doesNotContain("hx-get").doesNotContain("every 1s").doesNotContain("Building");
		assertThat(page("/admin/search", admin)).contains("id=\"search-progress\"").doesNotContain("every 1s");
		assertThat(page("/search?kind=ticket&q=imprimantes%20" + marker, alice)).contains("/portal/tickets/" + ticket);
		mvc.perform(post("/admin/search/rebuild").with(csrf()).with(user(TestFixtures.current(alice))))
			.andExpect(status().isForbidden());
	}

	private String page(String path, User reader) throws Exception {
		return mvc.perform(get(URI.create(path)).with(user(TestFixtures.current(reader))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
