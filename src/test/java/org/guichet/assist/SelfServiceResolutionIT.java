package org.guichet.assist;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.knowledge.ArticleAction;
import org.guichet.knowledge.ArticleAudience;
import org.guichet.knowledge.ArticleContent;
import org.guichet.knowledge.ArticleKind;
import org.guichet.knowledge.ArticleLanguage;
import org.guichet.knowledge.Articles;
import org.guichet.knowledge.RelevantArticles;
import org.guichet.links.ActionLinks;
import org.guichet.links.LinkPurpose;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.ShiftableClock;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Category;
import org.guichet.tickets.Channel;
import org.guichet.tickets.HistoryEntry;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.SolutionKind;
import org.guichet.tickets.Status;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketAction;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Transition;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Self-service resolution through the application: an article is offered to the requester of a
 * new ticket only when the administrator allowed its category and the article is published to
 * requesters; "This solved my problem" on the portal, through the acknowledgment mail's signed
 * link or the API resolves and closes the ticket with the article, as the requester, once; the
 * KPIs count it. The settings are the desk's: each test turns the feature off again.
 */
@GuichetIntegrationTest
class SelfServiceResolutionIT {

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private Articles articles;

	@Autowired
	private RelevantArticles relevant;

	@Autowired
	private SelfServiceSettings settings;

	@Autowired
	private SelfServiceOffers offers;

	@Autowired
	private ActionLinks links;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private ShiftableClock clock;

	private MockMvc mvc;

	private User requester;

	private User technician;

	private User supervisor;

	private Category accounts;

	private String word;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		requester = fixtures.user("self-requester", Role.REQUESTER);
		technician = fixtures.user("self-tech", Role.TECHNICIAN);
		supervisor = fixtures.user("self-supervisor", Role.SUPERVISOR);
		fixtures.group(SupportLevel.N1, technician);
		accounts = fixtures.category("Accounts");
		word = word();
	}

	@AfterEach
	void turnItOff() {
		settings.set(SelfServiceSettings.DEFAULT_THRESHOLD, List.of());
		clock.reset();
	}

	@Test
	void theSettingsPageSpeaksInPercentNamesACategoryGoneAndRefusesASaveOverAnotherAdministrators()
			throws Exception {
		MockHttpSession admin = login(fixtures.user("self-admin", Role.ADMINISTRATOR));
		String version = String.valueOf(settings.version());
		assertThat(mvc.perform(get("/admin/assist/self-service").session(admin)).andReturn().getResponse()
			.getContentAsString()).contains("name=\"version\" value=\"" + version + "\"");

		String tooHigh = mvc.perform(post("/admin/assist/self-service").session(admin).with(csrf())
			.param("threshold", "120").param("categoryId", String.valueOf(accounts.getId())).param("version", version))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(tooHigh).contains("id=\"threshold-error\"", "Type a percentage above 0 and at most 100",
				"value=\"120\"");

		String gone = mvc.perform(post("/admin/assist/self-service").session(admin).with(csrf())
			.param("threshold", "70").param("categoryId", String.valueOf(accounts.getId()), "987654321")
			.param("version", version)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(gone).contains("id=\"categories-error\"", "987654321", "value=\"70\"");

		mvc.perform(post("/admin/assist/self-service").session(admin).with(csrf())
			.param("threshold", "70").param("categoryId", String.valueOf(accounts.getId())).param("version", version))
			.andExpect(redirectedUrl("/admin/assist/self-service"));
		assertThat(settings.threshold()).isEqualTo(0.7);
		String stale = mvc.perform(post("/admin/assist/self-service").session(admin).with(csrf())
			.param("threshold", "90").param("version", version)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(stale).as("a second administrator's form, opened before the save")
			.contains("id=\"stale-save\"", "value=\"90\"", "name=\"version\" value=\"" + settings.version() + "\"");
		assertThat(settings.threshold()).isEqualTo(0.7);
		assertThat(settings.categories()).containsExactly(accounts.getId());
	}

	@Test
	void offeredOnThePortalAndInTheMailOnlyWhenTheCategoryIsAllowedAndTheArticlePublic() throws Exception {
		long article = published(word + " password reset", ArticleAudience.PUBLIC);
		long internal = published(word + " vpn token reset", ArticleAudience.INTERNAL);
		MockHttpSession session = login(requester);

		TicketId off = file(word + " password reset", accounts);
		assertThat(offerOf(off, session)).as("off by default: no category chosen").doesNotContain("self-service-offer");

		settings.set(0.8, List.of(accounts.getId()));
		Category printers = fixtures.category("Printers");
		TicketId otherCategory = file(word + " password reset", printers);
		TicketId onlyInternal = file(word + " vpn token reset", accounts);
		TicketId offered = file(word + " password reset", accounts);

		assertThat(offerOf(otherCategory, session)).doesNotContain("self-service-offer");
		assertThat(offerOf(onlyInternal, session)).as("an internal article is never offered")
			.doesNotContain("self-service-offer").doesNotContain("/portal/knowledge/" + internal);
		assertThat(offerOf(offered, session)).contains("id=\"self-service-offer\"")
			.contains("/portal/knowledge/" + article)
			.contains("This solved my problem");
		assertThat(offerOf(offered, login(technician))).as("only the requester is offered it")
			.doesNotContain("self-service-offer");
		String mail = receivedMail(offered);
		assertThat(mail).contains(word + " password reset").contains("/links/self-service/");
		assertThat(receivedMail(otherCategory)).doesNotContain("/links/self-service/");
		mvc.perform(get("/api/v1/tickets/" + offered.value()).header("Authorization", "Bearer " + fixtures.token(requester)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.selfService.offered.articleId").value(article));

		tickets.transition(offered, Transition.of(TicketAction.TAKE), null, TestFixtures.current(technician));
		assertThat(offerOf(offered, session)).as("not once an agent took it").doesNotContain("self-service-offer");
	}

	@Test
	void thisSolvedMyProblemOnThePortalResolvesAndClosesTheTicketWithTheArticleAsTheRequester() throws Exception {
		long article = published(word + " password reset", ArticleAudience.PUBLIC);
		settings.set(0.8, List.of(accounts.getId()));
		TicketId ticket = file(word + " password reset", accounts);
		MockHttpSession session = login(requester);
		assertThat(offerOf(ticket, session)).contains("self-service-offer");

		mvc.perform(post("/portal/tickets/" + ticket.value() + "/self-service").session(session).with(csrf())
			.param("articleId", String.valueOf(article)))
			.andExpect(redirectedUrl("/portal/tickets/" + ticket.value()))
			.andExpect(flash().attribute("flash", "assist.self-service.resolved"));

		Ticket resolved = tickets.find(ticket);
		assertThat(resolved.getStatus()).isEqualTo(Status.CLOSED);
		assertThat(resolved.getSolutionKind()).isEqualTo(SolutionKind.SELF_SERVICE);
		assertThat(resolved.getSolution()).contains(word + " password reset").contains("/portal/knowledge/" + article);
		assertThat(resolved.getAssignee()).as("nobody of the IT team").isNull();
		List<HistoryEntry> trail = tickets.auditTrail(ticket);
		assertThat(trail).filteredOn(e -> e.getField().equals("selfServiceArticle"))
			.singleElement()
			.satisfies(e -> {
				assertThat(e.getNewValue()).isEqualTo("#" + article + " " + word + " password reset");
				assertThat(e.getActor().getId()).isEqualTo(requester.getId());
			});
		assertThat(trail).filteredOn(e -> e.getField().equals("status")).extracting(HistoryEntry::getNewValue)
			.containsSubsequence("RESOLVED", "CLOSED");
		assertThat(offerOf(ticket, session)).doesNotContain("self-service-offer");
		assertThat(jdbc.queryForObject("select count(*) from mail_outbox where ticket_id = ? and kind <> 'RECEIVED'",
				Integer.class, ticket.value())).as("nothing told back to the requester who did it").isZero();
		mvc.perform(get("/portal/tickets/" + ticket.value()).session(session))
			.andExpect(content().string(containsString("Resolved by self-service")));
		mvc.perform(get("/api/v1/tickets/" + ticket.value()).header("Authorization", "Bearer " + fixtures.token(technician)))
			.andExpect(jsonPath("$.solutionKind").value("SELF_SERVICE"))
			.andExpect(jsonPath("$.selfService.resolved.wayIn").value("PORTAL"))
			.andExpect(jsonPath("$.selfService.resolved.articleId").value(article));

		mvc.perform(post("/portal/tickets/" + ticket.value() + "/self-service").session(session).with(csrf())
			.param("articleId", String.valueOf(article)))
			.andExpect(redirectedUrl("/portal/tickets/" + ticket.value()))
			.andExpect(flash().attribute("flash", "assist.self-service.already-resolved"));
		assertThat(tickets.auditTrail(ticket)).as("once").filteredOn(e -> e.getField().equals("selfServiceArticle")).hasSize(1);
	}

	@Test
	void theMailsLinkResolvesOnceAndAReusedOrExpiredLinkSaysWhatToDo() throws Exception {
		published(word + " password reset", ArticleAudience.PUBLIC);
		settings.set(0.8, List.of(accounts.getId()));
		TicketId ticket = file(word + " password reset", accounts);
		String path = linkIn(receivedMail(ticket));

		String shown = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(shown).contains("data-state=\"READY\"").contains(word + " password reset");
		assertThat(tickets.find(ticket).getStatus()).as("the GET only shows").isEqualTo(Status.NEW);

		assertThat(mvc.perform(form(path)).andReturn().getResponse().getContentAsString()).contains("data-state=\"DONE\"");
		assertThat(tickets.find(ticket).getStatus()).isEqualTo(Status.CLOSED);
		assertThat(tickets.auditTrail(ticket)).filteredOn(e -> e.getField().equals("wayIn"))
			.extracting(HistoryEntry::getNewValue).containsExactly(TicketManagement.SIGNED_LINK);

		assertThat(mvc.perform(get(path)).andReturn().getResponse().getContentAsString()).as("reused")
			.contains("data-state=\"USED\"");
		assertThat(mvc.perform(form(path)).andReturn().getResponse().getContentAsString()).contains("data-state=\"USED\"");

		TicketId later = file(word + " password reset", accounts);
		String expiring = path(links.issue(LinkPurpose.SELF_SERVICE_RESOLUTION, later.value(), requester.id(), Duration.ofHours(1)));
		clock.advance(Duration.ofMinutes(61));
		MockHttpServletResponse expired = mvc.perform(get(expiring)).andReturn().getResponse();
		assertThat(expired.getStatus()).isEqualTo(410);
		assertThat(expired.getContentAsString()).contains("data-state=\"EXPIRED\"")
			.contains("href=\"/portal/tickets/" + later.value() + "\"");
		assertThat(tickets.find(later).getStatus()).isEqualTo(Status.NEW);

		TicketId onThePortal = file(word + " password reset", accounts);
		String portalFirst = linkIn(receivedMail(onThePortal));
		offers.resolve(onThePortal, offers.offer(onThePortal, TestFixtures.current(requester)).orElseThrow().articleId(),
				SelfServiceOffers.WayIn.PORTAL, TestFixtures.current(requester));
		assertThat(mvc.perform(get(portalFirst)).andReturn().getResponse().getContentAsString())
			.as("resolved on the portal first: the link says it is done, not that the IT team handles it")
			.contains("data-state=\"RESOLVED_ALREADY\"")
			.contains("id=\"link-resolved-already\"");

		TicketId taken = file(word + " password reset", accounts);
		String takenLink = linkIn(receivedMail(taken));
		tickets.transition(taken, Transition.of(TicketAction.TAKE), null, TestFixtures.current(technician));
		assertThat(mvc.perform(form(takenLink)).andReturn().getResponse().getContentAsString())
			.contains("data-state=\"NOT_ALLOWED\"");
		assertThat(tickets.find(taken).getStatus()).isEqualTo(Status.IN_PROGRESS);
	}

	@Test
	void theApiResolvesForTheRequesterOnlyWithTheArticleOfferedAndTheKpisCountIt() throws Exception {
		long article = published(word + " password reset", ArticleAudience.PUBLIC);
		long other = published(word + " printer driver install", ArticleAudience.PUBLIC);
		settings.set(0.8, List.of(accounts.getId()));
		TicketId ticket = file(word + " password reset", accounts);
		String url = "/api/v1/tickets/" + ticket.value() + "/self-service-resolution";
		long before = offers.resolvedBetween(clock.instant().minus(Duration.ofDays(1)), clock.instant().plus(Duration.ofDays(1)));

		mvc.perform(post(url).header("Authorization", "Bearer " + fixtures.token(technician))
			.contentType(MediaType.APPLICATION_JSON).content("{\"articleId\": " + article + "}"))
			.andExpect(status().isForbidden());
		mvc.perform(post(url).header("Authorization", "Bearer " + fixtures.token(requester))
			.contentType(MediaType.APPLICATION_JSON).content("{\"articleId\": " + other + "}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.field").value("articleId"));
		mvc.perform(post(url).header("Authorization", "Bearer " + fixtures.token(requester))
			.contentType(MediaType.APPLICATION_JSON).content("{\"articleId\": " + article + "}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CLOSED"))
			.andExpect(jsonPath("$.solutionKind").value("SELF_SERVICE"));
		mvc.perform(post(url).header("Authorization", "Bearer " + fixtures.token(requester))
			.contentType(MediaType.APPLICATION_JSON).content("{\"articleId\": " + article + "}"))
			.andExpect(status().isConflict());

		long after = offers.resolvedBetween(clock.instant().minus(Duration.ofDays(1)), clock.instant().plus(Duration.ofDays(1)));
		assertThat(after - before).isEqualTo(1);
		mvc.perform(get("/api/v1/kpis/deflection").header("Authorization", "Bearer " + fixtures.token(supervisor))
			.param("period", "LAST_30_DAYS"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.deflectionRate.details['deflectionRate.selfServiceResolved'].count").isNumber());
		assertThat(jdbc.queryForObject("select resolved_first_level from ticket_fact where ticket_id = ?", Boolean.class,
				ticket.value())).as("no level of the IT team solved it").isFalse();
		assertThat(jdbc.queryForObject("select first_response_at from ticket_fact where ticket_id = ?", java.sql.Timestamp.class,
				ticket.value())).as("the IT team never answered").isNull();
		mvc.perform(get("/agent").session(login(supervisor))).andExpect(status().isOk());
	}

	@Test
	void theTeamCannotChooseTheSelfServiceKind() throws Exception {
		TicketId ticket = file(word + " anything else", accounts);
		CurrentUser agent = TestFixtures.current(technician);
		tickets.transition(ticket, Transition.of(TicketAction.TAKE), null, agent);
		mvc.perform(post("/api/v1/tickets/" + ticket.value() + "/transitions")
			.header("Authorization", "Bearer " + fixtures.token(technician))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"action\": \"RESOLVE\", \"solution\": \"Done\", \"solutionKind\": \"SELF_SERVICE\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("solutionKind"));
		mvc.perform(get("/agent/tickets/" + ticket.value()).session(login(technician)))
			.andExpect(content().string(not(containsString("value=\"SELF_SERVICE\""))));
	}

	private TicketId file(String title, Category category) {
		return tickets.register(new NewTicket(TicketType.INCIDENT, title, "It does not work since this morning.", null,
				Channel.PORTAL, category.getId(), Urgency.MEDIUM, null, List.of(), null), TestFixtures.current(requester)).id();
	}

	private String offerOf(TicketId ticket, MockHttpSession session) throws Exception {
		return mvc.perform(get("/portal/tickets/" + ticket.value() + "/self-service").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String receivedMail(TicketId ticket) {
		return jdbc.queryForObject("select b.text_body from mail_outbox m join mail_outbox_body b on b.mail_id = m.id"
				+ " where m.ticket_id = ? and m.kind = 'RECEIVED'", String.class, ticket.value());
	}

	private static String linkIn(String mail) {
		Matcher link = Pattern.compile("https?://[^\\s/]+(/links/self-service/[A-Za-z0-9._~-]+)").matcher(mail);
		assertThat(link.find()).as("a self-service link in %s", mail).isTrue();
		return link.group(1);
	}

	private static String path(URI link) {
		return link.getPath();
	}

	/** A published article in English, found by the search before the test goes on (the index may follow a moment later). */
	private long published(String title, ArticleAudience audience) throws InterruptedException {
		CurrentUser writer = TestFixtures.current(supervisor);
		long id = articles.create(new ArticleContent(title, "Open the self-service page and follow the steps.",
				ArticleKind.PROCEDURE, audience, null, List.of(), null), ArticleLanguage.EN, null, writer).getId();
		articles.act(id, ArticleAction.PUBLISH, null, writer);
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (relevant.forDraft(title, null, null, writer, Locale.ENGLISH).stream().noneMatch(a -> a.getId() == id)
				&& System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		return id;
	}

	/** The page's POST as a browser sends it: the CSRF token of the page and its cookie. */
	private MockHttpServletRequestBuilder form(String path) throws Exception {
		MockHttpServletResponse page = mvc.perform(get(path)).andReturn().getResponse();
		Matcher token = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(page.getContentAsString());
		assertThat(token.find()).as("the page's CSRF token").isTrue();
		Cookie cookie = page.getCookie("XSRF-TOKEN");
		assertThat(cookie).as("the CSRF token's cookie").isNotNull();
		return post(path).cookie(cookie).param("_csrf", token.group(1));
	}

	private MockHttpSession login(User user) throws Exception {
		MvcResult result = mvc.perform(formLogin("/login").user(user.getUsername()).password(TestFixtures.PASSWORD))
			.andExpect(authenticated())
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	/** A word no other article holds: letters only, so the analysers keep it whole. */
	private static String word() {
		Random random = new Random();
		StringBuilder word = new StringBuilder("selfz");
		for (int i = 0; i < 8; i++) {
			word.append((char) ('a' + random.nextInt(26)));
		}
		return word.toString();
	}

}
