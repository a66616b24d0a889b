package org.guichet.presentation.flowchart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.guichet.approvals.Approvals;
import org.guichet.approvals.Quorum;
import org.guichet.approvals.StepKind;
import org.guichet.approvals.StepPlan;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.testing.ApiClient;
import org.guichet.testing.ApiClient.Response;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.TicketId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code GET /api/v1/tickets/{id}/flowchart}: the path of real tickets, driven through the API, read
 * back from their history; and the measured lifecycle of {@code GET /api/v1/flowchart?from=&to=}.
 */
@GuichetIntegrationTest
class TicketFlowchartIT {

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private Approvals approvals;

	@LocalServerPort
	private int port;

	private User requesterUser;

	private ApiClient requester;

	private ApiClient first;

	private ApiClient second;

	/** Sees every ticket: requesters get no chart (only their own ticket's dossier). */
	private ApiClient supervisor;

	private SupportGroup levelOne;

	private SupportGroup levelTwo;

	@BeforeEach
	void setUp() {
		requesterUser = fixtures.user("path-requester", Role.REQUESTER);
		User firstUser = fixtures.user("path-n1", Role.TECHNICIAN);
		User secondUser = fixtures.user("path-n2", Role.TECHNICIAN);
		levelOne = fixtures.group(SupportLevel.N1, firstUser);
		levelTwo = fixtures.group(SupportLevel.N2, secondUser);
		requester = client(requesterUser);
		first = client(firstUser);
		second = client(secondUser);
		supervisor = client(fixtures.user("path-reader", Role.SUPERVISOR));
	}

	private ApiClient client(User user) {
		return ApiClient.basic(port, user.getUsername(), TestFixtures.PASSWORD);
	}

	private static void ok(Response response) {
		assertThat(response.status()).as(response.toString()).isBetween(200, 201);
	}

	private static void act(ApiClient client, long id, Map<String, Object> transition) {
		ok(client.post("/api/v1/tickets/" + id + "/transitions", transition));
	}

	/** The SVG of the ticket's chart as {@code client} reads it, asserted to be one. */
	private static String chart(ApiClient client, long id) {
		Response answer = client.get("/api/v1/tickets/" + id + "/flowchart?lang=en");
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.header("Content-Type")).startsWith("image/svg+xml");
		return answer.text();
	}

	private static String steps(String svg, String node) {
		Matcher matcher = Pattern.compile("data-node=\"" + Pattern.quote(node) + "\" data-steps=\"([^\"]+)\"").matcher(svg);
		return matcher.find() ? matcher.group(1) : "";
	}

	private static boolean taken(String svg, String edge) {
		return svg.contains("class=\"fc-edge fc-on-path\" data-edge=\"" + edge.replace(">", "&gt;") + "\"");
	}

	private long phoneTicketEscalatedPendingRefusedAndClosed() {
		Response created = first.post("/api/v1/tickets", Map.of("type", "INCIDENT", "title", "Phone: no network",
				"description", "Called in", "urgency", "MEDIUM", "channel", "PHONE", "requesterId", requesterUser.getId()));
		ok(created);
		long id = created.json().get("id").asLong();
		ok(first.post("/api/v1/tickets/" + id + "/assign", Map.of("groupId", levelOne.getId())));
		act(first, id, Map.of("action", "TAKE"));
		ok(first.post("/api/v1/tickets/" + id + "/escalations",
				Map.of("kind", "FUNCTIONAL", "groupId", levelTwo.getId(), "reason", "Needs the network team")));
		act(second, id, Map.of("action", "TAKE"));
		act(second, id, Map.of("action", "PENDING", "reason", "SUPPLIER"));
		act(second, id, Map.of("action", "RESUME"));
		act(second, id, Map.of("action", "RESOLVE", "solution", "Port reset", "solutionKind", "WORKAROUND"));
		act(requester, id, Map.of("action", "REFUSE", "reason", "Down again"));
		act(second, id, Map.of("action", "RESOLVE", "solution", "Cable replaced", "solutionKind", "PERMANENT"));
		act(requester, id, Map.of("action", "ACCEPT"));
		return id;
	}

	@Test
	void phoneTicketsChartHighlightsItsEscalationPendingRefusalAndClosure() {
		long id = phoneTicketEscalatedPendingRefusedAndClosed();

		String svg = chart(supervisor, id);

		assertThat(svg).contains("fc-on-path", "fc-badge");
		assertThat(steps(svg, "channel.PHONE")).isEqualTo("2");
		assertThat(taken(svg, "decision.solved.N1->resolution.N2")).as("escalated to level 2").isTrue();
		assertThat(steps(svg, "pending")).as("pending once").matches("\\d+");
		assertThat(steps(svg, "resolution.N2").split(", ")).as("at level 2: escalated, back from pending, refused")
			.hasSize(3);
		assertThat(steps(svg, "decision.validation").split(", ")).as("refused, then accepted").hasSize(2);
		assertThat(taken(svg, "decision.validation->closure")).isTrue();
		assertThat(steps(svg, "end")).as("closed").isNotEmpty();
		assertThat(taken(svg, "closure->survey")).as("its survey is not sent yet").isFalse();
		assertThat(steps(svg, "resolution.N3")).isEmpty();
		assertThat(steps(svg, "cancelled")).isEmpty();
		assertThat(taken(svg, "decision.qualification->cancelled")).isFalse();
	}

	@Test
	void withLanesTheTicketsPathIsHighlightedTheSameInsideTheActorsBands() throws IOException {
		long id = phoneTicketEscalatedPendingRefusedAndClosed();
		String plain = chart(supervisor, id);

		Response answer = supervisor.get("/api/v1/tickets/" + id + "/flowchart?lang=fr&lanes=true");

		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		String svg = answer.text();
		assertThat(svg).contains("class=\"fc-lane\" data-lane=\"REQUESTER\"", ">Demandeur</text>",
				"class=\"fc-lane\" data-lane=\"SYSTEM\"");
		for (String node : List.of("channel.PHONE", "resolution.N2", "pending", "decision.validation", "closure")) {
			assertThat(steps(svg, node)).as(node).isNotEmpty().isEqualTo(steps(plain, node));
		}
		assertThat(taken(svg, "decision.validation->closure")).isTrue();
		assertThat(taken(svg, "decision.qualification->cancelled")).isFalse();
		Response pdf = supervisor.get("/api/v1/tickets/" + id + "/flowchart?format=pdf&lang=fr&lanes=true");
		assertThat(pdf.status()).isEqualTo(200);
		try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
			assertThat(new PDFTextStripper().getText(document)).contains("Demandeur", "Guichet");
		}
		Response wrong = supervisor.get("/api/v1/tickets/" + id + "/flowchart?lanes=maybe");
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.json().get("field").asText()).isEqualTo("lanes");
	}

	@Test
	void ticketResolvedAtLevelOneNeverLeavesIt() {
		Response created = requester.post("/api/v1/tickets", Map.of("type", "INCIDENT", "title", "Printer jam",
				"description", "Tray 2", "urgency", "LOW"));
		ok(created);
		long id = created.json().get("id").asLong();
		ok(first.post("/api/v1/tickets/" + id + "/assign", Map.of("groupId", levelOne.getId())));
		act(first, id, Map.of("action", "TAKE"));
		act(first, id, Map.of("action", "RESOLVE", "solution", "Paper removed", "solutionKind", "PERMANENT"));
		act(requester, id, Map.of("action", "ACCEPT"));

		String svg = chart(first, id);

		assertThat(steps(svg, "channel.API")).isEqualTo("2");
		assertThat(steps(svg, "resolution.N1")).matches("\\d+");
		assertThat(steps(svg, "decision.solved.N1")).matches("\\d+");
		assertThat(taken(svg, "decision.solved.N1->resolution.N2")).isFalse();
		assertThat(steps(svg, "resolution.N2")).isEmpty();
		assertThat(steps(svg, "pending")).isEmpty();
		assertThat(steps(svg, "end")).isNotEmpty();
	}

	@Test
	void ticketCancelledBeforeAnyWorkLeavesByTheQualificationsNo() {
		Response created = requester.post("/api/v1/tickets", Map.of("type", "SERVICE_REQUEST", "title", "New badge",
				"description", "Lost mine", "urgency", "LOW"));
		ok(created);
		long id = created.json().get("id").asLong();
		act(requester, id, Map.of("action", "CANCEL", "reason", "Found it"));

		String svg = chart(supervisor, id);

		assertThat(taken(svg, "decision.qualification->cancelled")).isTrue();
		assertThat(taken(svg, "cancelled->end")).isTrue();
		assertThat(steps(svg, "assignment")).isEmpty();
	}

	@Test
	void theChartFollowsTheTicketsVisibilityAndComesAsPngAndPdf() throws IOException {
		long id = phoneTicketEscalatedPendingRefusedAndClosed();
		String path = "/api/v1/tickets/" + id + "/flowchart";

		assertThat(client(fixtures.user("path-stranger", Role.TECHNICIAN)).get(path).status()).isEqualTo(404);
		assertThat(second.get("/api/v1/tickets/999999999/flowchart").status()).isEqualTo(404);
		assertThat(ApiClient.anonymous(port).get(path).status()).isEqualTo(401);
		Response unknown = second.get(path + "?format=gif");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("field").asText()).isEqualTo("format");

		Response png = second.get(path + "?format=png&width=600");
		assertThat(png.status()).isEqualTo(200);
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.bytes()));
		assertThat(image.getWidth()).isEqualTo(600);
		Response pdf = second.get(path + "?format=pdf&lang=fr");
		assertThat(pdf.status()).isEqualTo(200);
		try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
			assertThat(document.getNumberOfPages()).isEqualTo(1);
		}
	}

	@Test
	void theMeasuredLifecycleCountsTheTicketsCreatedInThePeriodOnItsBranches() {
		phoneTicketEscalatedPendingRefusedAndClosed();
		ApiClient supervisor = client(fixtures.user("path-supervisor", Role.SUPERVISOR));

		Response measured = supervisor.get("/api/v1/flowchart?lang=en&from=2000-01-01&to=2099-12-31");

		assertThat(measured.status()).as(measured.toString()).isEqualTo(200);
		String svg = measured.text();
		assertThat(svg).containsPattern("(1 ticket|\\d+ tickets) created from 2000-01-01 to 2099-12-31");
		assertThat(svg).as("escalated to level 2: at least this one").containsPattern(">No · [1-9][0-9,]* \\(\\d+ %\\)</text>");
		assertThat(svg).as("refused at least once: at least this one")
			.containsPattern(">No: reopened · [1-9][0-9,]* \\(\\d+ %\\)</text>");
		String withLanes = supervisor.get("/api/v1/flowchart?lang=en&lanes=true&from=2000-01-01&to=2099-12-31").text();
		assertThat(withLanes).as("the same counts with lanes").contains("class=\"fc-lane\"")
			.containsPattern("(1 ticket|\\d+ tickets) created from 2000-01-01 to 2099-12-31")
			.containsPattern(">No: reopened · [1-9][0-9,]* \\(\\d+ %\\)</text>");
		assertThat(supervisor.get("/api/v1/flowchart?lang=en&from=2099-01-01&to=2099-01-31").text())
			.contains("no ticket created from 2099-01-01 to 2099-01-31");

		for (String[] bad : new String[][] { { "from=2026-11-01", "to" }, { "from=2026-13-01&to=2026-12-01", "from" },
				{ "from=2026-11-02&to=2026-11-01", "to" } }) {
			Response refused = supervisor.get("/api/v1/flowchart?" + bad[0]);
			assertThat(refused.status()).as(bad[0]).isEqualTo(400);
			assertThat(refused.json().get("field").asText()).as(bad[0]).isEqualTo(bad[1]);
		}
	}

	@Test
	void aRequestRefusedByItsValidatorIsDrawnCountedAndHighlightedOnTheValidatorsNo() {
		User validator = fixtures.user("path-validator", Role.REQUESTER);
		Response created = requester.post("/api/v1/tickets", Map.of("type", "SERVICE_REQUEST", "title", "A second screen",
				"description", "For the new desk", "urgency", "LOW"));
		ok(created);
		long id = created.json().get("id").asLong();
		long approval = java.util.Objects.requireNonNull(approvals
			.request(new TicketId(id), List.of(new StepPlan(StepKind.USER, validator.getId(), Quorum.ANY, null, null)))
			.getId());
		ok(client(validator).post("/api/v1/approvals/" + approval + "/decision",
				Map.of("verdict", "REFUSE", "comment", "Not in this year's budget")));

		String svg = supervisor.get("/api/v1/flowchart?lang=en&from=2000-01-01&to=2099-12-31").text();

		assertThat(svg).contains("data-node=\"approval\"", "data-node=\"decision.approval\"")
			.as("requested and refused at least once: at least this one")
			.containsPattern(">requires approval · [1-9][0-9,]* \\(\\d+ %\\)</text>")
			.containsPattern(">No: cancelled with the reason · [1-9][0-9,]* \\(\\d+ %\\)</text>");
		assertThat(first.get("/api/v1/tickets/" + id).json().get("status").asText()).isEqualTo("CANCELLED");
		String path = chart(supervisor, id);
		assertThat(taken(path, "registration->approval")).as("its own path waits for the validator").isTrue();
		assertThat(taken(path, "decision.approval->cancelled")).as("and leaves by their No").isTrue();
		assertThat(steps(path, "pending")).as("the wait is no pending").isEmpty();
		assertThat(steps(path, "decision.qualification")).as("never qualified").isEmpty();
	}

}
