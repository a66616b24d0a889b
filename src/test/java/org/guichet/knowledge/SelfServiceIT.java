package org.guichet.knowledge;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.ShiftableClock;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Category;
import org.guichet.tickets.Channel;
import org.guichet.tickets.HistoryEntry;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Self-service through the pages: suggestions and the portal's knowledge page never show a
 * requester an internal or unpublished article; a suggestion opened without a ticket after it is a
 * deflection, one followed by a ticket is not; a diagnosis step ticked is recorded on the ticket,
 * in its history, and kept when the procedure changes. The index may follow a commit a moment
 * later (outbox coordination): searches are polled until they see the article.
 */
@GuichetIntegrationTest
class SelfServiceIT {

	private static final Pattern TOKEN = Pattern.compile("name=\"session\" value=\"([0-9a-f-]{36})\"");

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private Articles articles;

	@Autowired
	private Deflections deflections;

	@Autowired
	private DiagnosisProcedures diagnosis;

	@Autowired
	private ShiftableClock clock;

	private MockMvc mvc;

	private User technician;

	private User supervisor;

	private User requester;

	private SupportGroup group;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		technician = fixtures.user("ss-tech", Role.TECHNICIAN);
		supervisor = fixtures.user("ss-supervisor", Role.SUPERVISOR);
		requester = fixtures.user("ss-requester", Role.REQUESTER);
		group = fixtures.group(SupportLevel.N1, technician);
	}

	@Test
	void suggestionsAndThePortalPageNeverShowARequesterAnInternalOrUnpublishedArticle() throws Exception {
		String word = word();
		CurrentUser writer = TestFixtures.current(supervisor);
		long shown = published(word + " printer jam for everyone", ArticleAudience.PUBLIC, null, writer);
		long internal = published(word + " printer jam for the team", ArticleAudience.INTERNAL, null, writer);
		long draft = articles.create(article(word + " printer jam being written", ArticleAudience.PUBLIC, null, "- Step"),
				ArticleLanguage.EN, null, writer).getId();
		MockHttpSession reader = login(requester);

		String suggestions = poll(() -> mvc.perform(get("/portal/knowledge/suggestions").session(reader)
			.param("title", word + " printer").param("description", "It jams"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), html -> html.contains("suggested-" + shown));
		assertThat(suggestions).doesNotContain("suggested-" + internal).doesNotContain("suggested-" + draft)
			.contains("/portal/knowledge/" + shown + "?suggestion=");
		mvc.perform(get("/portal/knowledge").session(reader).param("q", word))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/portal/knowledge/" + shown)))
			.andExpect(content().string(not(containsString("/portal/knowledge/" + internal))))
			.andExpect(content().string(not(containsString("/portal/knowledge/" + draft))))
			.andExpect(content().string(not(containsString("for the team"))));
		mvc.perform(get("/portal/knowledge").session(reader))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"most-useful\"")))
			.andExpect(content().string(not(containsString("useful-" + internal + "\""))))
			.andExpect(content().string(not(containsString("useful-" + draft + "\""))));
		MockHttpSession agent = login(technician);
		String forAgent = mvc.perform(get("/portal/knowledge/suggestions").session(agent).param("title", word + " printer"))
			.andReturn().getResponse().getContentAsString();
		assertThat(forAgent).as("the portal shows the IT team what requesters see").doesNotContain("suggested-" + internal)
			.doesNotContain("suggested-" + draft);
	}

	@Test
	void onlyAPublishedArticleIsInsertedIntoAReply() throws Exception {
		String word = word();
		CurrentUser writer = TestFixtures.current(supervisor);
		long shown = published(word + " printer jam", ArticleAudience.INTERNAL, null, writer);
		long draft = articles.create(article(word + " printer jam being written", ArticleAudience.INTERNAL, null, "- To finish"),
				ArticleLanguage.EN, null, writer).getId();
		MockHttpSession agent = login(technician);

		mvc.perform(get("/agent/knowledge/" + shown + "/insert").session(agent).param("as", "text"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("printer jam")));
		mvc.perform(get("/agent/knowledge/" + draft + "/insert").session(agent).param("as", "text"))
			.andExpect(status().isNotFound());
	}

	@Test
	void commonWordsSharedWithAnArticleDoNotSuggestIt() throws Exception {
		String word = word();
		long article = published(word + " toner", ArticleAudience.PUBLIC, null, TestFixtures.current(supervisor),
				"Le toner de la salle est dans un placard : on the second floor, in the cupboard of the hall.");
		MockHttpSession reader = login(requester);
		poll(() -> mvc.perform(get("/portal/knowledge/suggestions").session(reader).param("title", word + " toner"))
			.andReturn().getResponse().getContentAsString(), html -> html.contains("suggested-" + article));

		String french = mvc.perform(get("/portal/knowledge/suggestions").session(reader)
			.param("title", "Restaurer un fichier de la veille").param("description", "Le dossier est dans un partage"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String english = mvc.perform(get("/portal/knowledge/suggestions").session(reader)
			.param("title", "Badge refused on the gate of the car park").param("description", "It is in the hall"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(french).as("le, de, la, un, dans shared only").doesNotContain("suggested-" + article);
		assertThat(english).as("on, the, of, in, is shared only").doesNotContain("suggested-" + article);
	}

	@Test
	void aSuggestionOpenedAndLeftIsADeflectionOnceTheWindowPassesAndOneFollowedByATicketIsNot() throws Exception {
		String word = word();
		long article = published(word + " vpn drops", ArticleAudience.PUBLIC, null, TestFixtures.current(supervisor));
		User other = fixtures.user("ss-filer", Role.REQUESTER);
		Instant from = clock.instant();
		try {
			MockHttpSession leaver = login(requester);
			MockHttpSession filer = login(other);
			String leaverToken = suggestAndOpen(leaver, word, article);
			String filerToken = suggestAndOpen(filer, word, article);
			assertThat(leaverToken).isNotEqualTo(filerToken);
			String again = token(mvc.perform(get("/portal/knowledge/suggestions").session(leaver)
				.param("title", word + " vpn").param("session", leaverToken)).andReturn().getResponse().getContentAsString());
			assertThat(again).as("the same form keeps its session").isEqualTo(leaverToken);
			tickets.register(new NewTicket(TicketType.INCIDENT, "VPN still drops", "Tried the article.", null,
					Channel.PORTAL, null, Urgency.MEDIUM, null, List.of(), null), TestFixtures.current(other));
			Instant to = clock.instant().plusMillis(1);

			DeflectionFigures meanwhile = deflections.figures(from, to);
			assertThat(meanwhile.pending()).as("the leaver's window has not passed").isEqualTo(1);
			assertThat(meanwhile.filed()).isEqualTo(1);
			assertThat(meanwhile.deflected()).isZero();

			clock.advance(deflections.window().plusMinutes(1));
			DeflectionFigures settled = deflections.figures(from, to);
			assertThat(settled).isEqualTo(new DeflectionFigures(2, 2, 1, 1, 0));
			assertThat(settled.rate()).isEqualTo(0.5);
			assertThat(deflections.deflectionsByArticle(from, to, 5)).containsEntry(article, 1L);

			MockHttpSession lead = login(supervisor);
			mvc.perform(get("/api/v1/kpis/deflection").header("Authorization", "Bearer " + fixtures.token(supervisor))
				.param("period", "LAST_30_DAYS"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.deflectionRate.unit").value("RATIO"))
				.andExpect(jsonPath("$.deflectionRate.details['deflectionRate.deflected'].count").isNumber());
			mvc.perform(get("/api/v1/kpis/deflection").header("Authorization", "Bearer " + fixtures.token(supervisor))
				.queryParam("period", "LAST_30_DAYS").queryParam("technician", "3"))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andExpect(jsonPath("$.field").value("technician"))
				.andExpect(jsonPath("$.detail").value(containsString("from, period, to")));
			mvc.perform(get("/agent/knowledge/report").session(lead)).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"deflection-rate\"")))
				.andExpect(content().string(containsString("Settled sessions with articles suggested")))
				.andExpect(content().string(containsString("Not in these figures:")));
			mvc.perform(get("/agent/knowledge/report").session(login(technician))).andExpect(status().isForbidden());
			mvc.perform(get("/api/v1/kpis/deflection").header("Authorization", "Bearer " + fixtures.token(requester)))
				.andExpect(status().isForbidden());
		}
		finally {
			clock.reset();
		}
	}

	@Test
	void aDiagnosisStepTickedIsRecordedOnTheTicketAndInItsHistoryAndKeptWhenTheProcedureChanges() throws Exception {
		Category printers = fixtures.category("Printers " + word());
		CurrentUser lead = TestFixtures.current(supervisor);
		long procedure = published("Printer diagnosis " + word(), ArticleAudience.INTERNAL, printers.getId(), lead,
				"- Check the power cable\n- [ ] Print a test page\n");
		MockHttpSession agent = login(technician);
		mvc.perform(post("/agent/knowledge/" + procedure + "/diagnosis").session(agent).with(csrf()).param("attach", "true"))
			.andExpect(status().is3xxRedirection());
		assertThat(diagnosis.categoriesOf(procedure)).as("a technician does not attach").isEmpty();
		mvc.perform(post("/agent/knowledge/" + procedure + "/diagnosis").session(login(supervisor)).with(csrf())
			.param("attach", "true")).andExpect(status().is3xxRedirection());
		assertThat(diagnosis.categoriesOf(procedure)).containsExactly(printers.getId());

		TicketId ticket = tickets.register(new NewTicket(TicketType.INCIDENT, "Printer dead", "No light at all.", null,
				Channel.PORTAL, printers.getId(), Urgency.MEDIUM, null, List.of(), null), TestFixtures.current(requester)).id();
		tickets.assign(ticket, group.getId(), technician.getId(), null, TestFixtures.current(technician));
		mvc.perform(get("/agent/tickets/" + ticket.value() + "/articles").session(agent))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Check the power cable")))
			.andExpect(content().string(containsString("0 of 2 done")));
		mvc.perform(post("/agent/tickets/" + ticket.value() + "/diagnosis").session(agent).with(csrf())
			.header("HX-Request", "true").param("step", "Check the power cable").param("done", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("1 of 2 done")))
			.andExpect(content().string(containsString("Ticked by " + technician.getFullName())))
			.andExpect(content().string(containsString("id=\"history\"")))
			.andExpect(content().string(containsString("hx-swap-oob=\"true\"")))
			.andExpect(content().string(containsString("Diagnosis step ticked")));
		mvc.perform(post("/agent/tickets/" + ticket.value() + "/diagnosis").session(agent).with(csrf())
			.header("HX-Request", "true").param("step", "Not a step").param("done", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"diagnosis-problem\"")));
		mvc.perform(post("/agent/tickets/" + ticket.value() + "/diagnosis").session(login(requester)).with(csrf())
			.param("step", "Print a test page").param("done", "true"))
			.andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(302, 403, 404));

		List<HistoryEntry> history = tickets.history(ticket, TestFixtures.current(technician));
		assertThat(history).filteredOn(entry -> entry.getField().equals("diagnosisTicked"))
			.singleElement()
			.satisfies(entry -> {
				assertThat(entry.getNewValue()).isEqualTo("Check the power cable");
				assertThat(entry.getActor().getId()).isEqualTo(technician.getId());
			});
		mvc.perform(get("/agent/tickets/" + ticket.value()).session(agent))
			.andExpect(content().string(containsString("Diagnosis step ticked")));

		articles.update(procedure, null, article("Printer diagnosis v2", ArticleAudience.INTERNAL, printers.getId(),
				"- Check the power cable and the plug\n- Print a test page\n"), lead);
		DiagnosisProcedures.Checklist changed = diagnosis.checklist(ticket, TestFixtures.current(technician)).orElseThrow();
		assertThat(changed.done()).isZero();
		assertThat(changed.former()).extracting(DiagnosisProcedures.Step::text).containsExactly("Check the power cable");

		diagnosis.tick(ticket, "Check the power cable", false, TestFixtures.current(technician));
		assertThat(tickets.history(ticket, TestFixtures.current(technician)))
			.anySatisfy(entry -> assertThat(entry.getField()).isEqualTo("diagnosisUnticked"));
		assertThat(diagnosis.checklist(ticket, TestFixtures.current(technician)).orElseThrow().former()).isEmpty();
	}

	@Test
	void theRelevantArticlesOfATicketLeaveOutItsOwnDiagnosisProcedure() throws Exception {
		String word = word();
		Category scanners = fixtures.category("Scanners " + word);
		CurrentUser lead = TestFixtures.current(supervisor);
		long procedure = published("Scanner " + word + " checks", ArticleAudience.INTERNAL, scanners.getId(), lead,
				"- Clean the scanner glass\n- Scan a blank page\n");
		long other = published("Scanner " + word + " blank pages", ArticleAudience.INTERNAL, null, lead,
				"Clean the scanner glass, then scan a blank page again.");
		diagnosis.attach(procedure, lead);
		TicketId ticket = tickets.register(new NewTicket(TicketType.INCIDENT, "Scanner " + word + " gives blank pages",
				"Cleaned the scanner glass already.", null, Channel.PORTAL, scanners.getId(), Urgency.MEDIUM, null, List.of(),
				null), TestFixtures.current(requester)).id();
		MockHttpSession agent = login(technician);

		String panel = poll(() -> mvc.perform(get("/agent/tickets/" + ticket.value() + "/articles").session(agent))
			.andReturn().getResponse().getContentAsString(), html -> html.contains("relevant-" + other));
		assertThat(panel).as("its checklist is the procedure").contains("Clean the scanner glass")
			.doesNotContain("id=\"relevant-" + procedure + "\"");
	}

	@Test
	void aPastSessionRecordedCountsAsAnyOtherAndOneOutOfOrderIsRefused() {
		User past = fixtures.user("ss-past", Role.REQUESTER);
		long article = published(word() + " badge", ArticleAudience.PUBLIC, null, TestFixtures.current(supervisor));
		Instant started = clock.instant().minus(Duration.ofDays(2));
		Instant from = started.minusSeconds(1);
		Instant to = started.plusSeconds(1);
		DeflectionFigures before = deflections.figures(from, to);
		deflections.recordPast(new Deflections.PastSession(past.getId(), started, started.plusSeconds(5), article,
				started.plusSeconds(20), null));
		DeflectionFigures after = deflections.figures(from, to);
		assertThat(after.deflected()).isEqualTo(before.deflected() + 1);
		assertThat(deflections.deflectionsByArticle(from, to, 50)).containsEntry(article, 1L);
		assertThatThrownBy(() -> deflections.recordPast(new Deflections.PastSession(past.getId(), started,
				started.plusSeconds(5), article, started.plusSeconds(1), null))).as("opened before shown")
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> deflections.recordPast(new Deflections.PastSession(past.getId(), started,
				started.plusSeconds(5), null, started.plusSeconds(9), null))).as("an opening without its article")
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> deflections.recordPast(new Deflections.PastSession(past.getId(), clock.instant(),
				clock.instant().plusSeconds(60), null, null, null))).as("in the future")
			.isInstanceOf(IllegalArgumentException.class);
	}

	private String suggestAndOpen(MockHttpSession session, String word, long article) throws Exception {
		String html = poll(() -> mvc.perform(get("/portal/knowledge/suggestions").session(session).param("title", word + " vpn"))
			.andReturn().getResponse().getContentAsString(), body -> body.contains("suggested-" + article));
		String token = token(html);
		mvc.perform(get("/portal/knowledge/" + article).session(session).param("suggestion", token))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"from-suggestion\"")));
		return token;
	}

	private static String token(String html) {
		Matcher matcher = TOKEN.matcher(html);
		assertThat(matcher.find()).as("a session token in %s", html).isTrue();
		return matcher.group(1);
	}

	private long published(String title, ArticleAudience audience, Long categoryId, CurrentUser by) {
		return published(title, audience, categoryId, by, "When it happens, open the tray and pull the sheet gently.");
	}

	private long published(String title, ArticleAudience audience, Long categoryId, CurrentUser by, String body) {
		long id = articles.create(article(title, audience, categoryId, body), ArticleLanguage.EN, null, by).getId();
		articles.act(id, ArticleAction.PUBLISH, null, by);
		return id;
	}

	private static ArticleContent article(String title, ArticleAudience audience, Long categoryId, String body) {
		return new ArticleContent(title, body, ArticleKind.PROCEDURE, audience, categoryId, List.of(), null);
	}

	/** A word no other article holds: letters only, so the analysers keep it whole. */
	private static String word() {
		Random random = new Random();
		StringBuilder word = new StringBuilder("zorb");
		for (int i = 0; i < 8; i++) {
			word.append((char) ('a' + random.nextInt(26)));
		}
		return word.toString();
	}

	/** Asks again until the answer satisfies the check (the index may see a commit a moment later), 10 s at most. */
	private static String poll(Callable<String> ask, java.util.function.Predicate<String> check) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		String answer = ask.call();
		while (!check.test(answer) && System.nanoTime() < deadline) {
			Thread.sleep(100);
			answer = ask.call();
		}
		assertThat(check.test(answer)).as("seen within 10 s: %s", answer).isTrue();
		return answer;
	}

	private MockHttpSession login(User user) throws Exception {
		MvcResult result = mvc.perform(formLogin("/login").user(user.getUsername()).password(TestFixtures.PASSWORD))
			.andExpect(authenticated())
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
