package org.guichet.approvals;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.guichet.catalogue.Catalogue;
import org.guichet.catalogue.CatalogueItem;
import org.guichet.catalogue.ItemApprovalStep;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.notifications.NotificationChannel;
import org.guichet.notifications.NotificationEvent;
import org.guichet.notifications.NotificationPreferences;
import org.guichet.notifications.Notifications;
import org.guichet.routing.Technicians;
import org.guichet.testing.ApiClient;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.ShiftableClock;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.HistoryEntry;
import org.guichet.tickets.Status;
import org.guichet.tickets.TicketAction;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.Transition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Approving and refusing from the mail (docs/APPROVALS.md#approval-by-e-mail): each approver of a
 * step that opens gets a mail, through the outbox, with the request's answers and two signed links;
 * the link's page shows and only its POST decides, once, as the approver, by the approvals' rules;
 * a link used, answered the other way, decided by someone else, withdrawn, forged or expired says
 * so and changes nothing.
 */
@GuichetIntegrationTest
class ApprovalLinksIT {

	private static final Pattern LINK = Pattern.compile("http://localhost(/links/approval/(approve|refuse-request)\\.[A-Za-z0-9._-]+)");

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private Catalogue catalogue;

	@Autowired
	private UserRepository users;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private Approvals approvals;

	@Autowired
	private Notifications notifications;

	@Autowired
	private NotificationPreferences preferences;

	@Autowired
	private Technicians technicians;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private ShiftableClock clock;

	@LocalServerPort
	private int port;

	private MockMvc mvc;

	private CurrentUser admin;

	private User requester;

	private User manager;

	private User buyer;

	private User otherBuyer;

	private SupportGroup purchasing;

	private SupportGroup desk;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		admin = TestFixtures.current(fixtures.user("mailappr-admin", Role.ADMINISTRATOR));
		manager = fixtures.user("mailappr-manager", Role.TECHNICIAN);
		requester = fixtures.user("mailappr-requester", Role.REQUESTER);
		requester.setManager(manager);
		requester = users.save(requester);
		buyer = fixtures.user("mailappr-buyer", Role.TECHNICIAN);
		otherBuyer = fixtures.user("mailappr-buyer2", Role.TECHNICIAN);
		purchasing = fixtures.group(SupportLevel.N1, buyer, otherBuyer);
		desk = fixtures.group(SupportLevel.N1, fixtures.user("mailappr-tech", Role.TECHNICIAN));
	}

	@AfterEach
	void restore() {
		clock.reset();
	}

	@Test
	void theApproverIsMailedTheAnswersAndTwoLinksAndFollowingApproveOpensTheNextStepWhoseApproversAreMailedInTurn()
			throws Exception {
		long ticket = file(laptopItem(managerStep(), purchasingStep()), 1200);

		Mail mail = onlyMailTo(manager);
		assertThat(mail.subject()).isEqualTo("[#" + ticket + "] Your approval is asked: New laptop");
		assertThat(mail.text()).contains("waits for your approval", requester.getFullName() + " filed it",
				"step 1 of 2", "The answers of the request:", "**Price**: 1200", "Approve the request: http://localhost/links/approval/approve.",
				"Refuse the request: http://localhost/links/approval/refuse-request.",
				"Open my page To approve: http://localhost/approvals")
			.doesNotContain("/portal/tickets/", "/agent/tickets/");
		assertThat(mail.html()).contains("<strong>Price</strong>", "href=\"http://localhost/links/approval/approve.",
				"href=\"http://localhost/approvals\"");
		String approve = mail.link("approve");

		for (int i = 0; i < 2; i++) {
			MockHttpServletResponse shown = mvc.perform(get(approve)).andReturn().getResponse();
			assertThat(shown.getStatus()).isEqualTo(200);
			assertThat(shown.getContentAsString()).contains("data-state=\"READY\"", "New laptop",
					"Asked by " + requester.getFullName() + ", step 1 of 2", "id=\"approval-link-answers\"",
					"id=\"approval-link-submit\"");
		}
		assertThat(stepStates(ticket)).as("a GET decides nothing").containsExactly(StepState.OPEN, StepState.WAITING);

		String done = mvc.perform(form(approve).param("comment", "Fine by me")).andReturn().getResponse()
			.getContentAsString();

		assertThat(done).contains("data-state=\"DONE\"", "Approved: the request moves on.");
		ApprovalView approval = approvals.ofTicket(new TicketId(ticket)).orElseThrow();
		assertThat(approval.steps().get(0).state()).isEqualTo(StepState.APPROVED);
		assertThat(approval.steps().get(0).decisions()).singleElement().satisfies(decision -> {
			assertThat(decision.decidedBy().id()).isEqualTo(manager.getId());
			assertThat(decision.comment()).isEqualTo("Fine by me");
		});
		assertThat(approval.steps().get(1).state()).isEqualTo(StepState.OPEN);
		assertThat(onlyMailTo(buyer).text()).contains("step 2 of 2");
		assertThat(onlyMailTo(otherBuyer).text()).contains("step 2 of 2");
		HistoryEntry wayIn = tickets.auditTrail(new TicketId(ticket)).stream()
			.filter(e -> e.getField().equals("wayIn"))
			.findFirst()
			.orElseThrow();
		assertThat(wayIn.getNewValue()).isEqualTo(TicketManagement.SIGNED_LINK);
		assertThat(wayIn.getActor().getId()).isEqualTo(manager.getId());
	}

	@Test
	void refusingFromTheMailAsksForAReasonKeepingWhatWasTypedThenCancelsTheRequestWithIt() throws Exception {
		long ticket = file(laptopItem(managerStep(), purchasingStep()), 9000);
		String refuse = onlyMailTo(manager).link("refuse-request");

		String withoutReason = mvc.perform(form(refuse).param("comment", "   ")).andReturn().getResponse()
			.getContentAsString();

		assertThat(withoutReason).contains("data-state=\"READY\"", "id=\"approval-link-error\"",
				"Say why you refuse: the requester reads your comment.", "aria-invalid=\"true\"");
		assertThat(stepStates(ticket)).as("nothing decided, the link still usable").containsExactly(StepState.OPEN,
				StepState.WAITING);

		String refused = mvc.perform(form(refuse).param("comment", "Too expensive: take the standard model"))
			.andReturn().getResponse().getContentAsString();

		assertThat(refused).contains("data-state=\"DONE\"", "Refused: the request is cancelled");
		assertThat(tickets.find(new TicketId(ticket)).getStatus()).isEqualTo(Status.CANCELLED);
		ApprovalView approval = approvals.ofTicket(new TicketId(ticket)).orElseThrow();
		assertThat(approval.outcome()).isEqualTo(ApprovalOutcome.REFUSED);
		assertThat(approval.steps().get(0).decisions().get(0).comment()).isEqualTo("Too expensive: take the standard model");
		assertThat(mailsTo(buyer)).as("a refusal opens no further step").isEmpty();
	}

	@Test
	void aLinkUsedOnceSaysSoAndTheOtherLinkOfTheMailSaysTheApproverAlreadyAnsweredNeitherDecidingAgain()
			throws Exception {
		long ticket = file(laptopItem(managerStep(), purchasingStep()), 1200);
		Mail mail = onlyMailTo(manager);
		mvc.perform(form(mail.link("approve")));

		String again = mvc.perform(form(mail.link("approve"))).andReturn().getResponse().getContentAsString();
		String other = mvc.perform(form(mail.link("refuse-request")).param("comment", "Changed my mind"))
			.andReturn().getResponse().getContentAsString();

		assertThat(again).contains("data-state=\"USED\"", "This link was already used on",
				"You approved the request with it.");
		assertThat(other).contains("data-state=\"ANSWERED\"", "You already approved this request, on",
				"id=\"approval-link-unsent\"", "Changed my mind");
		ApprovalView approval = approvals.ofTicket(new TicketId(ticket)).orElseThrow();
		assertThat(approval.outcome()).isEqualTo(ApprovalOutcome.PENDING);
		assertThat(approval.steps().get(0).decisions()).hasSize(1);
	}

	@Test
	void onceAnotherApproverDecidedAnAnyStepTheLinksOfTheOthersSayWhoDecidedAndDecideNothing() throws Exception {
		long ticket = file(laptopItem(purchasingStep()), 1200);
		mvc.perform(form(onlyMailTo(buyer).link("approve")));
		String late = onlyMailTo(otherBuyer).link("refuse-request");

		MockHttpServletResponse shown = mvc.perform(get(late)).andReturn().getResponse();
		String posted = mvc.perform(form(late).param("comment", "No")).andReturn().getResponse().getContentAsString();

		assertThat(shown.getContentAsString()).contains("data-state=\"DECIDED_BY_OTHER\"",
				buyer.getFullName() + " approved this request on");
		assertThat(posted).contains("data-state=\"DECIDED_BY_OTHER\"");
		ApprovalView approval = approvals.ofTicket(new TicketId(ticket)).orElseThrow();
		assertThat(approval.outcome()).isEqualTo(ApprovalOutcome.APPROVED);
		assertThat(approval.steps().get(0).decisions()).singleElement()
			.satisfies(d -> assertThat(d.approver().id()).isEqualTo(buyer.getId()));
	}

	@Test
	void aForgedOrAlteredLinkIsNotValidAndAnExpiredOneIsGoneNeitherDeciding() throws Exception {
		long ticket = file(laptopItem(managerStep()), 1200);
		String approve = onlyMailTo(manager).link("approve");
		String[] parts = approve.substring(approve.lastIndexOf('/') + 1).split("\\.");
		String otherStep = "/links/approval/" + String.join(".", parts[0], Long.toString(Long.parseLong(parts[1]) + 1),
				parts[2], parts[3], parts[4], parts[5]);
		String badSignature = approve.substring(0, approve.length() - 2) + (approve.endsWith("AA") ? "BB" : "AA");
		String ticketPurpose = "/links/ticket/" + approve.substring(approve.lastIndexOf('/') + 1);

		for (String forged : List.of(otherStep, badSignature, "/links/approval/approve.1.2.3.nonsense")) {
			MockHttpServletResponse page = mvc.perform(get(forged)).andReturn().getResponse();
			assertThat(page.getStatus()).as(forged).isEqualTo(404);
			assertThat(page.getContentAsString()).as("in the desk's language: the link names nobody")
				.contains("data-state=\"INVALID\"", "id=\"approval-link-invalid\"");
			assertThat(mvc.perform(form(forged)).andReturn().getResponse().getContentAsString())
				.contains("data-state=\"INVALID\"");
		}
		assertThat(mvc.perform(get(ticketPurpose)).andReturn().getResponse().getStatus())
			.as("an approval token is refused by the ticket links' page").isEqualTo(404);
		clock.advance(Duration.ofDays(7).plusMinutes(1));
		MockHttpServletResponse expired = mvc.perform(form(approve)).andReturn().getResponse();
		assertThat(expired.getStatus()).isEqualTo(410);
		assertThat(expired.getContentAsString()).contains("data-state=\"EXPIRED\"", "href=\"/approvals\"");
		assertThat(stepStates(ticket)).containsExactly(StepState.OPEN);
	}

	@Test
	void theLinksOfARequestWithdrawnByItsRequesterSaySoAndDecideNothing() throws Exception {
		long ticket = file(laptopItem(managerStep()), 1200);
		String approve = onlyMailTo(manager).link("approve");
		tickets.transition(new TicketId(ticket), new Transition(TicketAction.CANCEL, "No longer needed", null, null, null),
				null, TestFixtures.current(requester));

		String page = mvc.perform(form(approve)).andReturn().getResponse().getContentAsString();

		assertThat(page).contains("data-state=\"WITHDRAWN\"", "The request was withdrawn");
		assertThat(approvals.ofTicket(new TicketId(ticket)).orElseThrow().outcome()).isEqualTo(ApprovalOutcome.WITHDRAWN);
		assertThat(approvals.ofTicket(new TicketId(ticket)).orElseThrow().steps().get(0).decisions()).isEmpty();
	}

	@Test
	void anApproverAwayHasTheirManagerMailedWhoseLinkDecidesAsTheDelegateForThem() throws Exception {
		User director = fixtures.user("mailappr-director", Role.REQUESTER);
		manager.setManager(director);
		manager = users.save(manager);
		technicians.addAbsence(manager.getId(), clock.instant().minus(Duration.ofHours(1)),
				clock.instant().plus(Duration.ofDays(3)), "Holidays");
		long ticket = file(laptopItem(managerStep()), 1200);

		Mail mail = onlyMailTo(director);
		assertThat(mail.text()).contains(manager.getFullName() + " is away and you answer in their place");
		mvc.perform(form(mail.link("approve")));

		ApprovalView approval = approvals.ofTicket(new TicketId(ticket)).orElseThrow();
		assertThat(approval.outcome()).isEqualTo(ApprovalOutcome.APPROVED);
		assertThat(approval.steps().get(0).decisions()).singleElement().satisfies(decision -> {
			assertThat(decision.approver().id()).isEqualTo(manager.getId());
			assertThat(decision.decidedBy().id()).isEqualTo(director.getId());
		});
		assertThat(mvc.perform(get(onlyMailTo(manager).link("approve"))).andReturn().getResponse().getContentAsString())
			.contains("data-state=\"ANSWERED\"", director.getFullName() + " already approved this request for you");
	}

	@Test
	void anApproverWhoTurnedApprovalMailsOffIsToldInAppOnly() throws Exception {
		preferences.choose(buyer.getId(), true,
				new NotificationPreferences.Cell(NotificationEvent.APPROVAL_REQUESTED, NotificationChannel.EMAIL), false);

		file(laptopItem(purchasingStep()), 1200);

		assertThat(mailsTo(buyer)).isEmpty();
		assertThat(mailsTo(otherBuyer)).hasSize(1);
		assertThat(notifications.newest(buyer.getId())).anySatisfy(n -> assertThat(n.getLink()).isEqualTo("/approvals"));
	}

	private ItemApprovalStep managerStep() {
		return new ItemApprovalStep(StepPlan.manager(), null);
	}

	private ItemApprovalStep purchasingStep() {
		return new ItemApprovalStep(new StepPlan(StepKind.GROUP, purchasing.getId(), Quorum.ANY, null, null), null);
	}

	private CatalogueItem laptopItem(ItemApprovalStep... steps) {
		return LaptopRequests.laptopItem(catalogue, admin, desk.getId(), steps);
	}

	private long file(CatalogueItem item, int price) {
		return LaptopRequests.file(ApiClient.basic(port, requester.getUsername(), TestFixtures.PASSWORD), item, price);
	}

	private List<StepState> stepStates(long ticket) {
		return approvals.ofTicket(new TicketId(ticket)).orElseThrow().steps().stream().map(ApprovalView.Step::state).toList();
	}

	/** An approval mail in the outbox, as its recipient reads it. */
	private record Mail(String subject, String html, String text) {

		/** The path of its signed link of that purpose code. */
		String link(String code) {
			Matcher links = LINK.matcher(text);
			while (links.find()) {
				if (links.group(2).equals(code)) {
					return links.group(1);
				}
			}
			throw new AssertionError("No " + code + " link in " + text);
		}

	}

	private List<Mail> mailsTo(User user) {
		return jdbc.query("select o.subject, b.html_body, b.text_body from mail_outbox o"
				+ " join mail_outbox_body b on b.mail_id = o.id where o.recipient_id = ? and o.kind = ? order by o.id",
				(rs, n) -> new Mail(rs.getString(1), rs.getString(2), rs.getString(3)), user.getId(),
				"APPROVAL_REQUEST");
	}

	private Mail onlyMailTo(User user) {
		List<Mail> mails = mailsTo(user);
		assertThat(mails).as("approval mails to " + user.getUsername()).hasSize(1);
		return mails.get(0);
	}

	private MockHttpServletRequestBuilder form(String path) throws Exception {
		MockHttpServletResponse page = mvc.perform(get(path)).andReturn().getResponse();
		Matcher token = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(page.getContentAsString());
		assertThat(token.find()).as("the page's CSRF token").isTrue();
		Cookie cookie = page.getCookie("XSRF-TOKEN");
		assertThat(cookie).as("the CSRF token's cookie").isNotNull();
		return post(path).cookie(cookie).param("_csrf", token.group(1));
	}

}
