package org.guichet.knowledge;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.testing.DatabaseNeutral;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Impact;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.SolutionKind;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketAction;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Transition;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The knowledge pages as a browser drives them: an internal article reaches no requester by any
 * page nor file; a resolved ticket and the article written from it show each other; a refused
 * form keeps what was typed; the owner is reminded once of a review date passed.
 */
@GuichetIntegrationTest
@DatabaseNeutral
class KnowledgePagesIT {

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private Articles articles;

	@Autowired
	private ArticleFiles files;

	@Autowired
	private ReviewReminders reminders;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private ArticleViews views;

	@Autowired
	private org.springframework.transaction.support.TransactionTemplate transactions;

	private MockMvc mvc;

	private User technician;

	private User requester;

	private SupportGroup group;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		technician = fixtures.user("kb-pages-tech", Role.TECHNICIAN);
		requester = fixtures.user("kb-pages-requester", Role.REQUESTER);
		group = fixtures.group(SupportLevel.N1, technician);
	}

	@Test
	void anInternalArticleAndItsFilesReachNoRequesterByAnyPageUntilItIsPublishedToThem() throws Exception {
		CurrentUser writer = TestFixtures.current(technician);
		Article article = articles.create(doorCode(ArticleAudience.INTERNAL), ArticleLanguage.EN,
				null, writer);
		long id = article.getId();
		long image = files.attach(id, "door.png", "image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G' }, writer).getId();
		articles.act(id, ArticleAction.PUBLISH, null, writer);
		MockHttpSession reader = login(requester);
		MockHttpSession agent = login(technician);

		mvc.perform(get("/portal/knowledge/" + id).session(reader)).andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("door code"))));
		mvc.perform(get("/agent/knowledge/" + id).session(reader)).andExpect(result -> assertThat(result.getResponse()
			.getStatus()).isIn(302, 403));
		mvc.perform(get("/knowledge/articles/" + id + "/attachments/" + image).session(reader)).andExpect(status().isNotFound());
		mvc.perform(get("/portal/knowledge/" + id).session(agent)).andExpect(status().isNotFound());
		mvc.perform(get("/agent/knowledge/" + id).session(agent)).andExpect(status().isOk())
			.andExpect(content().string(containsString("door code")))
			.andExpect(content().string(containsString("/knowledge/articles/" + id + "/attachments/" + image)));

		articles.update(id, null, doorCode(ArticleAudience.PUBLIC), writer);
		mvc.perform(get("/portal/knowledge/" + id).session(reader)).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"feedback-form\"")));
		mvc.perform(get("/portal/knowledge").param("q", "* le").session(reader)).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"portal-q-error\"")))
			.andExpect(content().string(not(containsString("id=\"portal-results\""))));
		mvc.perform(get("/knowledge/articles/" + id + "/attachments/" + image).session(reader)).andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/png"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
		mvc.perform(post("/portal/knowledge/" + id + "/feedback").session(reader).with(csrf()).param("comment", "Typed"))
			.andExpect(status().is3xxRedirection());
		assertThat(articles.feedbackSummary(id, writer).total()).as("no answer without yes or no").isZero();
	}

	@Test
	void aSeriousIncidentResolvedProposesAPostIncidentReportAndTheTicketAndArticleShowEachOther() throws Exception {
		String title = "Mail down for everyone " + UUID.randomUUID().toString().substring(0, 6);
		Ticket ticket = resolved(title, Urgency.VERY_HIGH, Impact.VERY_HIGH);
		assertThat(TicketDraft.SERIOUS).as("the standard matrix's priority").contains(ticket.getPriority());
		MockHttpSession agent = login(technician);
		String panel = "/agent/tickets/" + ticket.getId() + "/articles";

		mvc.perform(get(panel).session(agent)).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"write-article\"")))
			.andExpect(content().string(containsString("/agent/knowledge/new?ticket=" + ticket.getId())));
		mvc.perform(get("/agent/knowledge/new?ticket=" + ticket.getId() + "&language=EN").session(agent))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"POST_INCIDENT\" selected")))
			.andExpect(content().string(containsString("## Root cause")))
			.andExpect(content().string(containsString("## Permanent fix\n\nSwitched to the spare relay.")));

		MvcResult saved = mvc.perform(post("/agent/knowledge/new").session(agent).with(csrf())
			.param("title", title).param("body", "## Summary\n\nMail down.").param("kind", "POST_INCIDENT")
			.param("audience", "INTERNAL").param("language", "EN").param("ticketId", String.valueOf(ticket.getId())))
			.andExpect(status().is3xxRedirection()).andReturn();
		String articlePage = saved.getResponse().getRedirectedUrl();
		mvc.perform(get(articlePage).session(agent)).andExpect(status().isOk())
			.andExpect(content().string(containsString(ticket.getNumber())));
		mvc.perform(get(panel).session(agent)).andExpect(status().isOk())
			.andExpect(content().string(containsString(articlePage)));
		mvc.perform(get(panel).session(login(requester))).andExpect(result -> assertThat(result.getResponse()
			.getStatus()).isIn(302, 403));
	}

	@Test
	void aRefusedArticleFormShowsEveryErrorAndKeepsWhatWasTyped() throws Exception {
		MockHttpSession agent = login(technician);
		mvc.perform(post("/agent/knowledge/new").session(agent).with(csrf()).param("title", " ")
			.param("body", "Keep <this> text").param("audience", "PUBLIC").param("tags", "ok, " + "x".repeat(41)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"error-summary\"")))
			.andExpect(content().string(containsString("id=\"title-error\"")))
			.andExpect(content().string(containsString("id=\"kind-error\"")))
			.andExpect(content().string(containsString("Keep &lt;this&gt; text")));
	}

	@Test
	void theOwnerIsRemindedOnceInAppWhenTheReviewDatePassesAndTheDiffShowsTheChange() throws Exception {
		CurrentUser writer = TestFixtures.current(technician);
		LocalDate past = LocalDate.now(ZoneOffset.UTC).minusDays(2);
		Article article = articles.create(new ArticleContent("Reset a badge", "Hold the badge on the reader.", ArticleKind.PROCEDURE,
				ArticleAudience.PUBLIC, null, List.of(), past), ArticleLanguage.EN, null, writer);
		reminders.remindDue();
		reminders.remindDue();
		assertThat(jdbc.queryForList("select link from notification where recipient_id = ? and message_key = ?", String.class,
				technician.getId(), "notification.article-review-due")).containsExactly("/agent/knowledge/" + article.getId());
		assertThat(articles.attention(writer)).extracting(a -> a.article().getId()).containsExactly(article.getId());

		articles.update(article.getId(), null, new ArticleContent("Reset a badge", "Hold the new badge on the reader.",
				ArticleKind.PROCEDURE, ArticleAudience.PUBLIC, null, List.of(), past.plusYears(1)), writer);
		assertThat(articles.attention(writer)).isEmpty();
		mvc.perform(get("/agent/knowledge/" + article.getId() + "/diff?from=1&to=2").session(login(technician)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<ins><span class=\"visually-hidden\">added </span>new </ins>")));
	}

	@Test
	void theEnglishVersionIsWrittenInAFormThatSaysSoAndCancellingItLeavesNothingBehind() throws Exception {
		CurrentUser writer = TestFixtures.current(technician);
		long french = articles.create(new ArticleContent("Changer le toner", "Ouvrez le capot avant.", ArticleKind.PROCEDURE,
				ArticleAudience.PUBLIC, null, List.of("toner"), null), ArticleLanguage.FR, null, writer).getId();
		MockHttpSession agent = login(technician);

		mvc.perform(get("/agent/knowledge/" + french).session(agent)).andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/agent/knowledge/" + french + "/translate\"")));
		mvc.perform(get("/agent/knowledge/" + french + "/translate").session(agent)).andExpect(status().isOk())
			.andExpect(content().string(containsString("English version of “Changer le toner”")))
			.andExpect(content().string(containsString("id=\"language-shown\">English<")))
			.andExpect(content().string(containsString("This is the English version")))
			.andExpect(content().string(containsString("Ouvrez le capot avant.")))
			.andExpect(content().string(containsString("action=\"/agent/knowledge/" + french + "/translate\"")))
			.andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
					"(?s).*id=\"cancel\"\\s+href=\"/agent/knowledge/" + french + "\".*")));
		assertThat(articles.get(french, writer).getTranslationId()).as("opening the form saves nothing").isNull();

		MvcResult saved = mvc.perform(post("/agent/knowledge/" + french + "/translate").session(agent).with(csrf())
			.param("title", "Replacing the toner").param("body", "Open the front cover.").param("kind", "PROCEDURE")
			.param("audience", "PUBLIC").param("tags", "toner").param("language", "EN"))
			.andExpect(status().is3xxRedirection()).andReturn();
		Article english = articles.get(articles.get(french, writer).getTranslationId(), writer);
		assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/agent/knowledge/" + english.getId());
		assertThat(english.getLanguage()).isEqualTo(ArticleLanguage.EN);
		assertThat(english.getBody()).isEqualTo("Open the front cover.");
		assertThat(articles.versions(english.getId(), writer)).as("no French copy in its history").hasSize(1);
		mvc.perform(get("/agent/knowledge/" + french + "/translate").session(agent))
			.andExpect(redirectedUrl("/agent/knowledge/" + english.getId()));
	}

	@Test
	void aChangeRefusedAsStaleKeepsTheTextTypedAndLinksToWhatChangedMeanwhile() throws Exception {
		CurrentUser writer = TestFixtures.current(technician);
		Article article = articles.create(doorCode(ArticleAudience.INTERNAL), ArticleLanguage.EN, null, writer);
		long id = article.getId();
		MockHttpSession agent = login(technician);
		mvc.perform(get("/agent/knowledge/" + id + "/edit").session(agent)).andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"basedOn\" value=\"1\"")));
		Article changed = articles.update(id, null, new ArticleContent("Server room door code", "The code changed.",
				ArticleKind.PROCEDURE, ArticleAudience.INTERNAL, null, List.of(), null),
				TestFixtures.current(fixtures.user("kb-pages-colleague", Role.TECHNICIAN)));

		mvc.perform(post("/agent/knowledge/" + id + "/edit").session(agent).with(csrf()).param("title", "Server room door code")
			.param("body", "My long typed text.").param("kind", "PROCEDURE").param("audience", "INTERNAL")
			.param("version", String.valueOf(article.getVersion())).param("basedOn", "1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"stale\"")))
			.andExpect(content().string(containsString("My long typed text.")))
			.andExpect(content().string(containsString("saved version 2 of this article")))
			.andExpect(content().string(containsString("/agent/knowledge/" + id + "/diff?from=1&amp;to=2")))
			.andExpect(content().string(containsString("name=\"version\" value=\"" + changed.getVersion() + "\"")));
		assertThat(articles.get(id, writer).getBody()).isEqualTo("The code changed.");

		mvc.perform(post("/agent/knowledge/" + id + "/edit").session(agent).with(csrf()).param("title", "Server room door code")
			.param("body", "My long typed text.").param("kind", "PROCEDURE").param("audience", "INTERNAL")
			.param("version", String.valueOf(changed.getVersion())).param("basedOn", "2"))
			.andExpect(status().is3xxRedirection());
		assertThat(articles.get(id, writer).getBody()).as("saved again on purpose").isEqualTo("My long typed text.");
	}

	@Test
	void anSvgImageIsShownInTheTextAndRunsNoScriptWhenOpenedAlone() throws Exception {
		CurrentUser writer = TestFixtures.current(technician);
		long id = articles.create(doorCode(ArticleAudience.INTERNAL), ArticleLanguage.EN, null, writer).getId();
		byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script><rect width=\"9\" height=\"9\"/></svg>"
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		long image = files.attach(id, "plan.svg", "image/svg+xml", svg, writer).getId();

		mvc.perform(get("/knowledge/articles/" + id + "/attachments/" + image).session(login(technician)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/svg+xml"))
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("inline")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Security-Policy", containsString("sandbox")))
			.andExpect(header().string("Content-Security-Policy", containsString("default-src 'none'")))
			.andExpect(header().string("Content-Security-Policy", not(containsString("script-src"))));
	}

	@Test
	void wasThisHelpfulIsAskedOnlyOnAPublishedArticleAndNotOfItsOwner() throws Exception {
		CurrentUser writer = TestFixtures.current(technician);
		long id = articles.create(doorCode(ArticleAudience.PUBLIC), ArticleLanguage.EN, null, writer).getId();
		MockHttpSession owner = login(technician);
		MockHttpSession colleague = login(fixtures.user("kb-pages-reader", Role.TECHNICIAN));
		mvc.perform(get("/agent/knowledge/" + id).session(colleague)).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"feedback-form\""))));
		articles.act(id, ArticleAction.PUBLISH, null, writer);
		mvc.perform(get("/agent/knowledge/" + id).session(owner)).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"feedback-form\""))));
		mvc.perform(get("/portal/knowledge/" + id).session(owner)).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"feedback-form\""))));
		mvc.perform(get("/agent/knowledge/" + id).session(colleague)).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"feedback-form\"")));
	}

	@Test
	void theTicketsDossierListsItsArticlesAsTheReaderMayReadThem() throws Exception {
		Ticket ticket = resolved("Badge refused " + UUID.randomUUID().toString().substring(0, 6), Urgency.LOW, Impact.LOW);
		CurrentUser writer = TestFixtures.current(technician);
		ArticleContent content = new ArticleContent("Badge refused at the gate", "Re-encode it.", ArticleKind.SOLUTION,
				ArticleAudience.INTERNAL, null, List.of(), null);
		long internal = articles.create(content, ArticleLanguage.EN, new TicketId(ticket.getId()), writer).getId();
		Article french = articles.translate(internal, writer);

		mvc.perform(get("/tickets/" + ticket.getId() + "/dossier?internal=true").session(login(technician)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"dossier-articles\"")))
			.andExpect(content().string(containsString("Badge refused at the gate")))
			.andExpect(content().string(containsString("Solution")));
		// without the internal notes, a dossier to share outside the team: no internal or unpublished article
		mvc.perform(get("/tickets/" + ticket.getId() + "/dossier").session(login(technician))).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Badge refused at the gate"))));
		assertThat(french.getTranslationId()).isEqualTo(internal);
		mvc.perform(get("/tickets/" + ticket.getId() + "/dossier").session(login(requester))).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"dossier-articles\""))))
			.andExpect(content().string(not(containsString("Badge refused at the gate"))));
	}

	@Test
	void readingsOfAnArticleNotCommittedYetAreWrittenOnceItIs() throws Exception {
		CurrentUser writer = TestFixtures.current(technician);
		java.util.concurrent.CountDownLatch read = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.CountDownLatch flushed = new java.util.concurrent.CountDownLatch(1);
		long[] id = new long[1];
		Thread demo = new Thread(() -> transactions.executeWithoutResult(status -> {
			id[0] = articles.create(doorCode(ArticleAudience.PUBLIC), ArticleLanguage.EN, null, writer).getId();
			articles.read(id[0], writer);
			articles.read(id[0], writer);
			read.countDown();
			try {
				flushed.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}));
		demo.start();
		read.await();
		views.flush();
		flushed.countDown();
		demo.join();
		views.flush();
		assertThat(jdbc.queryForObject("select view_count from article where id = ?", Long.class, id[0]))
			.as("the batch written while it was being created is not lost").isEqualTo(2);
	}

	private static ArticleContent doorCode(ArticleAudience audience) {
		return new ArticleContent("Server room door code", "The code is on the **inside** of the cupboard.", ArticleKind.PROCEDURE, audience,
				null, List.of(), null);
	}

	private Ticket resolved(String title, Urgency urgency, Impact impact) {
		CurrentUser agent = TestFixtures.current(technician);
		TicketId id = tickets.register(new NewTicket(TicketType.INCIDENT, title, "Nobody receives mail.", null,
				Channel.PORTAL, null, urgency, impact, List.of()), TestFixtures.current(requester)).id();
		tickets.assign(id, group.getId(), technician.getId(), null, agent);
		tickets.transition(id, Transition.of(TicketAction.TAKE), null, agent);
		tickets.transition(id, new Transition(TicketAction.RESOLVE, null, null, "Switched to the spare relay.",
				SolutionKind.PERMANENT), null, agent);
		return tickets.get(id, agent);
	}

	private MockHttpSession login(User user) throws Exception {
		MvcResult result = mvc.perform(formLogin("/login").user(user.getUsername()).password(TestFixtures.PASSWORD))
			.andExpect(authenticated())
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
