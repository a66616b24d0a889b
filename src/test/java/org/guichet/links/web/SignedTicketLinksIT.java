package org.guichet.links.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.guichet.directory.Accounts;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.links.ActionLinks;
import org.guichet.links.LinkPurpose;
import org.guichet.links.LinkState;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.ShiftableClock;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Channel;
import org.guichet.tickets.DeskSettings;
import org.guichet.tickets.HistoryEntry;
import org.guichet.tickets.Impact;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.SolutionKind;
import org.guichet.tickets.Status;
import org.guichet.tickets.SurveySettings;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketAction;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Transition;
import org.guichet.tickets.Urgency;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Accepting, refusing and rating from a signed link without logging in: the GET only shows, the
 * POST acts once, as the link's person, through the ticket's own rules; expired, used, tampered
 * links and tickets that moved on are explained, never acted on.
 */
@GuichetIntegrationTest
class SignedTicketLinksIT {

	@LocalServerPort
	private int port;

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private ActionLinks links;

	@Autowired
	private DeskSettings settings;

	@Autowired
	private Accounts accounts;

	@Autowired
	private ShiftableClock clock;

	@Autowired
	private TransactionTemplate transactions;

	private MockMvc mvc;

	private User alice;

	private CurrentUser technician;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		alice = fixtures.user("link-alice", Role.REQUESTER);
		technician = TestFixtures.current(fixtures.user("link-tech", Role.TECHNICIAN));
	}

	@AfterEach
	void restore() {
		clock.reset();
		settings.saveSurvey(SurveySettings.DEFAULT);
	}

	@Test
	void openingAnAcceptLinkShowsTheTicketAndOneButtonButChangesNothing() throws Exception {
		Ticket ticket = resolved();
		String path = path(links.issue(LinkPurpose.ACCEPT_SOLUTION, ticket.id().value(), alice.id(), Duration.ofDays(7)));
		int historyBefore = tickets.auditTrail(ticket.id()).size();

		for (int i = 0; i < 3; i++) {
			MockHttpServletResponse page = mvc.perform(get(path)).andReturn().getResponse();
			assertThat(page.getStatus()).isEqualTo(200);
			assertThat(page.getContentAsString()).contains("data-state=\"READY\"")
				.contains(ticket.getNumber() + " " + ticket.getTitle())
				.contains("id=\"link-solution\"")
				.contains("Restarted")
				.contains("id=\"link-submit\"")
				.contains("name=\"_csrf\"");
		}

		HttpResponse<String> overHttp = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(overHttp.statusCode()).isEqualTo(200);
		assertThat(overHttp.headers().allValues("Set-Cookie")).as("no session; the CSRF token in a cookie of /links")
			.noneMatch(cookie -> cookie.startsWith("JSESSIONID"))
			.anyMatch(cookie -> cookie.startsWith("XSRF-TOKEN=") && cookie.contains("Path=/links")
					&& cookie.contains("HttpOnly"));

		assertThat(tickets.find(ticket.id()).getStatus()).isEqualTo(Status.RESOLVED);
		assertThat(tickets.auditTrail(ticket.id())).hasSize(historyBefore);
	}

	@Test
	void postingAnAcceptLinkClosesTheTicketAsTheRequesterAndTheHistorySaysItCameThroughASignedLink() throws Exception {
		Ticket ticket = resolved();
		String path = path(links.issue(LinkPurpose.ACCEPT_SOLUTION, ticket.id().value(), alice.id(), Duration.ofDays(7)));

		String page = mvc.perform(form(path)).andReturn().getResponse().getContentAsString();

		assertThat(page).contains("data-state=\"DONE\"").contains("Thank you: the request is closed.");
		assertThat(tickets.find(ticket.id()).getStatus()).isEqualTo(Status.CLOSED);
		List<HistoryEntry> trail = tickets.auditTrail(ticket.id());
		HistoryEntry wayIn = trail.stream().filter(e -> e.getField().equals("wayIn")).findFirst().orElseThrow();
		assertThat(wayIn.getNewValue()).isEqualTo(TicketManagement.SIGNED_LINK);
		assertThat(wayIn.getActor()).isNotNull();
		assertThat(wayIn.getActor().getId()).isEqualTo(alice.getId());
	}

	@Test
	void aLinkUsedOnceSaysWhenAndWhatWasDoneAndDoesNothingMore() throws Exception {
		Ticket ticket = resolved();
		String path = path(links.issue(LinkPurpose.ACCEPT_SOLUTION, ticket.id().value(), alice.id(), Duration.ofDays(7)));
		mvc.perform(form(path));
		tickets.transition(ticket.id(), Transition.of(TicketAction.REOPEN), null, technician);
		tickets.transition(ticket.id(),
				new Transition(TicketAction.RESOLVE, null, null, "Again", SolutionKind.PERMANENT), null, technician);

		String again = mvc.perform(form(path)).andReturn().getResponse().getContentAsString();

		assertThat(again).contains("data-state=\"USED\"")
			.contains("This link was already used on")
			.contains("You accepted the solution");
		assertThat(tickets.find(ticket.id()).getStatus()).as("the second resolution waits").isEqualTo(Status.RESOLVED);
		assertThat(mvc.perform(get(path)).andReturn().getResponse().getContentAsString()).contains("data-state=\"USED\"");
	}

	@Test
	void anExpiredLinkSaysToLogInAndActOnTheTicketPage() throws Exception {
		Ticket ticket = resolved();
		String path = path(links.issue(LinkPurpose.ACCEPT_SOLUTION, ticket.id().value(), alice.id(), Duration.ofHours(1)));
		clock.advance(Duration.ofMinutes(61));

		MockHttpServletResponse shown = mvc.perform(get(path)).andReturn().getResponse();
		MockHttpServletResponse posted = mvc.perform(form(path)).andReturn().getResponse();

		assertThat(shown.getStatus()).isEqualTo(410);
		assertThat(shown.getContentAsString()).contains("data-state=\"EXPIRED\"")
			.contains("This link has expired")
			.contains("Log in to answer on the page of your request.")
			.as("the log-in link leads to the request's own page, not the portal's list")
			.contains("href=\"/portal/tickets/" + ticket.id().value() + "\"");
		assertThat(posted.getContentAsString()).contains("data-state=\"EXPIRED\"");
		assertThat(tickets.find(ticket.id()).getStatus()).isEqualTo(Status.RESOLVED);
	}

	@Test
	void aTamperedLinkIsRefusedWithoutSayingAnythingOfTheTicket() throws Exception {
		Ticket ticket = resolved();
		User mallory = fixtures.user("link-mallory", Role.REQUESTER);
		String path = path(links.issue(LinkPurpose.ACCEPT_SOLUTION, ticket.id().value(), mallory.id(), Duration.ofDays(1)));
		String asAlice = path.replace("." + mallory.getId() + ".", "." + alice.getId() + ".");
		String asRefusal = path.replace("/accept.", "/refuse.");

		for (String tampered : List.of(asAlice, asRefusal, path + "x", "/links/ticket/nothing")) {
			MockHttpServletResponse page = mvc.perform(form(tampered)).andReturn().getResponse();
			assertThat(page.getStatus()).as(tampered).isEqualTo(404);
			assertThat(page.getContentAsString()).contains("data-state=\"INVALID\"").doesNotContain(ticket.getTitle());
		}
		assertThat(mvc.perform(form(path)).andReturn().getResponse().getContentAsString())
			.as("signed for someone who is not the requester")
			.contains("data-state=\"NOT_ALLOWED\"")
			.doesNotContain(ticket.getTitle());
		assertThat(tickets.find(ticket.id()).getStatus()).isEqualTo(Status.RESOLVED);
	}

	@Test
	void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
		Ticket ticket = resolved();
		String path = path(links.issue(LinkPurpose.ACCEPT_SOLUTION, ticket.id().value(), alice.id(), Duration.ofDays(1)));

		assertThat(mvc.perform(post(path)).andReturn().getResponse().getStatus()).isEqualTo(403);
		Cookie cookieOnly = mvc.perform(get(path)).andReturn().getResponse().getCookie("XSRF-TOKEN");
		assertThat(mvc.perform(post(path).cookie(cookieOnly)).andReturn().getResponse().getStatus())
			.as("the cookie without the form's token")
			.isEqualTo(403);
		assertThat(tickets.find(ticket.id()).getStatus()).isEqualTo(Status.RESOLVED);
	}

	@Test
	void aRefusalNeedsItsReasonAsOnTheTicketPageThenReopensTheTicketWithIt() throws Exception {
		Ticket ticket = resolved();
		String path = path(links.issue(LinkPurpose.REFUSE_SOLUTION, ticket.id().value(), alice.id(), Duration.ofDays(7)));

		String refused = mvc.perform(form(path).param("comment", "  "))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("data-state=\"READY\"").contains("id=\"link-error\"");
		assertThat(Jsoup.parse(refused).select("#comment[aria-invalid=true][aria-describedby=link-error]"))
			.as("the refused field is marked invalid for screen readers").hasSize(1);
		assertThat(tickets.find(ticket.id()).getStatus()).isEqualTo(Status.RESOLVED);

		String reason = "Still offline " + UUID.randomUUID();
		String done = mvc.perform(form(path).param("comment", reason))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(done).contains("data-state=\"DONE\"");
		Ticket reopened = tickets.find(ticket.id());
		assertThat(reopened.getStatus()).isEqualTo(Status.IN_PROGRESS);
		assertThat(reopened.getReopenCount()).isEqualTo(1);
		assertThat(tickets.comments(ticket.id(), TestFixtures.current(alice))).anyMatch(c -> c.getBody().equals(reason));
	}

	@Test
	void aLinkWhoseTicketMovedOnSaysSoAndChangesNothing() throws Exception {
		Ticket ticket = resolved();
		String refuse = path(links.issue(LinkPurpose.REFUSE_SOLUTION, ticket.id().value(), alice.id(), Duration.ofDays(7)));
		tickets.transition(ticket.id(), Transition.of(TicketAction.ACCEPT), null, TestFixtures.current(alice));

		String shown = mvc.perform(get(refuse)).andReturn().getResponse().getContentAsString();
		String posted = mvc.perform(form(refuse).param("comment", "Broken again"))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(shown).contains("data-state=\"NOT_ALLOWED\"").contains("no longer waits for your answer");
		assertThat(posted).contains("data-state=\"NOT_ALLOWED\"");
		assertThat(Jsoup.parse(posted).select("#link-unsent textarea[readonly]").text())
			.as("the reason typed is given back, not lost").isEqualTo("Broken again");
		assertThat(Jsoup.parse(shown).select("#link-unsent")).as("nothing typed on a GET").isEmpty();
		assertThat(tickets.find(ticket.id()).getStatus()).isEqualTo(Status.CLOSED);
		assertThat(links.check(refuse.substring(refuse.lastIndexOf('/') + 1), java.util.Set.of(LinkPurpose.REFUSE_SOLUTION)))
			.as("not used up")
			.isInstanceOf(LinkState.Usable.class);
	}

	@Test
	void aSurveyLinkRatesTheClosedTicketAndStopsWhenTheSurveyExpires() throws Exception {
		settings.saveSurvey(new SurveySettings(true, 100, 0, 1));
		Ticket ticket = resolved();
		tickets.transition(ticket.id(), Transition.of(TicketAction.ACCEPT), null, TestFixtures.current(alice));
		String rate = path(links.issue(LinkPurpose.RATE_SERVICE, ticket.id().value(), alice.id(), Duration.ofDays(3)));
		String late = path(links.issue(LinkPurpose.RATE_SERVICE, ticket.id().value(), alice.id(), Duration.ofDays(3)));

		String outOfRange = mvc.perform(form(rate).param("comment", "Quick"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(outOfRange).contains("Choose a rating from 1 to 5.").contains("Quick");
		Document refusedRating = Jsoup.parse(outOfRange);
		assertThat(refusedRating.select("fieldset").attr("aria-describedby")).as("points at the error shown")
			.isEqualTo("link-error");
		assertThat(refusedRating.select("#link-error")).hasSize(1);
		assertThat(refusedRating.select("input[name=rating][aria-invalid=true]")).hasSize(5);
		assertThat(refusedRating.select("#comment[aria-invalid]")).as("the comment was fine").isEmpty();
		String done = mvc.perform(form(rate).param("rating", "4").param("comment", "Quick"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(done).contains("data-state=\"DONE\"");
		assertThat(tickets.find(ticket.id()).getSatisfactionRating()).isEqualTo(4);
		assertThat(mvc.perform(get(rate)).andReturn().getResponse().getContentAsString())
			.contains("You rated the service 4 out of 5.");

		clock.advance(Duration.ofDays(1).plusMinutes(1));
		assertThat(mvc.perform(form(late).param("rating", "1")).andReturn().getResponse().getContentAsString())
			.contains("data-state=\"NOT_ALLOWED\"")
			.contains("The satisfaction survey of this request is no longer open");
		assertThat(tickets.find(ticket.id()).getSatisfactionRating()).isEqualTo(4);
	}

	@Test
	void thePageSpeaksTheLanguageOfTheLinksPersonWhateverTheBrowserAsks() throws Exception {
		Ticket ticket = resolved();
		String path = path(links.issue(LinkPurpose.ACCEPT_SOLUTION, ticket.id().value(), alice.id(), Duration.ofDays(1)));
		accounts.changeLanguage(alice.id(), "fr");

		String page = mvc.perform(get(path).header("Accept-Language", "en"))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("lang=\"fr\"").contains("Oui, c’est résolu : clore la demande");
	}

	@Test
	void simultaneousPostsOfOneLinkActOnce() throws Exception {
		Ticket ticket = resolved();
		String path = path(links.issue(LinkPurpose.ACCEPT_SOLUTION, ticket.id().value(), alice.id(), Duration.ofDays(1)));
		int clients = 6;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			List<Future<String>> answers = new ArrayList<>();
			for (int i = 0; i < clients; i++) {
				MockHttpServletRequestBuilder press = form(path);
				Callable<String> client = () -> {
					start.await();
					return mvc.perform(press).andReturn().getResponse().getContentAsString();
				};
				answers.add(pool.submit(client));
			}
			start.countDown();
			int done = 0;
			for (Future<String> answer : answers) {
				String page = answer.get(60, TimeUnit.SECONDS);
				done += page.contains("data-state=\"DONE\"") ? 1 : 0;
				assertThat(page).containsAnyOf("data-state=\"DONE\"", "data-state=\"USED\"", "data-state=\"NOT_ALLOWED\"");
			}
			assertThat(done).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(tickets.auditTrail(ticket.id())).filteredOn(e -> e.getField().equals("wayIn")).hasSize(1);
		assertThat(tickets.find(ticket.id()).getStatus()).isEqualTo(Status.CLOSED);
	}

	@Test
	void whileOneTransactionHoldsTheLinkASecondRedeemWaitsAndLoses() throws Exception {
		Ticket ticket = resolved();
		URI link = links.issue(LinkPurpose.ACCEPT_SOLUTION, ticket.id().value(), alice.id(), Duration.ofDays(1));
		String token = link.getPath().substring(link.getPath().lastIndexOf('/') + 1);
		LinkState.Usable usable = (LinkState.Usable) links.check(token, java.util.Set.of(LinkPurpose.ACCEPT_SOLUTION));
		CountDownLatch firstHolds = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<Boolean> first = pool.submit(() -> transactions.execute(status -> {
				boolean won = links.redeem(usable.claim(), "accepted");
				firstHolds.countDown();
				sleep(500);
				return won;
			}));
			firstHolds.await(10, TimeUnit.SECONDS);
			Future<Boolean> second = pool.submit(() -> transactions.execute(status -> links.redeem(usable.claim(), "accepted")));

			assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
			assertThat(second.get(30, TimeUnit.SECONDS)).isFalse();
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private Ticket resolved() {
		Ticket ticket = tickets.register(new NewTicket(TicketType.INCIDENT, "VPN " + UUID.randomUUID(), "drops", null,
				Channel.PORTAL, null, Urgency.MEDIUM, Impact.LOW, List.of()), TestFixtures.current(alice));
		tickets.transition(ticket.id(), Transition.of(TicketAction.TAKE), null, technician);
		tickets.transition(ticket.id(),
				new Transition(TicketAction.RESOLVE, null, null, "Restarted", SolutionKind.PERMANENT), null, technician);
		return ticket;
	}

	/**
	 * A POST of the link's page as a browser sends it: with the CSRF token of the page and its
	 * cookie, both from a GET of the page. (Spring Security's test {@code csrf()} would replace
	 * the chain's cookie repository by a session one for every later request of the context.)
	 */
	private MockHttpServletRequestBuilder form(String path) throws Exception {
		MockHttpServletResponse page = mvc.perform(get(path)).andReturn().getResponse();
		Matcher token = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(page.getContentAsString());
		assertThat(token.find()).as("the page's CSRF token").isTrue();
		Cookie cookie = page.getCookie("XSRF-TOKEN");
		assertThat(cookie).as("the CSRF token's cookie").isNotNull();
		return post(path).cookie(cookie).param("_csrf", token.group(1));
	}

	private static String path(URI link) {
		assertThat(link.toString()).startsWith("http://localhost/links/ticket/");
		return link.getPath();
	}

}
