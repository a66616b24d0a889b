package org.guichet.assist;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.guichet.calendars.Calendars;
import org.guichet.calendars.StandardCalendars;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.knowledge.Article;
import org.guichet.knowledge.ArticleStatus;
import org.guichet.knowledge.Articles;
import org.guichet.knowledge.GeneratedArticles;
import org.guichet.sla.SlaPolicy;
import org.guichet.sla.SlaPolicyRepository;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.LocalServers;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Channel;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.Priority;
import org.guichet.tickets.SolutionKind;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketAction;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Transition;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The generative help talks for real, through LangChain4j's OpenAI client, to a local HTTP server
 * that speaks the OpenAI chat completions API, started by the test: what it is sent (masked, nothing
 * while off, nothing past the budget, nothing for a group not allowed), what the agent sees of each
 * answer and each failure, and what the ticket's history and the administrators' list keep. The
 * settings are one row shared with the other tests: each test puts them back off.
 */
@GuichetIntegrationTest
class GenerativeHelpIT {

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private GenerativeSettings settings;

	@Autowired
	private GenerativeAdministration administration;

	@Autowired
	private UserRepository users;

	@Autowired
	private Calendars calendars;

	@Autowired
	private SlaPolicyRepository policies;

	@Autowired
	private Articles articles;

	@Autowired
	private GeneratedArticles generatedArticles;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private WebApplicationContext context;

	private MockMvc mvc;

	private HttpServer server;

	/** The bodies the server received, in order. */
	private final List<String> received = new CopyOnWriteArrayList<>();

	/** What the server does next: an answer's text, or one of the behaviours below. */
	private volatile String behaviour = "ANSWER";

	private volatile String answer = "Fine.";

	private User technician;

	private SupportGroup allowedGroup;

	private CurrentUser agent;

	@BeforeEach
	void startTheModelServer() throws IOException {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/v1/chat/completions", this::answer);
		server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
		server.start();
		technician = fixtures.user("gen-tech", Role.TECHNICIAN);
		allowedGroup = fixtures.group(SupportLevel.N1, technician);
		agent = TestFixtures.current(technician);
	}

	@AfterEach
	void stopTheModelServerAndTurnTheHelpOff() {
		server.stop(0);
		settings.save(new GenerativeSettings.Changes(false, null, null, null, true, Set.of(GenerativeFeature.values()),
				Set.of(), 200, null, 30, true));
	}

	private void answer(HttpExchange exchange) throws IOException {
		received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		String body;
		int status = 200;
		switch (behaviour) {
			case "SLOW" -> {
				try {
					Thread.sleep(3_000);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
				body = completion("Too late");
			}
			case "MALFORMED" -> body = "{\"choices\": [ {\"message\": ";
			case "400", "429", "500" -> {
				status = Integer.parseInt(behaviour);
				body = "{\"error\": {\"message\": \"refused\", \"type\": \"invalid_request_error\"}}";
			}
			default -> body = completion(answer);
		}
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	private static String completion(String text) {
		String escaped = text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t");
		return """
				{"id": "chatcmpl-1", "object": "chat.completion", "created": 1700000000, "model": "test-model",
				 "choices": [{"index": 0, "message": {"role": "assistant", "content": "%s"}, "finish_reason": "stop"}],
				 "usage": {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120}}""".formatted(escaped);
	}

	private String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
	}

	private void turnOn(boolean mask, int dailyRequests, int timeoutSeconds) {
		settings.save(new GenerativeSettings.Changes(true, baseUrl(), "test-model", "sk-test-secret", false,
				Set.of(GenerativeFeature.values()), Set.of(allowedGroup.getId()), dailyRequests, null, timeoutSeconds,
				mask));
	}

	private Ticket ticket(String title, String description, User requester) {
		Ticket ticket = tickets.register(new NewTicket(TicketType.INCIDENT, title, description, requester.getId(),
				Channel.PORTAL, null, Urgency.MEDIUM, null, List.of()), agent);
		tickets.assign(ticket.id(), allowedGroup.getId(), technician.getId(), null, agent);
		return ticket;
	}

	private String ask(Ticket ticket, String feature, User as) throws Exception {
		return mvc.perform(post("/agent/tickets/" + ticket.getId() + "/generative/" + feature)
			.with(user(TestFixtures.current(as)))
			.with(csrf())
			.header("HX-Request", "true")).andReturn().getResponse().getContentAsString();
	}

	private String panel(Ticket ticket, User as) throws Exception {
		return mvc.perform(get("/agent/tickets/" + ticket.getId() + "/generative").with(user(TestFixtures.current(as))))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void whileOffNothingIsSentAndThePanelIsAbsent() throws Exception {
		settings.save(new GenerativeSettings.Changes(false, baseUrl(), "test-model", null, false,
				Set.of(GenerativeFeature.values()), Set.of(allowedGroup.getId()), 200, null, 5, true));
		User requester = fixtures.user("gen-req", Role.REQUESTER);
		Ticket ticket = ticket("Printer offline", "The printer on floor 2 is offline", requester);

		assertThat(panel(ticket, technician)).doesNotContain("generative-help");
		for (String feature : List.of("summary", "reply", "sla")) {
			assertThat(ask(ticket, feature, technician)).contains("id=\"generative-failure\"")
				.contains("The generative help is off for this: nothing was sent.");
		}

		assertThat(received).isEmpty();
		assertThat(tickets.history(ticket.id(), agent)).noneMatch(h -> h.getField().equals(GenerativeHelp.HISTORY_FIELD));
	}

	@Test
	void aSummaryIsAskedOfTheServerShownLabelledAsGeneratedAndRecordedInTheHistoryWithItsPrompt() throws Exception {
		turnOn(false, 1000, 10);
		User requester = fixtures.user("gen-req", Role.REQUESTER);
		String word = "zq" + UUID.randomUUID().toString().substring(0, 6);
		Ticket ticket = ticket("VPN drops " + word, "My VPN disconnects every morning at 9", requester);
		tickets.comment(ticket.id(), "I restarted the laptop, no change", false, TestFixtures.current(requester));
		answer = "What the user wants: a stable VPN.\nWhat was tried: a restart.\nWhat is still open: the cause.";

		String panel = panel(ticket, technician);
		String shown = ask(ticket, "summary", technician);

		assertThat(panel).contains("id=\"generate-summary\"", "id=\"generate-reply\"")
			.as("no SLA applies, the ticket is open").doesNotContain("id=\"generate-sla\"", "id=\"generate-article\"");
		assertThat(shown).contains("id=\"generated-label\"", "Generated, to check: summary, model test-model")
			.contains("What was tried: a restart.");
		assertThat(received).singleElement().satisfies(body -> {
			assertThat(body).contains("\"test-model\"", "VPN drops " + word, "I restarted the laptop");
			assertThat(body).contains("What the user wants");
		});
		assertThat(tickets.history(ticket.id(), agent)).filteredOn(h -> h.getField().equals(GenerativeHelp.HISTORY_FIELD))
			.singleElement()
			.satisfies(h -> {
				assertThat(h.getActor().getId()).isEqualTo(technician.getId());
				assertThat(h.getNewValue()).startsWith("Generative help: summary, model test-model (prompt no. ");
			});
		GenerativeAdministration.Exchange kept = administration.exchanges().get(0);
		assertThat(kept.ticketId()).isEqualTo(ticket.getId());
		assertThat(kept.prompt()).startsWith("[system]\n").contains("[user]\nTicket " + ticket.getNumber());
		assertThat(kept.outcome()).isEqualTo("ANSWERED");
		assertThat(kept.tokens()).isEqualTo(120);
		User admin = fixtures.user("gen-admin", Role.ADMINISTRATOR);
		assertThat(mvc.perform(get("/admin/assist/generative").with(user(TestFixtures.current(admin))))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("id=\"exchange-" + kept.id() + "\"", "VPN drops " + word)
			.doesNotContain("sk-test-secret");
		assertThat(jdbc.queryForObject("select api_key_encrypted from assist_llm_settings", String.class))
			.startsWith("v1.")
			.doesNotContain("sk-test-secret");
		assertThat(settings.apiKey()).isEqualTo("sk-test-secret");
	}

	@Test
	void theServerSeesNoNameEmailOrPhoneOfTheDirectoryAndTheAnswerGetsThemBack() throws Exception {
		turnOn(true, 1000, 10);
		User requester = fixtures.user("gen-req", Role.REQUESTER);
		requester.setFullName("Amélie Durandeau");
		requester.setPhone("+33 6 12 34 56 78");
		requester = users.save(requester);
		String email = requester.getEmail();
		Ticket ticket = ticket("Outlook crashes for Amélie Durandeau",
				"Hello, Amélie here. Call me on 06 12 34 56 78 or write to " + email + ". Durandeau", requester);
		answer = "[PERSON 1] wants Outlook to stop crashing; reach them at [EMAIL 1].";

		String shown = ask(ticket, "summary", technician);

		assertThat(received).singleElement().satisfies(body -> {
			assertThat(body).doesNotContain("Amélie", "Durandeau", email, "06 12 34 56 78", "12 34 56 78",
					technician.getFullName());
			assertThat(body).contains("[PERSON 1]", "[EMAIL 1]", "[PHONE 1]");
		});
		assertThat(shown).contains("Amélie Durandeau wants Outlook to stop crashing; reach them at " + email + ".");
		assertThat(administration.exchanges().get(0).prompt()).as("kept as sent").doesNotContain("Durandeau");
	}

	@Test
	void aTimeoutAServerDownAMalformedAnswerAndARefusalEachShowTheirMessageAndTheWorkGoesOn() throws Exception {
		turnOn(false, 1000, 1);
		User requester = fixtures.user("gen-req", Role.REQUESTER);
		Ticket ticket = ticket("Screen flickers", "Since yesterday", requester);

		behaviour = "SLOW";
		assertThat(ask(ticket, "summary", technician)).contains("The language model did not answer in time.");
		behaviour = "MALFORMED";
		assertThat(ask(ticket, "summary", technician)).contains("The language model’s answer could not be read.");
		for (String status : List.of("400", "429", "500")) {
			behaviour = status;
			assertThat(ask(ticket, "reply", technician)).as(status)
				.contains("The language model’s server refused the request (HTTP " + status + ")");
		}
		int port = LocalServers.freePort();
		settings.save(new GenerativeSettings.Changes(true, "http://127.0.0.1:" + port + "/v1", "test-model", null,
				false, Set.of(GenerativeFeature.values()), Set.of(allowedGroup.getId()), 1000, null, 2, false));
		assertThat(ask(ticket, "summary", technician)).contains("The language model’s server cannot be reached.");

		assertThat(received).hasSize(5).as("no retry");
		assertThat(tickets.history(ticket.id(), agent)).filteredOn(h -> h.getField().equals(GenerativeHelp.HISTORY_FIELD))
			.hasSize(6)
			.allSatisfy(h -> assertThat(h.getNewValue()).contains("no answer: "));
		tickets.comment(ticket.id(), "Still here", false, agent);
		assertThat(tickets.view(ticket.id(), agent).comments()).extracting(c -> c.getBody()).contains("Still here");
	}

	@Test
	void pastTheDailyBudgetNothingIsSentAndTheAgentIsToldSo() throws Exception {
		turnOn(false, 1000, 10);
		User requester = fixtures.user("gen-req", Role.REQUESTER);
		Ticket ticket = ticket("Keyboard missing keys", "The Q key fell off", requester);
		assertThat(ask(ticket, "summary", technician)).contains("id=\"generated-label\"");
		int spent = administration.today().requests();
		turnOn(false, spent, 10);

		assertThat(ask(ticket, "summary", technician)).contains("Today’s budget of the generative help is spent: nothing was sent.");
		assertThat(received).hasSize(1);
		assertThat(administration.today().requests()).isEqualTo(spent);
	}

	@Test
	void anAgentOfAGroupNotAllowedGetsNoPanelAnd403() throws Exception {
		turnOn(false, 1000, 10);
		User outsider = fixtures.user("gen-outsider", Role.TECHNICIAN);
		SupportGroup other = fixtures.group(SupportLevel.N1, outsider, technician);
		User requester = fixtures.user("gen-req", Role.REQUESTER);
		Ticket ticket = tickets.register(new NewTicket(TicketType.INCIDENT, "Mouse broken", "Left button",
				requester.getId(), Channel.PORTAL, null, Urgency.MEDIUM, null, List.of()), agent);
		tickets.assign(ticket.id(), other.getId(), null, null, agent);

		assertThat(panel(ticket, outsider)).doesNotContain("generative-help");
		assertThat(mvc.perform(post("/agent/tickets/" + ticket.getId() + "/generative/summary")
			.with(user(TestFixtures.current(outsider)))
			.with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(received).isEmpty();
		assertThat(panel(ticket, technician)).as("a member of an allowed group").contains("id=\"generate-summary\"");
	}

	@Test
	void aReplyDraftCitesItsSourcesTheSlaIsExplainedAndAnArticleDraftIsCreatedMarkedAsGenerated() throws Exception {
		turnOn(false, 1000, 10);
		String department = "Gen " + UUID.randomUUID();
		User requester = fixtures.user("gen-req", Role.REQUESTER);
		requester.setDepartment(department);
		requester = users.save(requester);
		SlaPolicy policy = new SlaPolicy("Policy " + department,
				calendars.define("24/7 " + department, StandardCalendars.twentyFourSeven()).id());
		policy.conditions(TicketType.INCIDENT, null, department, null);
		for (Priority priority : Priority.values()) {
			policy.target(TicketType.INCIDENT, priority, Duration.ofHours(2), Duration.ofHours(10));
		}
		policies.save(policy);
		String word = "zq" + UUID.randomUUID().toString().substring(0, 6);
		Ticket past = ticket(word + " scanner jams", "The " + word + " scanner jams on every page", requester);
		tickets.transition(past.id(), new Transition(TicketAction.RESOLVE, null, null, "Clean the " + word + " rollers",
				SolutionKind.PERMANENT), null, agent);
		Ticket ticket = ticket(word + " scanner jams again", "The " + word + " scanner jams on each page", requester);

		answer = "Hello, please clean the rollers as before [T1]. [X9]";
		String reply = ask(ticket, "reply", technician);
		answer = "The ticket must be taken in charge within 2 hours.";
		String sla = ask(ticket, "sla", technician);

		assertThat(reply).contains("id=\"generated-reply-text\"", "Hello, please clean the rollers as before [T1].")
			.contains("id=\"generated-sources\"", "/agent/tickets/" + past.getId())
			.as("a tag the model invented is not a source").doesNotContain("[X9]</span>");
		assertThat(received.get(0)).contains("[T1] " + word + " scanner jams", "Solution: Clean the " + word + " rollers");
		assertThat(sla).contains("The ticket must be taken in charge within 2 hours.");
		assertThat(received.get(1)).contains("Policy " + department, "TTO (take in charge) deadline");
		assertThat(tickets.get(ticket.id(), agent).getStatus()).as("nothing was sent to the requester")
			.isNotIn(org.guichet.tickets.Status.PENDING);
		assertThat(tickets.view(ticket.id(), agent).comments()).isEmpty();

		answer = "Title: Scanner jams\ton every page\n\n## Problem\nIt jams.\n\n## Cause\nDirty rollers.\n\n## Solution\nClean them.";
		String location = mvc.perform(post("/agent/tickets/" + past.getId() + "/generative/article")
			.with(user(agent))
			.with(csrf())).andReturn().getResponse().getRedirectedUrl();

		assertThat(location).matches("/agent/knowledge/\\d+/edit");
		long articleId = Long.parseLong(location.replaceAll("\\D", ""));
		Article article = articles.get(articleId, agent);
		assertThat(article.getStatus()).isEqualTo(ArticleStatus.DRAFT);
		assertThat(article.getTitle()).isEqualTo("Scanner jams on every page");
		assertThat(article.getBody()).startsWith("## Problem");
		assertThat(generatedArticles.modelOf(articleId)).contains("test-model");
		assertThat(articles.ticketsOf(articleId, agent)).extracting(t -> t.id()).contains(past.getId());
		assertThat(mvc.perform(get("/agent/knowledge/" + articleId).with(user(agent)))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("id=\"article-generated\"", "Written by a language model (test-model)");
	}

}
