package org.guichet.system;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.guichet.chat.ChatPresence;
import org.guichet.chat.Chats;
import org.guichet.directory.Role;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.catalogue.Catalogue;
import org.guichet.catalogue.CatalogueItem;
import org.guichet.catalogue.FieldKind;
import org.guichet.catalogue.FormDefinition;
import org.guichet.catalogue.FormField;
import org.guichet.catalogue.ItemDescription;
import org.guichet.directory.CurrentUser;
import org.guichet.assist.GenerativeFeature;
import org.guichet.assist.GenerativeSettings;
import org.guichet.knowledge.ArticleAudience;
import org.guichet.knowledge.ArticleContent;
import org.guichet.knowledge.ArticleKind;
import org.guichet.knowledge.ArticleLanguage;
import org.guichet.knowledge.Articles;
import org.guichet.replies.MacroDefinition;
import org.guichet.replies.Macros;
import org.guichet.testing.DatabaseNeutral;
import org.guichet.testing.HtmlForms;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Category;
import org.guichet.tickets.Channel;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.SolutionKind;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketAction;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Transition;
import org.guichet.tickets.Urgency;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every web form that creates something, posted twice with the token of one rendering, creates
 * one record and answers both times with the same redirect. The forms are taken from the pages
 * that show them, as a browser would, and the list of creating forms is checked against every
 * {@code POST} handler of the web pages: a new handler must be classified here.
 */
@GuichetIntegrationTest
@DatabaseNeutral
class OneTimeFormTokensIT {

	/**
	 * The web {@code POST} handlers that create something, each with the case that posts its
	 * form twice (see {@link #creatingForm}).
	 */
	private static final Set<String> CREATING = Set.of("PortalController#processCreationForm",
			"PortalController#reply", "AgentTicketController#processCreationForm", "AgentTicketController#reply",
			"AgentTicketController#addNote", "AgentTicketController#addTask", "AgentTicketController#escalate",
			"UserController#processCreationForm", "GroupController#processCreationForm",
			"CategoryController#processCreationForm", "CalendarController#processCreationForm",
			"SlaPolicyController#processCreationForm", "EscalationLevelController#add",
			"RoutingAdminController#processCreationForm", "RoutingAdminController#addAbsence",
			"ProfileController#createToken", "CannedReplyController#processCreationForm",
			"MacroController#processCreationForm", "TicketRepliesController#apply", "SavedViewController#create",
			"TicketRelationsController#addLink", "TicketRelationsController#addObserver",
			"AuthorPageController#processCreationForm", "MailboxAdminController#processCreationForm",
			"AnnouncementAdminController#processCreationForm",
			"KnowledgeController#processCreationForm", "KnowledgeController#translate", "KnowledgeController#upload",
			"PortalCatalogueController#file", "AdminSectionsController#addSection",
			"AdminItemsController#createItem", "ChatPortalController#start", "ChatAgentController#turnIntoTicket",
			"GenerativeHelpController#article", "WebhookAdminController#processCreationForm");

	/**
	 * The web {@code POST} handlers that change or remove what exists, or show a form again
	 * with a row more or less: protected all the same, but with nothing new to count.
	 */
	private static final Set<String> NOT_CREATING = Set.of("PortalController#answer", "PortalController#rate",
			"AdminItemsController#updateItem", "AdminItemsController#editForm",
			"AdminApprovalStepsController#editApprovalSteps", "AdminSectionsController#renameSection",
			"AdminSectionsController#deleteSection",
			"TicketSuggestionsController#apply", "AssistAdminController#threshold", "AssistAdminController#train",
			"SelfServiceAdminController#save", "PortalSelfServiceController#resolve", "SelfServiceLinkController#act",
			"GenerativeAdminController#save",
			"IndexAdminController#rebuild",
			"TicketArticlesController#tick", "DiagnosisController#attach",
			"MailboxAdminController#processUpdateForm", "MailboxAdminController#enable",
			"MailboxAdminController#delete",
			"TicketLinkController#act", "ApprovalLinkController#act",
			"AgentTicketController#take", "AgentTicketController#resume",
			"AgentTicketController#reopen", "AgentTicketController#cancel", "AgentTicketController#putPending",
			"AgentTicketController#resolve", "AgentTicketController#assign", "AgentTicketController#updateTask",
			"AgentTicketController#updateFields", "UserController#processUpdateForm",
			"GroupController#processUpdateForm", "GroupController#delete", "ProfileController#changeLanguage",
			"ProfileController#changePassword", "ProfileController#revokeToken",
			"DeskSettingsController#processMatrixForm", "DeskSettingsController#processClosureForm",
			"DeskSettingsController#processSurveyForm",
			"DeskSettingsController#processReplyToResolvedForm", "DeskSettingsController#processRequesterSlaForm",
			"CategoryController#processUpdateForm", "CategoryController#deactivate",
			"CategoryController#reactivate", "SlaPolicyController#processUpdateForm", "SlaPolicyController#moveUp",
			"SlaPolicyController#moveDown", "SlaPolicyController#delete", "EscalationLevelController#remove",
			"EscalationLevelController#move",
			"CalendarController#addRowToNew", "CalendarController#removeRowFromNew", "CalendarController#addRow",
			"CalendarController#removeRow", "CalendarController#processUpdateForm", "CalendarController#delete",
			"RoutingAdminController#processUpdateForm", "RoutingAdminController#delete",
			"RoutingAdminController#move", "RoutingAdminController#setMode", "RoutingAdminController#setSkills",
			"RoutingAdminController#deleteAbsence", "NotificationController#read",
			"NotificationController#readAll", "CannedReplyController#processUpdateForm",
			"CannedReplyController#delete", "MacroController#processUpdateForm", "MacroController#delete",
			"PortalNotificationController#read", "PortalNotificationController#readAll",
			"PasswordResetController#request", "PasswordResetController#reset", "PasswordResetAdminController#issue",
			"SavedViewController#update", "SavedViewController#rename", "SavedViewController#delete",
			"TargetsController#save",
			"SavedViewController#chooseColumns", "BulkActionController#bulk",
			"TicketRelationsController#removeLink", "TicketRelationsController#merge", "TicketRelationsController#removeObserver",
			"ExampleController#mark", "ExampleController#unmark", "AuthorPageController#processUpdateForm",
			"AuthorPageController#move", "AuthorPageController#delete", "MailAdminController#resend",
			"MailTemplateController#save", "MailTemplateController#reset",
			"NotificationPreferencesController#saveMine", "NotificationPreferencesController#saveDefaults",
			"MajorIncidentController#flag", "MajorIncidentController#unflag", "MajorIncidentController#attachChildren",
			"MajorIncidentController#attachTo", "AnnouncementAdminController#processUpdateForm",
			"AnnouncementAdminController#end", "AnnouncementAdminController#delete",
			"AnnouncementActionsController#meToo", "AnnouncementActionsController#dismiss",
			"KnowledgeController#processUpdateForm", "KnowledgeController#changeStatus", "KnowledgeController#delete",
			"KnowledgeController#feedback", "PortalKnowledgeController#feedback",
			"ApprovalPageController#decide", "ChatAgentController#take", "ChatConversationController#close",
			// a visitor is nobody: no person to claim a one-time token for (FormTokenInterceptor); their
			// start sent twice starts two conversations, within the per-IP limit (docs/CHAT.md "Visitors")
			"VisitorChatController#start", "VisitorChatController#close",
			"ChatAgentController#transfer", "SmsTriageController#handled", "SmsAdminController#processSettingsForm",
			"SmsAdminController#resend", "DirectoryAdminController#synchronise", "SsoAdminController#save", "WebhookAdminController#processUpdateForm",
			"WebhookAdminController#delete", "WebhookAdminController#resend");

	private static final int SIMULTANEOUS = 4;

	@Autowired
	WebApplicationContext context;

	/** The application's controllers (the actuator adds a mapping of its own, of the same type). */
	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	TicketManagement tickets;

	@Autowired
	Macros macros;

	@Autowired
	Articles articles;

	@Autowired
	Catalogue catalogue;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Chats chats;

	@Autowired
	ChatPresence presence;

	/** The chat agents a case made online, offline again after it. */
	private final List<Long> online = new ArrayList<>();

	@Autowired
	GenerativeSettings generativeSettings;

	/** The language model's server a case started, stopped after it with the generative help off again. */
	private com.sun.net.httpserver.@Nullable HttpServer languageModel;

	@AfterEach
	void removeTheAnnouncements() {
		fixtures.removeAnnouncements();
		online.forEach(presence::leave);
		if (languageModel != null) {
			languageModel.stop(0);
			generativeSettings.save(new GenerativeSettings.Changes(false, null, null, null, true,
					Set.of(GenerativeFeature.values()), Set.of(), 200, null, 30, true));
		}
	}

	@LocalServerPort
	int port;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	@Test
	void everyWebPostHandlerIsKnownToCreateOrNotAndNoCreatingOneSkipsTheToken() {
		Set<String> unclassified = new TreeSet<>();
		Set<String> creatingButRepeatable = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = mapping.getKey();
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			boolean posts = methods.isEmpty() || methods.contains(RequestMethod.POST);
			boolean web = info.getPatternValues().stream().noneMatch(p -> p.startsWith("/api/"));
			HandlerMethod handler = mapping.getValue();
			if (!posts || !web || !handler.getBeanType().getPackageName().startsWith("org.guichet.")) {
				continue;
			}
			String name = handler.getBeanType().getSimpleName() + "#" + handler.getMethod().getName();
			boolean repeatable = handler.hasMethodAnnotation(RepeatableSubmission.class);
			if (CREATING.contains(name) && repeatable) {
				creatingButRepeatable.add(name);
			}
			if (!CREATING.contains(name) && !NOT_CREATING.contains(name) && !repeatable) {
				unclassified.add(name + " " + info.getPatternValues());
			}
		}
		assertThat(unclassified)
			.as("POST handlers neither in CREATING (with a case in creatingForm) nor in NOT_CREATING")
			.isEmpty();
		assertThat(creatingButRepeatable).as("Creating handlers marked @RepeatableSubmission").isEmpty();
		assertThat(creatingForms().map(CreatingForm::handler)).containsExactlyInAnyOrderElementsOf(CREATING);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("creatingForms")
	void eachCreatingFormPostedTwiceWithOneTokenCreatesOneRecordAndAnswersTheSame(CreatingForm form)
			throws Exception {
		Submission submission = creatingForm(form.handler());
		MvcResult created = mvc.perform(submission.request()).andExpect(status().is3xxRedirection()).andReturn();
		String location = created.getResponse().getRedirectedUrl();
		assertThat(submission.count()).as("records after the first submission").isEqualTo(submission.expected());

		mvc.perform(submission.request())
			.andExpect(redirectedUrl(location))
			.andExpect(flash().attribute("flash", FormTokenInterceptor.ALREADY_SENT));
		assertThat(submission.count()).as("records after the second submission").isEqualTo(submission.expected());
	}

	@Test
	void aRefusedSubmissionKeepsItsTokenForTheCorrectedForm() throws Exception {
		MockHttpSession requester = login(fixtures.user("refused", Role.REQUESTER));
		String title = unique("Corrected");
		Map<String, String> fields = formFields(requester, "/portal/tickets/new", "/portal/tickets/new");

		mvc.perform(post("/portal/tickets/new").session(requester)
			.with(csrf())
			.params(params(fields))
			.param("type", "INCIDENT")
			.param("title", title)
			.param("description", "")
			.param("urgency", "LOW"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"description-error\"")));
		assertThat(ticketsTitled(title)).isZero();

		String location = mvc
			.perform(post("/portal/tickets/new").session(requester)
				.with(csrf())
				.params(params(fields))
				.param("type", "INCIDENT")
				.param("title", title)
				.param("description", "The description the first try forgot.")
				.param("urgency", "LOW"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(ticketsTitled(title)).isEqualTo(1);

		mvc.perform(post("/portal/tickets/new").session(requester)
			.with(csrf())
			.params(params(fields))
			.param("type", "INCIDENT")
			.param("title", title)
			.param("description", "The description the first try forgot.")
			.param("urgency", "LOW"))
			.andExpect(redirectedUrl(location));
		assertThat(ticketsTitled(title)).isEqualTo(1);
	}

	@Test
	void aTokenIsOnlyGoodForTheUserWhoseFormItWas() throws Exception {
		MockHttpSession alice = login(fixtures.user("alice", Role.REQUESTER));
		MockHttpSession bob = login(fixtures.user("bob", Role.REQUESTER));
		String title = unique("Shared token");
		Map<String, String> fields = formFields(alice, "/portal/tickets/new", "/portal/tickets/new");

		for (MockHttpSession session : List.of(alice, bob)) {
			mvc.perform(post("/portal/tickets/new").session(session)
				.with(csrf())
				.params(params(fields))
				.param("type", "INCIDENT")
				.param("title", title)
				.param("description", "Each their own.")
				.param("urgency", "LOW"))
				.andExpect(status().is3xxRedirection())
				.andExpect(flash().attribute("flash", "portal.flash.created"));
		}
		assertThat(ticketsTitled(title)).isEqualTo(2);
	}

	@Test
	void aDamagedTokenIsRefusedWithWhatToDo() throws Exception {
		MockHttpSession requester = login(fixtures.user("damaged", Role.REQUESTER));
		String title = unique("Damaged");

		mvc.perform(post("/portal/tickets/new").session(requester)
			.with(csrf())
			.param(FormTokenFields.PARAMETER, "not a token; drop table ticket")
			.param("type", "INCIDENT")
			.param("title", title)
			.param("description", "Whatever.")
			.param("urgency", "LOW"))
			.andExpect(status().is(HttpStatus.BAD_REQUEST.value()))
			.andExpect(content().string(containsString("load the page again")));
		assertThat(ticketsTitled(title)).isZero();
	}

	@Test
	void simultaneousSubmissionsOfOneFormOverHttpCreateOneTicketAndAllLeadToIt() throws Exception {
		User requester = fixtures.user("hasty", Role.REQUESTER);
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String login = send(browser, HttpRequest.newBuilder(url("/login"))).body();
		send(browser, formPost("/login", Map.of("username", requester.getUsername(), "password",
				TestFixtures.PASSWORD, "_csrf", HtmlForms.hiddenFields(login, "/login").get("_csrf"))));
		ExecutorService clients = Executors.newFixedThreadPool(SIMULTANEOUS);
		try {
			for (int round = 0; round < 5; round++) {
				Map<String, String> fields = HtmlForms.hiddenFields(
						send(browser, HttpRequest.newBuilder(url("/portal/tickets/new"))).body(), "/portal/tickets/new");
				String title = unique("Simultaneous");
				fields.putAll(Map.of("type", "INCIDENT", "title", title, "description", "Sent by several hands at once.",
						"urgency", "LOW"));
				HttpRequest submission = formPost("/portal/tickets/new", fields).build();
				CountDownLatch start = new CountDownLatch(1);
				List<Future<HttpResponse<String>>> answers = new ArrayList<>();
				for (int i = 0; i < SIMULTANEOUS; i++) {
					answers.add(clients.submit(() -> {
						start.await();
						return browser.send(submission, HttpResponse.BodyHandlers.ofString());
					}));
				}
				start.countDown();
				Set<String> locations = new TreeSet<>();
				for (Future<HttpResponse<String>> answer : answers) {
					HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
					assertThat(response.statusCode()).isEqualTo(302);
					locations.add(response.headers().firstValue("Location").orElseThrow());
				}
				assertThat(ticketsTitled(title)).isEqualTo(1);
				assertThat(locations).singleElement().asString().matches(".*/portal/tickets/\\d+");
			}
		}
		finally {
			clients.shutdownNow();
		}
	}

	// --- The creating forms -----------------------------------------------------------------

	/** One creating form: the handler that processes it. */
	record CreatingForm(String handler) {

		@Override
		public String toString() {
			return handler;
		}

	}

	/** A form ready to post as many times as wanted, and how to count what it created. */
	record Submission(Supplier<RequestBuilder> requests,
			IntSupplier counter, int expected) {

		RequestBuilder request() {
			return requests.get();
		}

		int count() {
			return counter.getAsInt();
		}

	}

	static Stream<CreatingForm> creatingForms() {
		return CREATING.stream().sorted().map(CreatingForm::new);
	}

	private Submission creatingForm(String handler) throws Exception {
		String marker = unique("Twice");
		return switch (handler) {
			case "PortalController#processCreationForm" -> {
				MockHttpSession requester = login(fixtures.user("portal", Role.REQUESTER));
				Map<String, String> fields = formFields(requester, "/portal/tickets/new", "/portal/tickets/new");
				fields.putAll(Map.of("type", "INCIDENT", "title", marker, "description", "Posted twice.", "urgency",
						"LOW"));
				yield new Submission(() -> withFile(multipart("/portal/tickets/new"), requester, fields),
						() -> count("select count(*) from ticket where title = ?", marker)
								+ count("select count(*) from ticket_attachment a join ticket t on t.id = a.ticket_id"
										+ " where t.title = ?", marker),
						2);
			}
			case "PortalController#reply" -> {
				User requester = fixtures.user("replier", Role.REQUESTER);
				long id = ticketOf(requester);
				MockHttpSession session = login(requester);
				String action = "/portal/tickets/" + id + "/reply";
				Map<String, String> fields = formFields(session, "/portal/tickets/" + id, action);
				fields.put("body", marker);
				yield new Submission(() -> withFile(multipart(action), session, fields), () -> commentsAndFiles(id, marker),
						2);
			}
			case "AgentTicketController#processCreationForm" -> {
				MockHttpSession agent = login(fixtures.user("agent", Role.ADMINISTRATOR));
				User caller = fixtures.user("caller", Role.REQUESTER);
				Map<String, String> fields = formFields(agent, "/agent/tickets/new", "/agent/tickets/new");
				fields.putAll(Map.of("requesterId", String.valueOf(caller.getId()), "channel", "PHONE", "type",
						"INCIDENT", "title", marker, "description", "Called twice.", "urgency", "LOW", "impact",
						"LOW"));
				yield new Submission(() -> form(post("/agent/tickets/new"), agent, fields),
						() -> count("select count(*) from ticket where title = ?", marker), 1);
			}
			case "CannedReplyController#processCreationForm", "MacroController#processCreationForm" -> {
				MockHttpSession agent = login(fixtures.user("agent", Role.TECHNICIAN));
				boolean reply = handler.startsWith("Canned");
				String action = reply ? "/agent/replies/new" : "/agent/macros/new";
				Map<String, String> fields = formFields(agent, action, action);
				fields.putAll(Map.of("name", marker, reply ? "body" : "noteBody", "Hello {{requester.firstName}}"));
				yield new Submission(() -> form(post(action), agent, fields),
						() -> count("select count(*) from " + (reply ? "canned_reply" : "macro") + " where name = ?",
								marker),
						1);
			}
			case "AuthorPageController#processCreationForm" -> {
				MockHttpSession supervisor = login(fixtures.user("author", Role.SUPERVISOR));
				Map<String, String> fields = formFields(supervisor, "/presentation/pages/new", "/presentation/pages/new");
				fields.putAll(Map.of("title", marker, "slug", "", "body", "Posted **twice**."));
				yield new Submission(() -> form(post("/presentation/pages/new"), supervisor, fields),
						() -> count("select count(*) from presentation_page where title = ?", marker), 1);
			}
			case "TicketRepliesController#apply" -> {
				long id = ticketOf(fixtures.user("asker", Role.REQUESTER));
				User admin = fixtures.user("agent", Role.ADMINISTRATOR);
				long macroId = macros.create(new MacroDefinition("Note " + marker, null, false, null, null, null, null,
						null, null, null, marker, null, null), TestFixtures.current(admin)).id();
				MockHttpSession agent = login(admin);
				String action = "/agent/tickets/" + id + "/macros/" + macroId;
				Map<String, String> fields = formFields(agent, "/agent/tickets/" + id + "/macros", action);
				yield new Submission(() -> form(post(action), agent, fields), () -> commentsAndFiles(id, marker), 1);
			}
			case "AgentTicketController#reply", "AgentTicketController#addNote" -> {
				long id = ticketOf(fixtures.user("asker", Role.REQUESTER));
				MockHttpSession agent = login(fixtures.user("agent", Role.ADMINISTRATOR));
				String action = "/agent/tickets/" + id + (handler.endsWith("reply") ? "/reply" : "/note");
				Map<String, String> fields = formFields(agent, "/agent/tickets/" + id, action);
				fields.put("body", marker);
				yield new Submission(() -> withFile(multipart(action), agent, fields), () -> commentsAndFiles(id, marker),
						2);
			}
			case "AgentTicketController#addTask" -> {
				long id = ticketOf(fixtures.user("asker", Role.REQUESTER));
				MockHttpSession agent = login(fixtures.user("agent", Role.ADMINISTRATOR));
				String action = "/agent/tickets/" + id + "/tasks";
				Map<String, String> fields = formFields(agent, "/agent/tickets/" + id, action);
				fields.putAll(Map.of("title", marker, "plannedMinutes", "30"));
				yield new Submission(() -> form(post(action), agent, fields),
						() -> count("select count(*) from ticket_task where ticket_id = ? and title = ?", id, marker), 1);
			}
			case "AgentTicketController#escalate" -> {
				long id = ticketOf(fixtures.user("asker", Role.REQUESTER));
				User expert = fixtures.user("expert", Role.TECHNICIAN);
				long groupId = fixtures.group(SupportLevel.N2, expert).getId();
				MockHttpSession agent = login(fixtures.user("agent", Role.ADMINISTRATOR));
				String action = "/agent/tickets/" + id + "/escalate";
				Map<String, String> fields = formFields(agent, "/agent/tickets/" + id, action);
				fields.putAll(Map.of("escalationKind", "FUNCTIONAL", "groupId", String.valueOf(groupId), "assigneeId",
						String.valueOf(expert.getId()), "reason", marker));
				yield new Submission(() -> form(post(action), agent, fields),
						() -> count("select count(*) from ticket_escalation where ticket_id = ?", id), 1);
			}
			case "UserController#processCreationForm" -> {
				MockHttpSession admin = login(fixtures.user("admin", Role.ADMINISTRATOR));
				String username = "twice-" + UUID.randomUUID().toString().substring(0, 8);
				Map<String, String> fields = formFields(admin, "/admin/users/new", "/admin/users/new");
				fields.putAll(Map.of("username", username, "fullName", marker, "language", "en", "role", "REQUESTER",
						"active", "true", "password", "a-long-initial-password"));
				yield new Submission(() -> form(post("/admin/users/new"), admin, fields),
						() -> count("select count(*) from app_user where username = ?", username), 1);
			}
			case "MailboxAdminController#processCreationForm" -> {
				MockHttpSession admin = login(fixtures.user("admin", Role.ADMINISTRATOR));
				Map<String, String> fields = formFields(admin, "/admin/mailboxes/new", "/admin/mailboxes/new");
				String address = "twice-" + UUID.randomUUID().toString().substring(0, 8) + "@desk.example";
				fields.putAll(Map.of("name", marker, "address", address, "protocol", "IMAP", "host", "mail.invalid",
						"port", "993", "security", "TLS", "username", "support", "password", "secret",
						"groupId", String.valueOf(fixtures.group(SupportLevel.N1).getId())));
				fields.put("enabled", "false");
				yield new Submission(() -> form(post("/admin/mailboxes/new"), admin, fields),
						() -> count("select count(*) from mailbox where name = ?", marker), 1);
			}
			case "WebhookAdminController#processCreationForm" -> {
				MockHttpSession admin = login(fixtures.user("admin", Role.ADMINISTRATOR));
				Map<String, String> fields = formFields(admin, "/admin/webhooks/new", "/admin/webhooks/new");
				fields.putAll(Map.of("name", marker, "url", "https://tools.example.org/guichet", "events",
						"TICKET_CREATED", "active", "false"));
				yield new Submission(() -> form(post("/admin/webhooks/new"), admin, fields),
						() -> count("select count(*) from webhook where name = ?", marker), 1);
			}
			case "GroupController#processCreationForm" -> {
				MockHttpSession admin = login(fixtures.user("admin", Role.ADMINISTRATOR));
				Map<String, String> fields = formFields(admin, "/admin/groups/new", "/admin/groups/new");
				fields.putAll(Map.of("name", marker, "level", "N3"));
				yield new Submission(() -> form(post("/admin/groups/new"), admin, fields),
						() -> count("select count(*) from support_group where name = ?", marker), 1);
			}
			case "CategoryController#processCreationForm" -> {
				MockHttpSession admin = login(fixtures.user("admin", Role.ADMINISTRATOR));
				Map<String, String> fields = formFields(admin, "/admin/categories/new", "/admin/categories/new");
				fields.put("name", marker);
				yield new Submission(() -> form(post("/admin/categories/new"), admin, fields),
						() -> count("select count(*) from category where name = ?", marker), 1);
			}
			case "CalendarController#processCreationForm" -> {
				MockHttpSession admin = login(fixtures.user("admin", Role.ADMINISTRATOR));
				Map<String, String> fields = formFields(admin, "/admin/calendars/new", "/admin/calendars/new");
				fields.putAll(Map.of("name", marker, "timeZone", "Europe/Paris", "ranges[0].day", "MONDAY",
						"ranges[0].from", "08:00", "ranges[0].to", "12:00"));
				yield new Submission(() -> form(post("/admin/calendars/new"), admin, fields),
						() -> count("select count(*) from business_calendar where name = ?", marker), 1);
			}
			case "SlaPolicyController#processCreationForm" -> {
				MockHttpSession admin = login(fixtures.user("admin", Role.ADMINISTRATOR));
				Map<String, String> fields = formFields(admin, "/admin/sla-policies/new", "/admin/sla-policies/new");
				fields.putAll(policyFields(marker));
				yield new Submission(() -> form(post("/admin/sla-policies/new"), admin, fields),
						() -> count("select count(*) from sla_policy where name = ?", marker), 1);
			}
			case "EscalationLevelController#add" -> {
				MockHttpSession admin = login(fixtures.user("admin", Role.ADMINISTRATOR));
				mvc.perform(form(post("/admin/sla-policies/new"), admin, policyFields(marker)))
					.andExpect(status().is3xxRedirection());
				long policyId = jdbc.queryForObject("select id from sla_policy where name = ?", Long.class, marker);
				String action = "/admin/sla-policies/" + policyId + "/escalation-levels";
				Map<String, String> fields = formFields(admin, action, action);
				fields.putAll(Map.of("clock", "TTR", "trigger", "AFTER", "durationMinutes", "60", "raisePriority",
						"true"));
				yield new Submission(() -> form(post(action), admin, fields),
						() -> count("select count(*) from sla_escalation_level where policy_id = ?", policyId), 1);
			}
			case "RoutingAdminController#processCreationForm" -> {
				MockHttpSession admin = login(fixtures.user("admin", Role.ADMINISTRATOR));
				Category category = fixtures.category("Routed");
				Map<String, String> fields = formFields(admin, "/admin/routing/rules/new", "/admin/routing/rules/new");
				// Inactive, on a category of its own: it must route none of the other tests' tickets.
				fields.putAll(Map.of("name", marker, "_active", "on", "categoryId", String.valueOf(category.getId()),
						"groupId", String.valueOf(fixtures.group(SupportLevel.N1).getId())));
				yield new Submission(() -> form(post("/admin/routing/rules/new"), admin, fields),
						() -> count("select count(*) from routing_rule where name = ?", marker), 1);
			}
			case "RoutingAdminController#addAbsence" -> {
				MockHttpSession admin = login(fixtures.user("admin", Role.ADMINISTRATOR));
				User technician = fixtures.user("away", Role.TECHNICIAN);
				String page = "/admin/routing/technicians/" + technician.getId();
				Map<String, String> fields = formFields(admin, page, page + "/absences");
				fields.putAll(Map.of("from", "2027-08-02", "to", "2027-08-20", "reason", "Holidays"));
				yield new Submission(() -> form(post(page + "/absences"), admin, fields),
						() -> count("select count(*) from technician_absence where user_id = ?", technician.getId()), 1);
			}
			case "ProfileController#createToken" -> {
				User user = fixtures.user("scripter", Role.REQUESTER);
				MockHttpSession session = login(user);
				Map<String, String> fields = formFields(session, "/profile", "/profile/tokens");
				fields.put("name", marker);
				yield new Submission(() -> form(post("/profile/tokens"), session, fields),
						() -> count("select count(*) from api_token where user_id = ? and name = ?", user.getId(),
								marker),
						1);
			}
			case "SavedViewController#create" -> {
				User agent = fixtures.user("viewer", Role.TECHNICIAN);
				MockHttpSession session = login(agent);
				Map<String, String> fields = formFields(session, "/agent?queue=MINE&priority=HIGH", "/agent/views");
				fields.put("name", marker);
				yield new Submission(() -> form(post("/agent/views"), session, fields),
						() -> count("select count(*) from saved_view where owner_id = ? and name = ?"
								+ " and filter = 'queue=MINE&priority=HIGH'", agent.getId(), marker),
						1);
			}
			case "TicketRelationsController#addLink" -> {
				long id = ticketOf(fixtures.user("asker", Role.REQUESTER));
				long other = ticketOf(fixtures.user("asker", Role.REQUESTER));
				MockHttpSession agent = login(fixtures.user("agent", Role.ADMINISTRATOR));
				String action = "/agent/tickets/" + id + "/links";
				Map<String, String> fields = formFields(agent, "/agent/tickets/" + id, action);
				fields.putAll(Map.of("relation", "RELATED_TO", "ticket", String.valueOf(other)));
				yield new Submission(() -> form(post(action), agent, fields),
						() -> count("select count(*) from ticket_link where source_ticket_id = ?", id), 1);
			}
			case "TicketRelationsController#addObserver" -> {
				long id = ticketOf(fixtures.user("asker", Role.REQUESTER));
				User observer = fixtures.user("watcher", Role.REQUESTER);
				MockHttpSession agent = login(fixtures.user("agent", Role.ADMINISTRATOR));
				String action = "/agent/tickets/" + id + "/observers";
				Map<String, String> fields = formFields(agent, "/agent/tickets/" + id, action);
				fields.put("username", observer.getUsername());
				yield new Submission(() -> form(post(action), agent, fields),
						() -> count("select count(*) from ticket_observer where ticket_id = ?", id), 1);
			}
			case "AnnouncementAdminController#processCreationForm" -> {
				MockHttpSession supervisor = login(fixtures.user("announcer", Role.SUPERVISOR));
				Map<String, String> fields = formFields(supervisor, "/agent/announcements/new", "/agent/announcements/new");
				fields.putAll(Map.of("kind", "INFORMATION", "titleEn", marker, "startsAt", "2026-12-09T09:00"));
				yield new Submission(() -> form(post("/agent/announcements/new"), supervisor, fields),
						() -> count("select count(*) from announcement where title_en = ?", marker), 1);
			}
			case "KnowledgeController#processCreationForm" -> {
				MockHttpSession agent = login(fixtures.user("writer", Role.TECHNICIAN));
				Map<String, String> fields = formFields(agent, "/agent/knowledge/new", "/agent/knowledge/new");
				fields.putAll(Map.of("title", marker, "body", "Written **twice**.", "kind", "FAQ", "audience", "INTERNAL",
						"language", "EN"));
				yield new Submission(() -> form(post("/agent/knowledge/new"), agent, fields),
						() -> count("select count(*) from article where title = ?", marker), 1);
			}
			case "KnowledgeController#translate", "KnowledgeController#upload" -> {
				User writer = fixtures.user("writer", Role.TECHNICIAN);
				long id = articles.create(ArticleContent.of(marker, "To translate.", ArticleKind.FAQ, ArticleAudience.INTERNAL,
						null, "", null), ArticleLanguage.EN, null, TestFixtures.current(writer)).getId();
				MockHttpSession agent = login(writer);
				boolean translate = handler.endsWith("translate");
				String action = "/agent/knowledge/" + id + (translate ? "/translate" : "/attachments");
				Map<String, String> fields = formFields(agent, "/agent/knowledge/" + id + (translate ? "/translate" : ""), action);
				if (translate) {
					fields.putAll(Map.of("title", marker + " (FR)", "body", "À traduire.", "kind", "FAQ", "audience", "INTERNAL"));
				}
				yield translate
						? new Submission(() -> form(post(action), agent, fields),
								() -> count("select count(*) from article where translation_id = ?", id), 1)
						: new Submission(() -> withFile(multipart(action), agent, fields),
								() -> count("select count(*) from article_attachment where article_id = ?", id), 1);
			}
			case "GenerativeHelpController#article" -> {
				languageModel = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
				languageModel.createContext("/v1/chat/completions", exchange -> {
					exchange.getRequestBody().readAllBytes();
					byte[] body = ("{\"id\": \"c\", \"object\": \"chat.completion\", \"created\": 1, \"model\": \"m\", "
							+ "\"choices\": [{\"index\": 0, \"message\": {\"role\": \"assistant\", \"content\": "
							+ "\"Title: " + marker + "\\n\\n## Problem\\nIt jams.\"}, \"finish_reason\": \"stop\"}]}")
						.getBytes(java.nio.charset.StandardCharsets.UTF_8);
					exchange.getResponseHeaders().add("Content-Type", "application/json");
					exchange.sendResponseHeaders(200, body.length);
					exchange.getResponseBody().write(body);
					exchange.close();
				});
				languageModel.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
				languageModel.start();
				User technician = fixtures.user("writer", Role.TECHNICIAN);
				CurrentUser me = TestFixtures.current(technician);
				Ticket ticket = tickets.register(new NewTicket(TicketType.INCIDENT, "Scanner jams", "On every page",
						technician.getId(), Channel.PORTAL, null, Urgency.LOW, null, List.of()), me);
				tickets.transition(ticket.id(), new Transition(TicketAction.RESOLVE, null, null, "Cleaned",
						SolutionKind.PERMANENT), null, me);
				generativeSettings.save(new GenerativeSettings.Changes(true,
						"http://127.0.0.1:" + languageModel.getAddress().getPort() + "/v1", "m", null, false,
						Set.of(GenerativeFeature.values()), Set.of(), 1000, null, 10, false));
				MockHttpSession admin = login(fixtures.user("admin", Role.ADMINISTRATOR));
				String action = "/agent/tickets/" + ticket.getId() + "/generative/article";
				Map<String, String> fields = formFields(admin, "/agent/tickets/" + ticket.getId() + "/generative", action);
				yield new Submission(() -> form(post(action), admin, fields),
						() -> count("select count(*) from article where title = ?", marker), 1);
			}
			case "PortalCatalogueController#file" -> {
				CurrentUser admin = TestFixtures.current(fixtures.user("admin", Role.ADMINISTRATOR));
				CatalogueItem item = catalogue.addItem(catalogue.addSection("Twice", "Twice", admin).getId(),
						new ItemDescription("Deux fois", "Twice", null, null, "box", TicketType.SERVICE_REQUEST, null, null,
								"{what}", List.of()), List.of(), List.of(), admin);
				catalogue.saveForm(item.getId(), new FormDefinition(List.of(new FormField("what", FieldKind.SHORT_TEXT,
						"Quoi", "What", null, null, true, null, null, null, null, null, null, List.of(), null))), admin);
				MockHttpSession requester = login(fixtures.user("requester", Role.REQUESTER));
				String page = "/portal/catalogue/items/" + item.getId();
				Map<String, String> fields = formFields(requester, page, page);
				fields.put("answers.what", marker);
				yield new Submission(() -> form(multipart(page), requester, fields),
						() -> count("select count(*) from ticket where title = ?", marker), 1);
			}
			case "ChatPortalController#start" -> {
				chatAgentOnline();
				MockHttpSession requester = login(fixtures.user("chatter", Role.REQUESTER));
				Map<String, String> fields = formFields(requester, "/portal/chat", "/portal/chat");
				fields.put("text", marker);
				yield new Submission(() -> form(post("/portal/chat"), requester, fields),
						() -> count("select count(*) from chat_message where body = ?", marker), 1);
			}
			case "ChatAgentController#turnIntoTicket" -> {
				User agent = chatAgentOnline();
				long id = chats.start("Help", TestFixtures.current(fixtures.user("chatter", Role.REQUESTER))).conversation().getId();
				chats.take(id, TestFixtures.current(agent));
				MockHttpSession session = login(agent);
				String action = "/agent/chat/" + id + "/ticket";
				Map<String, String> fields = formFields(session, "/agent/chat/" + id, action);
				fields.putAll(Map.of("title", marker, "type", "INCIDENT"));
				yield new Submission(() -> form(post(action), session, fields),
						() -> count("select count(*) from ticket where title = ?", marker), 1);
			}
			case "AdminSectionsController#addSection" -> {
				MockHttpSession admin = login(fixtures.user("admin", Role.ADMINISTRATOR));
				Map<String, String> fields = formFields(admin, "/admin/catalogue", "/admin/catalogue/sections");
				fields.putAll(Map.of("labelFr", marker, "labelEn", marker));
				yield new Submission(() -> form(post("/admin/catalogue/sections"), admin, fields),
						() -> count("select count(*) from catalogue_section where label_fr = ?", marker), 1);
			}
			case "AdminItemsController#createItem" -> {
				User administrator = fixtures.user("admin", Role.ADMINISTRATOR);
				long section = catalogue.addSection("Twice", "Twice", TestFixtures.current(administrator)).getId();
				MockHttpSession admin = login(administrator);
				Map<String, String> fields = formFields(admin, "/admin/catalogue/items/new?section=" + section,
						"/admin/catalogue/items/new");
				fields.putAll(Map.of("sectionId", String.valueOf(section), "labelFr", marker, "labelEn", marker, "icon",
						"box", "ticketType", "SERVICE_REQUEST", "titleTemplate", "Twice"));
				yield new Submission(() -> form(post("/admin/catalogue/items/new"), admin, fields),
						() -> count("select count(*) from catalogue_item where label_fr = ?", marker), 1);
			}
			default -> throw new IllegalArgumentException("No case posts the form of " + handler);
		};
	}

	/** A policy that applies to no other test's ticket: its department exists nowhere. */
	private Map<String, String> policyFields(String name) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("name", name);
		fields.put("calendarId", String.valueOf(jdbc.queryForObject("select min(id) from business_calendar", Long.class)));
		fields.put("atRiskPercent", "75");
		fields.put("matchDepartment", "Nowhere " + UUID.randomUUID());
		fields.put("tto[INCIDENT-HIGH]", "1h");
		fields.put("ttr[INCIDENT-HIGH]", "8h");
		return fields;
	}

	private long ticketOf(User requester) {
		return tickets.register(new NewTicket(TicketType.INCIDENT, unique("Asked"), "Something to answer.", null,
				Channel.PORTAL, null, Urgency.LOW, null, List.of()), TestFixtures.current(requester)).id().value();
	}

	private int commentsAndFiles(long ticketId, String body) {
		return count("select count(*) from ticket_comment where ticket_id = ? and body = ?", ticketId, body)
				+ count("select count(*) from ticket_attachment where ticket_id = ?", ticketId);
	}

	// --- Pages and forms --------------------------------------------------------------------

	/**
	 * The hidden fields of the form posting to {@code action} on the page, among which its
	 * one-time token; the CSRF token is left to the test's own.
	 */
	private Map<String, String> formFields(MockHttpSession session, String page, String action) throws Exception {
		String html = mvc.perform(get(page).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Map<String, String> fields = HtmlForms.hiddenFields(html, action);
		fields.remove("_csrf");
		assertThat(fields).as("the hidden fields of the form posting to %s", action)
			.containsKey(FormTokenFields.PARAMETER);
		return fields;
	}

	private static <B extends AbstractMockHttpServletRequestBuilder<B>> B form(B request, MockHttpSession session,
			Map<String, String> fields) {
		return request.session(session).with(csrf()).params(params(fields));
	}

	private static RequestBuilder withFile(MockMultipartHttpServletRequestBuilder request,
			MockHttpSession session, Map<String, String> fields) {
		request.file(new MockMultipartFile("file", "screenshot.png", "image/png", new byte[] { 1, 2, 3 }));
		return form(request, session, fields);
	}

	private static MultiValueMap<String, String> params(Map<String, String> fields) {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		fields.forEach(params::add);
		return params;
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private HttpRequest.Builder formPost(String path, Map<String, String> fields) {
		StringBuilder body = new StringBuilder();
		fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
			.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return HttpRequest.newBuilder(url(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()));
	}

	private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request)
			throws IOException, InterruptedException {
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private MockHttpSession login(User user) throws Exception {
		MvcResult result = mvc.perform(formLogin("/login").user(user.getUsername()).password(TestFixtures.PASSWORD))
			.andExpect(authenticated())
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	private int ticketsTitled(String title) {
		return count("select count(*) from ticket where title = ?", title);
	}

	/** An agent of an N1 group with the chat open: someone answers the chat. */
	private User chatAgentOnline() {
		User agent = fixtures.user("chat-agent", Role.TECHNICIAN);
		fixtures.group(SupportLevel.N1, agent);
		presence.arrive(agent.getId());
		online.add(agent.getId());
		return agent;
	}

	private int count(String sql, Object... arguments) {
		Integer count = jdbc.queryForObject(sql, Integer.class, arguments);
		return count == null ? 0 : count;
	}

	private static String unique(String prefix) {
		return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
	}

}
