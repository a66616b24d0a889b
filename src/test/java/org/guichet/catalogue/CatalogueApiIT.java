package org.guichet.catalogue;

import java.util.List;
import java.util.Map;

import org.guichet.approvals.ApprovalOutcome;
import org.guichet.approvals.ApprovalView;
import org.guichet.approvals.Approvals;
import org.guichet.approvals.StepPlan;
import org.guichet.approvals.Verdict;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.testing.ApiClient;
import org.guichet.testing.ApiClient.Response;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Category;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Filing through the catalogue's API as clients do: the answers checked against the item's form
 * (every wrong one named), the ticket registered like any other with the item's group, category,
 * title and tasks, the answers shown with the ticket in the version filed with, and who may ask
 * for what.
 */
@GuichetIntegrationTest
class CatalogueApiIT {

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private Catalogue catalogue;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private UserRepository users;

	@Autowired
	private Approvals approvals;

	@LocalServerPort
	private int port;

	private CurrentUser admin;

	private User requester;

	private User technician;

	private SupportGroup group;

	private Category category;

	@BeforeEach
	void setUp() {
		admin = TestFixtures.current(fixtures.user("cat-admin", Role.ADMINISTRATOR));
		requester = fixtures.user("cat-requester", Role.REQUESTER);
		technician = fixtures.user("cat-tech", Role.TECHNICIAN);
		group = fixtures.group(SupportLevel.N1, technician);
		category = fixtures.category("Postes de travail");
	}

	@Test
	void aRequestFiledThroughAnItemIsCheckedRegisteredWithItsAnswersAndKeepsItsFormVersion() {
		CatalogueItem item = laptopItem(List.of(), List.of());
		ApiClient requesterApi = ApiClient.bearer(port, fixtures.token(requester));

		JsonNode listed = requesterApi.get("/api/v1/catalogue").json();
		JsonNode shown = itemIn(listed, item.getId());
		assertThat(shown.get("currentFormVersion").asInt()).isEqualTo(1);
		assertThat(shown.get("forms").get(0).get("fields").get(1).get("shownWhen").get("value").asText())
			.isEqualTo("other");

		Response refused = requesterApi.post(requestsOf(item), Map.of("answers",
				Map.of("model", "other", "screens", 9, "colour", "red")));
		assertThat(refused.status()).as(refused.text()).isEqualTo(400);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("answers.colour",
				"answers.other-model", "answers.screens", "answers.needed-by");

		Response filed = requesterApi.post(requestsOf(item), Map.of("answers", Map.of("model", "other",
				"other-model", "ThinkPad X1", "screens", 2, "needed-by", "2026-12-24", "vpn", true)));
		assertThat(filed.status()).as(filed.text()).isEqualTo(201);
		long ticketId = filed.json().get("ticketId").asLong();
		assertThat(filed.json().get("formVersion").asInt()).isEqualTo(1);

		JsonNode ticket = requesterApi.get("/api/v1/tickets/" + ticketId).json();
		assertThat(ticket.get("title").asText()).isEqualTo("New laptop: Other (ThinkPad X1)");
		assertThat(ticket.get("type").asText()).isEqualTo("SERVICE_REQUEST");
		assertThat(ticket.get("channel").asText()).isEqualTo("API");
		assertThat(ticket.get("category").get("id").asLong()).isEqualTo(category.getId());
		assertThat(ticket.get("group").get("id").asLong()).as("routing named no group: the item's")
			.isEqualTo(group.getId());
		assertThat(ticket.get("description").asText()).contains("- **Screens**: 2", "- **VPN access**: Yes",
				"- **Needed by**: December 24, 2026");
		JsonNode answers = ticket.get("formAnswers");
		assertThat(answers.get("itemId").asLong()).isEqualTo(item.getId());
		assertThat(answers.get("formVersion").asInt()).isEqualTo(1);
		assertThat(answers.get("answers").findValuesAsString("key")).containsExactly("model", "other-model", "screens",
				"needed-by", "vpn");
		assertThat(answers.get("answers").get(0).get("shown").asText()).isEqualTo("Other");
		assertThat(tickets.tasks(new TicketId(ticketId), TestFixtures.current(technician)))
			.extracting(task -> task.getTitle())
			.containsExactly("Order the laptop", "Install the image");

		catalogue.saveForm(item.getId(), new FormDefinition(List.of(modelField(), otherModelField())), admin);
		JsonNode again = itemIn(requesterApi.get("/api/v1/catalogue").json(), item.getId());
		assertThat(again.get("currentFormVersion").asInt()).as("a used form changes in a new version").isEqualTo(2);
		assertThat(again.get("forms").size()).isEqualTo(2);
		JsonNode kept = requesterApi.get("/api/v1/tickets/" + ticketId).json().get("formAnswers");
		assertThat(kept.get("formVersion").asInt()).as("the ticket keeps the version it was filed with").isEqualTo(1);
		assertThat(kept.get("answers").size()).isEqualTo(5);
	}

	@Test
	void aFileNameSentAsTheAnswerOfAnAttachmentFieldIsRefusedNamingTheFieldNotDroppedSilently() {
		CatalogueSection section = catalogue.addSection("Pièces", "Files", admin);
		CatalogueItem item = catalogue.addItem(section.getId(), new ItemDescription("Devis", "Quote", null, null, "file",
				TicketType.SERVICE_REQUEST, null, null, "Quote", List.of()), List.of(), List.of(), admin);
		catalogue.saveForm(item.getId(), new FormDefinition(List.of(new FormField("quote", FieldKind.ATTACHMENT, "Devis",
				"Quote", null, null, false, null, null, null, null, null, null, List.of(), null))), admin);

		Response refused = ApiClient.bearer(port, fixtures.token(requester)).post(requestsOf(item),
				Map.of("answers", Map.of("quote", "quote.pdf")));

		assertThat(refused.status()).as(refused.text()).isEqualTo(400);
		assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("answers.quote");
		assertThat(refused.text()).contains("attach the file to the ticket");
	}

	@Test
	void onlyThoseAnItemIsForSeeAndFileItAndOnlyTheTeamFilesForSomeoneElse() {
		CatalogueItem forFinance = laptopItem(List.of("Finance"), List.of());
		CatalogueItem forEveryone = laptopItem(List.of(), List.of());
		ApiClient requesterApi = ApiClient.bearer(port, fixtures.token(requester));
		assertThat(itemIn(requesterApi.get("/api/v1/catalogue").json(), forEveryone.getId())).isNotNull();
		assertThat(itemIn(requesterApi.get("/api/v1/catalogue").json(), forFinance.getId())).isNull();
		assertThat(requesterApi.post(requestsOf(forFinance), Map.of("answers", validAnswers())).status()).isEqualTo(404);

		User financier = fixtures.user("cat-finance", Role.REQUESTER);
		financier.setDepartment("finance");
		users.save(financier);
		ApiClient financierApi = ApiClient.bearer(port, fixtures.token(financier));
		assertThat(itemIn(financierApi.get("/api/v1/catalogue").json(), forFinance.getId())).isNotNull();

		Response forOther = requesterApi.post(requestsOf(forEveryone),
				Map.of("answers", validAnswers(), "requesterId", financier.getId()));
		assertThat(forOther.status()).as(forOther.text()).isEqualTo(403);

		ApiClient technicianApi = ApiClient.bearer(port, fixtures.token(technician));
		Response notForThem = technicianApi.post(requestsOf(forFinance),
				Map.of("answers", validAnswers(), "requesterId", requester.getId()));
		assertThat(notForThem.status()).as(notForThem.text()).isEqualTo(400);
		assertThat(notForThem.json().get("errors").get(0).get("field").asText()).isEqualTo("requesterId");
		Response onBehalf = technicianApi.post(requestsOf(forFinance),
				Map.of("answers", validAnswers(), "requesterId", financier.getId()));
		assertThat(onBehalf.status()).as(onBehalf.text()).isEqualTo(201);
		JsonNode ticket = financierApi.get("/api/v1/tickets/" + onBehalf.json().get("ticketId").asLong()).json();
		assertThat(ticket.get("requester").get("id").asLong()).isEqualTo(financier.getId());
		assertThat(ticket.get("registeredBy").get("id").asLong()).isEqualTo(technician.getId());
		assertThat(ticket.get("formAnswers").get("answers").size()).isEqualTo(4);
	}

	@Test
	void aManagerFilesForTheirDirectReportAsTheManagerStepsApproverAndIsRefusedForSomeoneOfAnotherTeam() {
		CatalogueItem item = laptopItem(List.of(), List.of());
		catalogue.requireApproval(item.getId(), List.of(new ItemApprovalStep(StepPlan.manager(), null)), admin);
		User manager = fixtures.user("cat-manager", Role.REQUESTER);
		User report = fixtures.user("cat-report", Role.REQUESTER);
		report.setManager(manager);
		users.save(report);
		ApiClient managerApi = ApiClient.bearer(port, fixtures.token(manager));

		Response filed = managerApi.post(requestsOf(item),
				Map.of("answers", validAnswers(), "requesterId", report.getId()), "Accept-Language", "en");
		assertThat(filed.status()).as(filed.text()).isEqualTo(201);
		long ticketId = filed.json().get("ticketId").asLong();
		JsonNode ticket = ApiClient.bearer(port, fixtures.token(report)).get("/api/v1/tickets/" + ticketId).json();
		assertThat(ticket.get("requester").get("id").asLong()).isEqualTo(report.getId());
		assertThat(ticket.get("registeredBy").get("id").asLong()).isEqualTo(manager.getId());
		assertThat(ticket.get("status").asText()).isNotEqualTo("PENDING");
		ApprovalView approval = approvals.ofTicket(new TicketId(ticketId)).orElseThrow();
		assertThat(approval.outcome()).isEqualTo(ApprovalOutcome.APPROVED);
		ApprovalView.Decision decision = approval.steps().get(0).decisions().get(0);
		assertThat(decision.decidedBy().id()).isEqualTo(manager.getId());
		assertThat(decision.verdict()).isEqualTo(Verdict.APPROVE);
		assertThat(decision.comment()).isEqualTo("Filed by the approver");

		Response notTheirs = managerApi.post(requestsOf(item),
				Map.of("answers", validAnswers(), "requesterId", requester.getId()), "Accept-Language", "en");
		assertThat(notTheirs.status()).as(notTheirs.text()).isEqualTo(403);
		assertThat(notTheirs.header("Content-Type")).startsWith("application/problem+json");
		assertThat(notTheirs.json().get("detail").asText()).contains("does not report to you");
		Response byTheReport = ApiClient.bearer(port, fixtures.token(report)).post(requestsOf(item),
				Map.of("answers", validAnswers(), "requesterId", manager.getId()));
		assertThat(byTheReport.status()).as(byTheReport.text()).isEqualTo(403);
	}

	private CatalogueItem laptopItem(List<String> departments, List<Long> groups) {
		CatalogueSection section = catalogue.addSection("Matériel", "Hardware", admin);
		CatalogueItem item = catalogue.addItem(section.getId(),
				new ItemDescription("Nouveau poste", "New laptop", "Un portable", "A laptop", "laptop",
						TicketType.SERVICE_REQUEST, category.getId(), group.getId(), "New laptop: {model} ({other-model})",
						List.of("Order the laptop", "Install the image")),
				departments, groups, admin);
		catalogue.saveForm(item.getId(), new FormDefinition(List.of(modelField(), otherModelField(),
				new FormField("screens", FieldKind.NUMBER, "Écrans", "Screens", null, null, true, "1", null, null, "1",
						"3", null, List.of(), null),
				new FormField("needed-by", FieldKind.DATE, "Pour le", "Needed by", null, null, true, null, null, null,
						null, null, null, List.of(), null),
				new FormField("vpn", FieldKind.YES_NO, "Accès VPN", "VPN access", null, null, false, null, null, null,
						null, null, null, List.of(), null))),
				admin);
		return item;
	}

	private static FormField modelField() {
		return new FormField("model", FieldKind.CHOICE, "Modèle", "Model", null, null, true, null, null, null, null, null,
				null, List.of(new FieldOption("standard", "Standard", "Standard"), new FieldOption("other", "Autre", "Other")),
				null);
	}

	private static FormField otherModelField() {
		return new FormField("other-model", FieldKind.SHORT_TEXT, "Lequel ?", "Which one?", null, null, true, null, null,
				null, null, null, null, List.of(), new FieldCondition("model", "other"));
	}

	private static Map<String, Object> validAnswers() {
		return Map.of("model", "standard", "screens", 1, "needed-by", "2026-12-24", "vpn", "no");
	}

	private static String requestsOf(CatalogueItem item) {
		return "/api/v1/catalogue/items/" + item.getId() + "/requests";
	}

	private static JsonNode itemIn(JsonNode catalogue, long itemId) {
		for (JsonNode section : catalogue.get("sections")) {
			for (JsonNode item : section.get("items")) {
				if (item.get("id").asLong() == itemId) {
					return item;
				}
			}
		}
		return null;
	}

}
