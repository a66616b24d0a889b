package org.guichet.presentation.dossier;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.guichet.approvals.Approvals;
import org.guichet.approvals.Quorum;
import org.guichet.approvals.StepKind;
import org.guichet.approvals.StepPlan;
import org.guichet.approvals.Verdict;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.testing.ApiClient;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.ShiftableClock;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Channel;
import org.guichet.tickets.EscalationKind;
import org.guichet.tickets.Impact;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.PendingReason;
import org.guichet.tickets.SolutionKind;
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
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ticket's dossier through the API and the pages, on a demo-like ticket: registered by phone,
 * taken, answered, pending on its requester, escalated to level 2, resolved, refused (reopened),
 * resolved again, accepted and rated.
 */
@GuichetIntegrationTest
class TicketDossierIT {

	private static final String TITLE = "Third-floor printer jams on every page";

	private static final String INTERNAL_NOTE = "Suspect the fuser, keep it between us";

	private static final String ESCALATION_REASON = "Needs the print server team";

	private static final String APPROVAL_COMMENT = "Fine for the new laptop";

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

	@LocalServerPort
	private int port;

	private User requester;

	private User technician;

	private User secondLevel;

	private TicketId id;

	/** The refusal's comment, naming the requester. */
	private String refusal;

	private User approver;

	private User secondApprover;

	private SupportGroup approvingGroup;

	@Autowired
	private Approvals approvals;

	@Autowired
	private ShiftableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@BeforeEach
	void aTicketEscalatedPendingReopenedAndClosed() {
		requester = fixtures.user("dossier-requester", Role.REQUESTER);
		technician = fixtures.user("dossier-tech", Role.TECHNICIAN);
		secondLevel = fixtures.user("dossier-n2", Role.TECHNICIAN);
		SupportGroup desk = fixtures.group(SupportLevel.N1, technician);
		SupportGroup n2 = fixtures.group(SupportLevel.N2, secondLevel);
		CurrentUser tech = TestFixtures.current(technician);
		CurrentUser n2Tech = TestFixtures.current(secondLevel);
		CurrentUser req = TestFixtures.current(requester);
		id = tickets.register(new NewTicket(TicketType.INCIDENT, TITLE, "It jams on **every** page.", requester.getId(),
				Channel.PHONE, null, Urgency.HIGH, Impact.MEDIUM, List.of()), tech).id();
		tickets.assign(id, desk.getId(), technician.getId(), null, tech);
		tickets.transition(id, Transition.of(TicketAction.TAKE), null, tech);
		tickets.comment(id, "Could you open tray 2 and look for paper?", false, tech);
		tickets.comment(id, INTERNAL_NOTE, true, tech);
		tickets.transition(id, new Transition(TicketAction.PENDING, null, PendingReason.USER, null, null), null, tech);
		tickets.comment(id, "Opened it, nothing inside, still jams", false, req);
		tickets.escalate(id, EscalationKind.FUNCTIONAL, n2.getId(), null, ESCALATION_REASON, null, tech);
		tickets.assign(id, n2.getId(), secondLevel.getId(), null, n2Tech);
		tickets.transition(id, Transition.of(TicketAction.TAKE), null, n2Tech);
		tickets.transition(id, new Transition(TicketAction.RESOLVE, null, null, "Cleaned the rollers",
				SolutionKind.WORKAROUND), null, n2Tech);
		tickets.transition(id, new Transition(TicketAction.REFUSE, "Jams again on A3", null, null, null), null, req);
		tickets.transition(id, new Transition(TicketAction.RESOLVE, null, null, "Replaced the **fuser unit**",
				SolutionKind.PERMANENT), null, n2Tech);
		tickets.transition(id, new Transition(TicketAction.ACCEPT, null, null, null, null), null, req);
		tickets.rate(id, 4, "Quick once escalated", req);
	}

	@Test
	void theTeamsHtmlDossierHasEverySection() {
		ApiClient.Response answer = client(secondLevel).get(path("format=html"));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.header("Content-Type")).startsWith("text/html");
		assertThat(answer.text()).contains(TITLE, "id=\"dossier-summary\"", "id=\"dossier-priority\"",
				"id=\"dossier-assignments\"", "id=\"dossier-escalations\"", "id=\"dossier-sla\"", "id=\"dossier-steps\"",
				"id=\"dossier-timeline\"", "id=\"dossier-tasks\"", "id=\"dossier-solution\"", "id=\"dossier-closure\"",
				"id=\"dossier-flowchart\"", "<svg", ESCALATION_REASON, "Waiting for the user",
				"solution refused by the requester", "<strong>fuser unit</strong>", "4 / 5", "Quick once escalated",
				"Opened it, nothing inside, still jams", technician.getFullName(), secondLevel.getFullName());
		assertThat(answer.text()).as("internal notes only when asked").doesNotContain(INTERNAL_NOTE);
		assertThat(client(secondLevel).get(path("format=html&internal=true")).text()).contains(INTERNAL_NOTE);
	}

	@Test
	void thePdfsTextHasTheTitleAndTheSteps() throws IOException {
		ApiClient.Response answer = client(technician).get(path(""));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.header("Content-Type")).startsWith("application/pdf");
		assertThat(answer.header("Content-Disposition")).contains("dossier-" + id.value() + ".pdf");
		try (PDDocument pdf = Loader.loadPDF(answer.bytes())) {
			String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
			assertThat(text).contains(TITLE, "Registered", "Assigned", "In progress", "Pending", "Resolved", "Closed",
					ESCALATION_REASON, "Replaced the fuser unit", "Escalations", "Service levels");
		}
	}

	@Test
	void aRequesterGetsTheirOwnTicketsDossierWithoutTheTeamsWork() {
		ApiClient own = client(requester);

		ApiClient.Response answer = own.get(path("format=html"));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.text()).contains(TITLE, "id=\"dossier-steps\"", "Jams again on A3")
			.doesNotContain(INTERNAL_NOTE, "id=\"dossier-escalations\"", "id=\"dossier-sla\"", "id=\"dossier-tasks\"",
					ESCALATION_REASON);
		ApiClient.Response notes = own.get(path("format=html&internal=true"));
		assertThat(notes.status()).as("the internal notes are the team's").isEqualTo(404);
		assertThat(notes.header("Content-Type")).startsWith("application/problem+json");
		ApiClient.Response other = client(fixtures.user("dossier-other", Role.REQUESTER)).get(path("format=html"));
		assertThat(other.status()).isEqualTo(404);
		assertThat(other.header("Content-Type")).startsWith("application/problem+json");
	}

	@Test
	void anUnknownOrInvisibleTicketIsNotFound() {
		ApiClient.Response unknown = client(technician).get("/api/v1/tickets/999999999/dossier");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");

		User elsewhere = fixtures.user("dossier-elsewhere", Role.TECHNICIAN);
		fixtures.group(SupportLevel.N1, elsewhere);
		ApiClient.Response invisible = client(elsewhere).get(path("format=html"));
		assertThat(invisible.status()).isEqualTo(404);
		assertThat(invisible.header("Content-Type")).startsWith("application/problem+json");
	}

	@Test
	void aParameterThatDoesNotFitIsRefusedNamingIt() {
		for (String[] bad : new String[][] { { "format=docx", "format" }, { "internal=maybe", "internal" },
				{ "anonymize=maybe", "anonymize" }, { "format=json", "format" }, { "attachments=some", "attachments" },
				{ "anonymize=true&organisation=" + "x".repeat(201), "organisation" } }) {
			ApiClient.Response answer = client(technician).get(path(bad[0]));

			assertThat(answer.status()).as(bad[0]).isEqualTo(400);
			assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
			assertThat(answer.json().get("field").asText()).isEqualTo(bad[1]);
		}
		assertThat(client(technician).get(path("format=html&anonymize=false")).status()).isEqualTo(200);
	}

	@Test
	void theAnonymisedDossierNamesNoOneAndSaysWhatIsLeftToCheck() {
		tickets.comment(id, "Mme Lefort saw it; call " + requester.getFullName() + " back", false,
				TestFixtures.current(technician));

		ApiClient.Response answer = client(secondLevel).get(path("format=html&anonymize=true&internal=true"));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.text()).contains(TITLE, "Requester A", "Technician 1", "Technician 2", INTERNAL_NOTE,
				ESCALATION_REASON)
			.doesNotContain(requester.getFullName(), technician.getFullName(), secondLevel.getFullName());
		assertThat(answer.header("Guichet-Unrecognised")).isEqualTo("1");
		ApiClient.Response left = client(secondLevel).get(path("format=json&anonymize=true"));
		assertThat(left.status()).isEqualTo(200);
		assertThat(left.header("Content-Type")).startsWith("application/json");
		assertThat(left.json().get("ticketId").asLong()).isEqualTo(id.value());
		assertThat(left.json().get("unrecognised")).singleElement().satisfies(suspect -> {
			assertThat(suspect.get("text").asText()).isEqualTo("Lefort");
			assertThat(suspect.get("reason").asText()).isEqualTo("AFTER_TITLE");
			assertThat(suspect.get("excerpt").asText()).contains("Mme Lefort", "Requester A");
		});
		ApiClient.Response pdf = client(secondLevel).get(path("anonymize=true"));
		assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
		assertThat(pdf.header("Guichet-Unrecognised")).isEqualTo("1");
	}

	@Test
	void aRequesterGetsTheirOwnDossierAnonymisedButNeverTheInternalNotes() {
		ApiClient own = client(requester);

		ApiClient.Response answer = own.get(path("format=html&anonymize=true"));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.text()).contains("Requester A", "Jams again on A3")
			.doesNotContain(requester.getFullName(), INTERNAL_NOTE, "id=\"dossier-escalations\"");
		assertThat(own.get(path("format=html&anonymize=true&internal=true")).status()).isEqualTo(404);
		assertThat(client(fixtures.user("dossier-stranger", Role.REQUESTER)).get(path("anonymize=true&format=json"))
			.status()).isEqualTo(404);
	}

	@Test
	void theExportPageListsWhatIsLeftToCheckBeforeTheDownloads() {
		tickets.comment(id, "Mme Lefort saw it too", false, TestFixtures.current(technician));

		ApiClient.Response page = client(technician).get("/agent/tickets/" + id.value() + "/dossier?anonymize=true");

		assertThat(page.status()).isEqualTo(200);
		String html = page.text();
		assertThat(html).contains("id=\"export-suspects\"", "Lefort", "id=\"export-pdf\"");
		assertThat(html.indexOf("export-suspects")).as("the list comes before the downloads")
			.isLessThan(html.indexOf("id=\"export-pdf\""));
		assertThat(html).contains("/tickets/" + id.value() + "/dossier?format=pdf&amp;anonymize=true");
		ApiClient.Response tooLong = client(technician)
			.get("/agent/tickets/" + id.value() + "/dossier?anonymize=true&organisation=" + "x".repeat(201));
		assertThat(tooLong.status()).isEqualTo(200);
		assertThat(tooLong.text()).contains("id=\"export-problem\"", "x".repeat(201))
			.doesNotContain("id=\"export-pdf\"");
		assertThat(client(requester).get("/agent/tickets/" + id.value() + "/dossier").status())
			.as("the IT team's page").isNotEqualTo(200);
	}

	@Test
	void thePagesServeTheSameDossier() {
		ApiClient.Response page = client(technician).get("/tickets/" + id.value() + "/dossier");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Content-Type")).startsWith("text/html");
		assertThat(page.text()).contains(TITLE, "id=\"dossier-escalations\"");
		assertThat(client(requester).get("/tickets/" + id.value() + "/dossier?internal=true").status()).isEqualTo(404);
	}

	@Test
	void aRequestsDossierShowsItsApprovalStepsTheirGroupAskedDecisionsAndDelayAndTheAnonymisedOnePseudonymisesThem()
			throws IOException {
		TicketId request = approvedThenRefused();

		ApiClient.Response answer = client(technician).get(path(request, "format=html"));

		assertThat(answer.status()).isEqualTo(200);
		String html = answer.text();
		assertThat(html).contains("id=\"dossier-approval\"", "id=\"dossier-approval-step-1\"",
				"id=\"dossier-approval-step-2\"", "Refused", "Approved by " + approver.getFullName(),
				"Refused by " + secondApprover.getFullName(), APPROVAL_COMMENT, refusal,
				"decided on", "after 3 h 00", "Named person", "Step 2 · Group “" + approvingGroup.getName() + "”",
				"<span class=\"lines\">: " + APPROVAL_COMMENT + "</span>");
		assertThat(html.indexOf("dossier-approval")).as("before the steps").isLessThan(html.indexOf("dossier-steps"));
		assertThat(client(requester).get(path(request, "format=html")).text())
			.as("the requester sees who decided and why").contains("id=\"dossier-approval\"", refusal);
		try (PDDocument pdf = Loader.loadPDF(client(technician).get(path(request, "")).bytes())) {
			// a name broken at its hyphen by the table's column is joined again
			assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ").replace("- ", "-")).contains("Approval",
					"Approved by " + approver.getFullName(), refusal, "Group “" + approvingGroup.getName() + "”");
		}
		assertThat(client(technician).get("/api/v1/tickets/" + request.value()).text())
			.as("the ticket's JSON names the group too").contains("\"groupName\":\"" + approvingGroup.getName() + "\"");
		assertThat(client(secondLevel).get(path("format=html")).text()).as("a ticket without approval has none")
			.doesNotContain("id=\"dossier-approval\"");

		ApiClient.Response anonymised = client(technician).get(path(request, "format=html&anonymize=true"));
		assertThat(anonymised.status()).isEqualTo(200);
		assertThat(anonymised.text()).contains("id=\"dossier-approval\"", "Approved by Person ", "Refused by Person ",
				APPROVAL_COMMENT, "Not for Requester A this year", "Group “" + approvingGroup.getName() + "”")
			.doesNotContain(approver.getFullName(), secondApprover.getFullName(), requester.getFullName(), refusal);
	}

	/**
	 * A laptop request of the requester: asked of one person, approved an hour later with a
	 * comment, then of a group of one other person, refused two hours later naming the requester.
	 */
	private TicketId approvedThenRefused() {
		approver = fixtures.user("dossier-approver", Role.SUPERVISOR);
		secondApprover = fixtures.user("dossier-approver-2", Role.REQUESTER);
		approvingGroup = fixtures.group(SupportLevel.N2, secondApprover);
		refusal = "Not for " + requester.getFullName() + " this year";
		CurrentUser req = TestFixtures.current(requester);
		TicketId request = tickets.register(new NewTicket(TicketType.SERVICE_REQUEST, "New laptop", "A developer laptop",
				null, Channel.PORTAL, null, Urgency.MEDIUM, null, List.of()), req).id();
		long approval = java.util.Objects.requireNonNull(approvals.request(request,
				List.of(new StepPlan(StepKind.USER, approver.getId(), Quorum.ANY, null, null),
						new StepPlan(StepKind.GROUP, approvingGroup.getId(), Quorum.ANY, null, null)))
			.getId());
		clock.advance(Duration.ofHours(1));
		approvals.decide(approval, Verdict.APPROVE, APPROVAL_COMMENT, TestFixtures.current(approver));
		clock.advance(Duration.ofHours(2));
		approvals.decide(approval, Verdict.REFUSE, refusal, TestFixtures.current(secondApprover));
		return request;
	}

	private String path(TicketId ticket, String query) {
		return "/api/v1/tickets/" + ticket.value() + "/dossier" + (query.isEmpty() ? "" : "?" + query);
	}

	private String path(String query) {
		return "/api/v1/tickets/" + id.value() + "/dossier" + (query.isEmpty() ? "" : "?" + query);
	}

	private ApiClient client(User user) {
		return ApiClient.basic(port, user.getUsername(), TestFixtures.PASSWORD);
	}

}
