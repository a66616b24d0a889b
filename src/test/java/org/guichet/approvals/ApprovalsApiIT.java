package org.guichet.approvals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.guichet.catalogue.Catalogue;
import org.guichet.catalogue.CatalogueItem;
import org.guichet.catalogue.CatalogueRequests;
import org.guichet.catalogue.FieldKind;
import org.guichet.catalogue.FormDefinition;
import org.guichet.catalogue.Filing;
import org.guichet.catalogue.FormField;
import org.guichet.catalogue.ItemApprovalStep;
import org.guichet.catalogue.SkipCondition;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.notifications.Notification;
import org.guichet.notifications.Notifications;
import org.guichet.testing.ApiClient;
import org.guichet.testing.ApiClient.Response;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Channel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Catalogue requests that need approval, through the API as clients do: the ticket waits
 * (Pending, reason APPROVAL, nobody works it) while the steps are decided one after the other,
 * goes to its group when the last is approved and is cancelled, its requester told why, on a
 * refusal; two decisions taken at once count once; a step whose approver left the directory asks
 * the administrators.
 */
@GuichetIntegrationTest
class ApprovalsApiIT {

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private Catalogue catalogue;

	@Autowired
	private UserRepository users;

	@Autowired
	private CatalogueRequests requests;

	@Autowired
	private Notifications notifications;

	@Autowired
	private WebApplicationContext context;

	@LocalServerPort
	private int port;

	private CurrentUser admin;

	private User requester;

	private User manager;

	private User buyer;

	private User otherBuyer;

	private User technician;

	private SupportGroup purchasing;

	private SupportGroup desk;

	@BeforeEach
	void setUp() {
		admin = TestFixtures.current(fixtures.user("appr-admin", Role.ADMINISTRATOR));
		manager = fixtures.user("appr-manager", Role.REQUESTER);
		requester = fixtures.user("appr-requester", Role.REQUESTER);
		requester.setManager(manager);
		requester = users.save(requester);
		buyer = fixtures.user("appr-buyer", Role.TECHNICIAN);
		otherBuyer = fixtures.user("appr-buyer2", Role.TECHNICIAN);
		technician = fixtures.user("appr-tech", Role.TECHNICIAN);
		purchasing = fixtures.group(SupportLevel.N1, buyer, otherBuyer);
		desk = fixtures.group(SupportLevel.N1, technician);
	}

	@Test
	void aLaptopRequestWaitsForItsManagerThenPurchasingAndIsThenWorkedAndClosed() {
		CatalogueItem laptop = laptopItem(new ItemApprovalStep(StepPlan.manager(), null),
				new ItemApprovalStep(new StepPlan(StepKind.GROUP, purchasing.getId(), Quorum.ANY, null, null), null));
		long ticket = file(laptop, 1200);
		ApiClient requesterApi = api(requester);
		ApiClient technicianApi = api(technician);

		JsonNode held = requesterApi.get("/api/v1/tickets/" + ticket).json();
		assertThat(held.get("status").asText()).isEqualTo("PENDING");
		assertThat(held.get("pendingReason").asText()).isEqualTo("APPROVAL");
		assertThat(held.get("approvals").get("outcome").asText()).isEqualTo("PENDING");
		assertThat(held.get("approvals").get("steps").get(0).get("approvers").get(0).get("id").asLong())
			.isEqualTo(manager.getId());
		Response taken = technicianApi.post("/api/v1/tickets/" + ticket + "/transitions", Map.of("action", "TAKE"));
		assertThat(taken.status()).as(taken.toString()).isEqualTo(409);
		assertThat(api(buyer).get("/api/v1/approvals").json().size()).isZero();

		JsonNode waiting = api(manager).get("/api/v1/approvals").json();
		assertThat(waiting.size()).isEqualTo(1);
		assertThat(waiting.get(0).get("description").asText()).contains("1200");
		long approval = waiting.get(0).get("approval").get("id").asLong();
		JsonNode afterManager = decide(manager, approval, "APPROVE", "Go ahead").json();
		assertThat(afterManager.get("steps").get(1).get("state").asText()).isEqualTo("OPEN");
		assertThat(notifications.newest(buyer.getId())).isNotEmpty();

		decide(otherBuyer, approval, "APPROVE", null);

		JsonNode released = requesterApi.get("/api/v1/tickets/" + ticket).json();
		assertThat(released.get("status").asText()).isEqualTo("NEW");
		assertThat(released.get("pendingReason").isNull()).isTrue();
		assertThat(released.get("approvals").get("outcome").asText()).isEqualTo("APPROVED");
		assertThat(fields(requesterApi, ticket)).contains("approvalRequested", "approvalApproved");
		ok(technicianApi.post("/api/v1/tickets/" + ticket + "/transitions", Map.of("action", "TAKE")));
		ok(technicianApi.post("/api/v1/tickets/" + ticket + "/transitions",
				Map.of("action", "RESOLVE", "solution", "Laptop delivered", "solutionKind", "PERMANENT")));
		if (requesterApi.get("/api/v1/tickets/" + ticket).json().get("status").asText().equals("RESOLVED")) {
			ok(requesterApi.post("/api/v1/tickets/" + ticket + "/transitions", Map.of("action", "ACCEPT")));
		}
		assertThat(requesterApi.get("/api/v1/tickets/" + ticket).json().get("status").asText()).isEqualTo("CLOSED");
	}

	@Test
	void aRefusalAtTheFirstStepNeedsAReasonCancelsTheTicketAndTellsTheRequesterWhy() {
		CatalogueItem laptop = laptopItem(new ItemApprovalStep(StepPlan.manager(), null),
				new ItemApprovalStep(new StepPlan(StepKind.GROUP, purchasing.getId(), Quorum.ANY, null, null), null));
		long ticket = file(laptop, 3000);
		long approval = api(manager).get("/api/v1/approvals").json().get(0).get("approval").get("id").asLong();

		Response withoutReason = decide(manager, approval, "REFUSE", " ");
		assertThat(withoutReason.status()).isEqualTo(400);
		assertThat(withoutReason.header("Content-Type")).startsWith("application/problem+json");
		assertThat(withoutReason.text()).contains("comment");
		assertThat(decide(manager, approval, "MAYBE", "x").text()).contains("verdict");

		ok(decide(manager, approval, "REFUSE", "Your laptop is a year old"));

		JsonNode cancelled = api(requester).get("/api/v1/tickets/" + ticket).json();
		assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
		assertThat(cancelled.get("approvals").get("outcome").asText()).isEqualTo("REFUSED");
		assertThat(cancelled.get("approvals").get("steps").get(1).get("state").asText()).isEqualTo("WAITING");
		assertThat(fields(api(requester), ticket)).contains("approvalRefused", "cancelReason");
		assertThat(notifications.newest(requester.getId())).extracting(Notification::getMessageKey)
			.contains("notification.requester.cancelled");
		assertThat(api(buyer).get("/api/v1/approvals").json().size()).isZero();
		assertThat(decide(manager, approval, "APPROVE", null).status()).isEqualTo(409);
	}

	@Test
	void aRequestCancelledWhileItWaitsWithdrawsItsApprovalFromEveryList() {
		CatalogueItem laptop = laptopItem(new ItemApprovalStep(StepPlan.manager(), null));
		long ticket = file(laptop, 3000);
		long approval = api(manager).get("/api/v1/approvals").json().get(0).get("approval").get("id").asLong();

		ok(api(requester).post("/api/v1/tickets/" + ticket + "/transitions",
				Map.of("action", "CANCEL", "reason", "No longer needed")));

		JsonNode cancelled = api(requester).get("/api/v1/tickets/" + ticket).json();
		assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
		assertThat(cancelled.get("approvals").get("outcome").asText()).isEqualTo("WITHDRAWN");
		assertThat(cancelled.get("approvals").get("steps").get(0).get("state").asText()).isEqualTo("WITHDRAWN");
		assertThat(fields(api(requester), ticket)).contains("approvalWithdrawn");
		assertThat(api(manager).get("/api/v1/approvals").json().size()).isZero();
		assertThat(decide(manager, approval, "APPROVE", null).status()).isEqualTo(409);
		assertThat(api(requester).get("/api/v1/tickets/" + ticket).json().get("approvals").get("outcome").asText())
			.isEqualTo("WITHDRAWN");
	}

	@Test
	void aConcurrentDoubleApprovalCountsOnce() throws Exception {
		CatalogueItem laptop = laptopItem(
				new ItemApprovalStep(new StepPlan(StepKind.GROUP, purchasing.getId(), Quorum.ALL, null, null), null));
		long ticket = file(laptop, 900);
		long approval = api(buyer).get("/api/v1/approvals").json().get(0).get("approval").get("id").asLong();

		List<Integer> statuses = together(() -> decide(buyer, approval, "APPROVE", null).status(),
				() -> decide(buyer, approval, "APPROVE", null).status());

		assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		JsonNode step = api(requester).get("/api/v1/tickets/" + ticket).json().get("approvals").get("steps").get(0);
		assertThat(step.get("decisions").size()).isEqualTo(1);
		assertThat(step.get("state").asText()).isEqualTo("OPEN");
	}

	@Test
	void twoApproversAnsweringAnyOneStepAtOnceCloseItOnce() throws Exception {
		CatalogueItem laptop = laptopItem(
				new ItemApprovalStep(new StepPlan(StepKind.GROUP, purchasing.getId(), Quorum.ANY, null, null), null));
		long ticket = file(laptop, 900);
		long approval = api(buyer).get("/api/v1/approvals").json().get(0).get("approval").get("id").asLong();

		List<Integer> statuses = together(() -> decide(buyer, approval, "APPROVE", null).status(),
				() -> decide(otherBuyer, approval, "APPROVE", null).status());

		assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		JsonNode approved = api(requester).get("/api/v1/tickets/" + ticket).json();
		assertThat(approved.get("approvals").get("steps").get(0).get("decisions").size()).isEqualTo(1);
		assertThat(approved.get("status").asText()).isEqualTo("NEW");
		assertThat(fields(api(requester), ticket).stream().filter("approvalApproved"::equals)).hasSize(1);
	}

	@Test
	void aStepSkippedByTheAnswersIsRecordedAndAStepWhoseManagerLeftAsksTheAdministrators() {
		User alone = fixtures.user("appr-no-manager", Role.REQUESTER);
		CatalogueItem laptop = laptopItem(new ItemApprovalStep(StepPlan.manager(), null),
				new ItemApprovalStep(new StepPlan(StepKind.GROUP, purchasing.getId(), Quorum.ANY, null, null),
						new SkipCondition("price", SkipCondition.Comparison.LESS_THAN, "500")));
		long ticket = fileAs(alone, laptop, 300);

		JsonNode approvals = api(alone).get("/api/v1/tickets/" + ticket).json().get("approvals");
		assertThat(approvals.get("steps").get(0).get("fallback").asBoolean()).isTrue();
		assertThat(approvals.get("steps").get(0).get("approvers").findValuesAsString("id"))
			.contains(String.valueOf(admin.id()));
		assertThat(approvals.get("steps").get(1).get("state").asText()).isEqualTo("SKIPPED");
		assertThat(approvals.get("steps").get(1).get("skipReason").asText()).isEqualTo("price < 500");
		assertThat(fields(api(alone), ticket)).contains("approvalFallback", "approvalSkipped");
	}

	@Test
	void theManagerDecidesInPlaceOnToApproveKeepingWhatTheyTypedWhenRefusedAndTheRequesterSeesTheState()
			throws Exception {
		CatalogueItem laptop = laptopItem(new ItemApprovalStep(StepPlan.manager(), null));
		long ticket = file(laptop, 1500);
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		CurrentUser me = TestFixtures.current(manager);
		long approval = api(manager).get("/api/v1/approvals").json().get(0).get("approval").get("id").asLong();

		String page = mvc.perform(get("/approvals").with(user(me))).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"nav-to-approve\"", "id=\"approval-" + approval + "\"", "1500");
		String held = mvc.perform(get("/agent/tickets/" + ticket).with(user(TestFixtures.current(technician))))
			.andReturn().getResponse().getContentAsString();
		assertThat(held).as("the held ticket's page offers no action that would work it")
			.doesNotContain("id=\"resolve-card\"", "id=\"action-resume\"", "id=\"action-take\"")
			.contains("id=\"open-cancel\"");

		String refused = mvc.perform(post("/approvals/" + approval + "/decision").with(user(me)).with(csrf())
			.header("HX-Request", "true")
			.param("comment", "Keep this text"))
			.andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("Keep this text", "Choose: approve (APPROVE) or refuse (REFUSE).");

		String approved = mvc.perform(post("/approvals/" + approval + "/decision").with(user(me)).with(csrf())
			.header("HX-Request", "true")
			.param("verdict", "APPROVE"))
			.andReturn().getResponse().getContentAsString();
		assertThat(approved).contains("Approved: the request moves on.");
		assertThat(mvc.perform(get("/approvals").with(user(me))).andReturn().getResponse().getContentAsString())
			.contains("nothing-to-approve").doesNotContain("nav-to-approve");

		String state = mvc.perform(get("/portal/tickets/" + ticket + "/approval").with(user(TestFixtures.current(requester))))
			.andReturn().getResponse().getContentAsString();
		assertThat(state).contains("id=\"approval-state\"", "Approved by " + manager.getFullName() + "</span>,");
		assertThat(mvc.perform(get("/portal/tickets/" + ticket + "/approval").with(user(TestFixtures.current(buyer))))
			.andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void aHeldTicketRefusesRenamingTasksAndTheTeamsPublicReplyOnEveryEntryPointButTakesAnInternalNote()
			throws Exception {
		CatalogueItem laptop = laptopItem(new ItemApprovalStep(StepPlan.manager(), null));
		long ticket = file(laptop, 700);
		ApiClient tech = api(technician);
		long version = tech.get("/api/v1/tickets/" + ticket).json().get("version").asLong();

		Response renamed = tech.patch("/api/v1/tickets/" + ticket, Map.of("title", "Renamed", "version", version));
		assertThat(renamed.status()).as(renamed.toString()).isEqualTo(409);
		assertThat(renamed.toString()).contains("ticket.approval-hold");
		assertThat(tech.post("/api/v1/tickets/" + ticket + "/tasks", Map.of("title", "Order it")).status())
			.isEqualTo(409);
		assertThat(tech.post("/api/v1/tickets/" + ticket + "/comments", Map.of("body", "On it")).status())
			.isEqualTo(409);
		assertThat(tech.post("/api/v1/tickets/" + ticket + "/comments", Map.of("body", "Ready", "internal", true))
			.status()).isEqualTo(201);

		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		CurrentUser me = TestFixtures.current(technician);
		String page = mvc.perform(get("/agent/tickets/" + ticket).with(user(me)))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).as("the held ticket's page offers neither its fields, its tasks nor a public reply")
			.doesNotContain("id=\"open-fields\"", "id=\"add-task\"", "id=\"send-reply\"")
			.contains("id=\"reply-held\"", "id=\"send-note\"");
		String replied = mvc.perform(post("/agent/tickets/" + ticket + "/reply").with(user(me)).with(csrf())
			.param("body", "Sent anyway")).andReturn().getResponse().getContentAsString();
		assertThat(replied).contains("waits for its approval");
		JsonNode held = api(requester).get("/api/v1/tickets/" + ticket).json();
		assertThat(held.get("title").asText()).isEqualTo("New laptop");
		assertThat(api(requester).get("/api/v1/tickets/" + ticket + "/comments").json().size()).isZero();
	}

	@Test
	void theSecondStepsApproverSeesTheFirstStepsCommentOpensTheRequestFilesAndTheNavbarCountFollows()
			throws Exception {
		CatalogueItem laptop = laptopItem(new ItemApprovalStep(StepPlan.manager(), null),
				new ItemApprovalStep(new StepPlan(StepKind.GROUP, purchasing.getId(), Quorum.ANY, null, null), null));
		catalogue.saveForm(laptop.getId(), new FormDefinition(List.of(
				new FormField("price", FieldKind.NUMBER, "Prix", "Price", null, null, true, null, null, null, "0",
						"100000", null, List.of(), null),
				new FormField("quote", FieldKind.ATTACHMENT, "Devis", "Quote", null, null, false, null, null, null, null,
						null, null, List.of(), null))), admin);
		long ticket = requests.file(laptop.getId(), new Filing(Map.of("price", List.of("1200")), null, Channel.PORTAL,
				List.of(new Filing.FiledFile("quote", "quote.txt", "text/plain", "1200 EUR".getBytes()))),
				TestFixtures.current(requester), Locale.ENGLISH).ticket().id().value();
		long approval = api(manager).get("/api/v1/approvals").json().get(0).get("approval").get("id").asLong();
		ok(decide(manager, approval, "APPROVE", "Five years old: fine."));

		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		CurrentUser me = TestFixtures.current(buyer);
		String page = mvc.perform(get("/approvals").with(user(me))).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"approval-" + approval + "-step-1\"", "Five years old: fine.",
				"/approvals/" + approval + "/files/");
		long file = api(requester).get("/api/v1/tickets/" + ticket + "/attachments").json().get(0).get("id").asLong();
		String path = "/approvals/" + approval + "/files/" + file;
		assertThat(mvc.perform(get(path).with(user(me))).andReturn().getResponse().getContentAsString())
			.isEqualTo("1200 EUR");
		assertThat(mvc.perform(get(path).with(user(TestFixtures.current(manager)))).andReturn().getResponse()
			.getStatus()).as("the first step's approver still reads what they approved").isEqualTo(200);
		assertThat(mvc.perform(get(path).with(user(TestFixtures.current(technician)))).andReturn().getResponse()
			.getStatus()).as("nobody else reads it this way").isEqualTo(404);
		assertThat(mvc.perform(get("/tickets/" + ticket + "/attachments/" + file).with(user(me))).andReturn()
			.getResponse().getStatus()).as("nor does the approver get the ticket itself").isEqualTo(404);

		String approved = mvc.perform(post("/approvals/" + approval + "/decision").with(user(me)).with(csrf())
			.header("HX-Request", "true")
			.param("verdict", "APPROVE")).andReturn().getResponse().getContentAsString();
		assertThat(approved).contains("Approved: the request moves on.")
			.containsPattern("<li[^>]*id=\"approvals-nav-item\"[^>]*hx-swap-oob=\"true\"[^>]*hidden")
			.contains("<span id=\"nav-menu-count\" hx-swap-oob=\"true\">");
	}

	@Test
	void twoApproversOfAnAllStepDecidingAtOnceGetEitherTheirDecisionOrAClearMessageWithTheirCommentKept()
			throws Exception {
		CatalogueItem laptop = laptopItem(
				new ItemApprovalStep(new StepPlan(StepKind.GROUP, purchasing.getId(), Quorum.ALL, null, null), null));
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		for (int round = 0; round < 3; round++) {
			long ticket = file(laptop, 900 + round);
			long approval = api(requester).get("/api/v1/tickets/" + ticket).json().get("approvals").get("id").asLong();
			List<String> answers = together(() -> decideInPlace(mvc, buyer, approval, "First comment"),
					() -> decideInPlace(mvc, otherBuyer, approval, "Second comment"));
			for (String answer : answers) {
				assertThat(answer).as("an approval or the clear message, the comment kept")
					.satisfiesAnyOf(a -> assertThat(a).contains("Approved: the request moves on."),
							a -> assertThat(a).contains("changed while you were deciding")
								.containsAnyOf("First comment</textarea>", "Second comment</textarea>"));
			}
			JsonNode step = api(requester).get("/api/v1/tickets/" + ticket).json().get("approvals").get("steps").get(0);
			long approvedAnswers = answers.stream().filter(a -> a.contains("Approved: the request moves on.")).count();
			assertThat(step.get("decisions").size()).isEqualTo((int) approvedAnswers);
		}
	}

	private String decideInPlace(MockMvc mvc, User who, long approval, String comment) throws Exception {
		return mvc.perform(post("/approvals/" + approval + "/decision").with(user(TestFixtures.current(who)))
			.with(csrf())
			.header("HX-Request", "true")
			.param("verdict", "APPROVE")
			.param("comment", comment)).andReturn().getResponse().getContentAsString();
	}

	private CatalogueItem laptopItem(ItemApprovalStep... steps) {
		return LaptopRequests.laptopItem(catalogue, admin, desk.getId(), steps);
	}

	private long file(CatalogueItem item, int price) {
		return fileAs(requester, item, price);
	}

	private long fileAs(User who, CatalogueItem item, int price) {
		return LaptopRequests.file(api(who), item, price);
	}

	private Response decide(User who, long approval, String verdict, String comment) {
		Map<String, Object> body = new java.util.HashMap<>();
		body.put("verdict", verdict);
		body.put("comment", comment);
		return api(who).post("/api/v1/approvals/" + approval + "/decision", body);
	}

	private static List<String> fields(ApiClient client, long ticket) {
		return client.get("/api/v1/tickets/" + ticket + "/history").json().findValuesAsString("field");
	}

	private static void ok(Response response) {
		assertThat(response.status()).as(response.toString()).isBetween(200, 201);
	}

	private ApiClient api(User user) {
		return ApiClient.basic(port, user.getUsername(), TestFixtures.PASSWORD);
	}

	@SafeVarargs
	private static <T> List<T> together(Callable<T>... calls) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(calls.length);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> answers = new ArrayList<>();
			for (Callable<T> call : calls) {
				answers.add(pool.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			List<T> statuses = new ArrayList<>();
			for (Future<T> answer : answers) {
				statuses.add(answer.get());
			}
			return statuses;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
