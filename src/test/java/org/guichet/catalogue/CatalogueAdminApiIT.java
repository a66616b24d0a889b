package org.guichet.catalogue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.testing.ApiClient;
import org.guichet.testing.ApiClient.Response;
import org.guichet.testing.DatabaseNeutral;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Administration › Catalogue through the API, with the rules of the pages: sections, items, an
 * item's form and its approval steps, every refusal naming its field, stale changes refused.
 */
@GuichetIntegrationTest
@DatabaseNeutral
class CatalogueAdminApiIT {

	private static final String ADMIN = "/api/v1/admin/catalogue";

	@Autowired
	private TestFixtures fixtures;

	@LocalServerPort
	private int port;

	private ApiClient admin;

	private User requester;

	private SupportGroup group;

	@BeforeEach
	void setUp() {
		admin = ApiClient.bearer(port, fixtures.token(fixtures.user("cat-api-admin", Role.ADMINISTRATOR)));
		requester = fixtures.user("cat-api-requester", Role.REQUESTER);
		group = fixtures.group(SupportLevel.N1, fixtures.user("cat-api-approver", Role.TECHNICIAN));
	}

	@Test
	void anAdministratorBuildsAnItemItsFormAndItsApprovalAndRequestersAreOfferedIt() {
		Response section = admin.post(ADMIN + "/sections", Map.of("labelFr", "Matériel", "labelEn", "Hardware"));
		assertThat(section.status()).as(section.text()).isEqualTo(201);
		long sectionId = section.json().get("id").asLong();
		assertThat(section.header("Location")).isEqualTo(ADMIN + "/sections/" + sectionId);

		Response created = admin.post(ADMIN + "/items", item(sectionId, "Docking station"));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		long itemId = created.json().get("id").asLong();
		assertThat(created.header("ETag")).isEqualTo("\"" + created.json().get("version").asLong() + "\"");
		assertThat(created.json().get("fieldCount").asInt()).isZero();
		assertThat(offered(itemId)).as("an item without a field is offered to nobody").isFalse();

		Response form = admin.get(ADMIN + "/items/" + itemId + "/form");
		assertThat(form.json().get("version").asInt()).isEqualTo(1);
		String stamp = form.header("ETag");
		Response saved = admin.put(ADMIN + "/items/" + itemId + "/form", Map.of("fields", List.of(Map.of("key", "model",
				"kind", "CHOICE", "labelFr", "Modèle", "labelEn", "Model", "required", true, "options",
				List.of(Map.of("value", "usb-c", "labelFr", "USB-C", "labelEn", "USB-C"))))), "If-Match", stamp);
		assertThat(saved.status()).as(saved.text()).isEqualTo(200);
		assertThat(saved.json().get("fields").get(0).get("key").asString()).isEqualTo("model");
		assertThat(saved.header("ETag")).as("the form's stamp moves with each save").isNotEqualTo(stamp);
		assertThat(offered(itemId)).isTrue();

		Response steps = admin.put(ADMIN + "/items/" + itemId + "/approval-steps", Map.of("approvalSteps",
				List.of(Map.of("kind", "MANAGER"), Map.of("kind", "GROUP", "targetId", group.getId(), "quorum",
						"PERCENT", "percent", 50, "skipField", "model", "skipValue", "usb-c"))));
		assertThat(steps.status()).as(steps.text()).isEqualTo(200);
		JsonNode asked = steps.json().get("approvalSteps").get(1);
		assertThat(asked.get("quorum").asString()).isEqualTo("PERCENT");
		assertThat(asked.get("percent").asInt()).isEqualTo(50);
		assertThat(asked.get("skipComparison").asString()).isEqualTo("EQUALS");

		Response read = admin.get(ADMIN + "/items/" + itemId);
		Map<String, Object> inactive = new HashMap<>(item(sectionId, "Docking station (retired)"));
		inactive.put("active", false);
		Response replaced = admin.put(ADMIN + "/items/" + itemId, inactive, "If-Match", read.header("ETag"));
		assertThat(replaced.status()).as(replaced.text()).isEqualTo(200);
		assertThat(replaced.json().get("labelEn").asString()).isEqualTo("Docking station (retired)");
		assertThat(replaced.json().get("version").asLong()).isGreaterThan(read.json().get("version").asLong());
		assertThat(offered(itemId)).as("an inactive item is offered to nobody").isFalse();

		JsonNode listed = admin.get(ADMIN).json().get("sections").valueStream()
			.filter(s -> s.get("id").asLong() == sectionId).findFirst().orElseThrow();
		assertThat(listed.get("items").get(0).get("active").asBoolean()).as("administrators see inactive items")
			.isFalse();
	}

	@Test
	void wrongInputIsRefusedNamingEveryFieldAndNothingIsSaved() {
		long sectionId = admin.post(ADMIN + "/sections", Map.of("labelFr", "Logiciels", "labelEn", "Software")).json()
			.get("id").asLong();
		Map<String, Object> wrong = new HashMap<>(item(sectionId, " "));
		wrong.put("icon", "a laptop!");
		Response refused = admin.post(ADMIN + "/items", wrong);
		assertThat(refused.status()).as(refused.text()).isEqualTo(400);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.json().get("errors").findValuesAsString("field")).contains("labelEn", "icon");

		long itemId = admin.post(ADMIN + "/items", item(sectionId, "Licence")).json().get("id").asLong();
		String stamp = admin.get(ADMIN + "/items/" + itemId + "/form").header("ETag");
		Response badForm = admin.put(ADMIN + "/items/" + itemId + "/form", Map.of("fields", List.of(Map.of("key",
				"seats", "kind", "WHOLE_NUMBER", "labelFr", "Postes", "labelEn", "Seats", "required", false, "maxLength",
				3))),
				"If-Match", stamp);
		assertThat(badForm.status()).as(badForm.text()).isEqualTo(400);
		assertThat(badForm.json().get("field").asString()).isEqualTo("fields.seats.maxLength");
		assertThat(admin.get(ADMIN + "/items/" + itemId + "/form").json().get("fields").size()).isZero();

		Response badSteps = admin.put(ADMIN + "/items/" + itemId + "/approval-steps", Map.of("approvalSteps",
				List.of(Map.of("kind", "USER"), Map.of("kind", "GROUP", "targetId", group.getId(), "quorum", "PERCENT",
						"percent", 150))));
		assertThat(badSteps.status()).as(badSteps.text()).isEqualTo(400);
		assertThat(badSteps.json().get("errors").findValuesAsString("field"))
			.containsExactly("approvalSteps[0].targetId", "approvalSteps[1].percent");
		assertThat(admin.get(ADMIN + "/items/" + itemId).json().get("approvalSteps").size()).isZero();
	}

	@Test
	void anUnknownItemOrSectionIsNotFoundAndASectionHoldingItemsIsNotDeleted() {
		assertThat(admin.get(ADMIN + "/items/987654321").status()).isEqualTo(404);
		assertThat(admin.get(ADMIN + "/items/987654321/form").status()).isEqualTo(404);
		assertThat(admin.put(ADMIN + "/sections/987654321", Map.of("labelFr", "A", "labelEn", "A")).status())
			.isEqualTo(404);
		assertThat(admin.delete(ADMIN + "/sections/987654321").status()).isEqualTo(404);

		long held = admin.post(ADMIN + "/sections", Map.of("labelFr", "Accès", "labelEn", "Access")).json().get("id")
			.asLong();
		admin.post(ADMIN + "/items", item(held, "Badge"));
		Response refused = admin.delete(ADMIN + "/sections/" + held);
		assertThat(refused.status()).as(refused.text()).isEqualTo(409);
		assertThat(refused.json().get("code").asString()).isEqualTo("catalogue.section.not-empty");

		long empty = admin.post(ADMIN + "/sections", Map.of("labelFr", "Vide", "labelEn", "Empty")).json().get("id")
			.asLong();
		Response renamed = admin.put(ADMIN + "/sections/" + empty, Map.of("labelFr", "Vide !", "labelEn", "Empty!"));
		assertThat(renamed.json().get("labelEn").asString()).isEqualTo("Empty!");
		assertThat(admin.delete(ADMIN + "/sections/" + empty).status()).isEqualTo(204);
	}

	@Test
	void aChangeMadeOnAStaleItemOrFormIsRefusedAndOneNamingNoVersionToo() {
		long sectionId = admin.post(ADMIN + "/sections", Map.of("labelFr", "Comptes", "labelEn", "Accounts")).json()
			.get("id").asLong();
		Response created = admin.post(ADMIN + "/items", item(sectionId, "Shared mailbox"));
		long itemId = created.json().get("id").asLong();
		String first = created.header("ETag");
		assertThat(admin.put(ADMIN + "/items/" + itemId, item(sectionId, "Mailbox"), "If-Match", first).status())
			.isEqualTo(200);
		Response stale = admin.put(ADMIN + "/items/" + itemId, item(sectionId, "Other"), "If-Match", first);
		assertThat(stale.status()).as(stale.text()).isEqualTo(412);
		assertThat(stale.json().get("code").asString()).isEqualTo("record.version-stale");
		assertThat(stale.json().get("currentVersion").asLong()).isEqualTo(admin.get(ADMIN + "/items/" + itemId).json()
			.get("version").asLong());
		assertThat(admin.put(ADMIN + "/items/" + itemId, item(sectionId, "Other")).status()).isEqualTo(428);

		String stamp = admin.get(ADMIN + "/items/" + itemId + "/form").header("ETag");
		Map<String, Object> form = Map.of("fields", List.of(Map.of("key", "name", "kind", "SHORT_TEXT", "labelFr",
				"Nom", "labelEn", "Name", "required", false)));
		assertThat(admin.put(ADMIN + "/items/" + itemId + "/form", form, "If-Match", stamp).status()).isEqualTo(200);
		Response staleForm = admin.put(ADMIN + "/items/" + itemId + "/form", Map.of("fields", List.of()), "If-Match",
				stamp);
		assertThat(staleForm.status()).as(staleForm.text()).isEqualTo(412);
		assertThat(staleForm.json().get("code").asString()).isEqualTo("record.tag-stale");
		assertThat(staleForm.json().get("currentETag").asString())
			.isEqualTo(admin.get(ADMIN + "/items/" + itemId + "/form").header("ETag"));
		Response unnamed = admin.put(ADMIN + "/items/" + itemId + "/form", form);
		assertThat(unnamed.status()).isEqualTo(428);
		assertThat(unnamed.json().get("detail").asString()).as("the form names its state stamp").contains("stamp");
		for (String notAStamp : List.of("*", "\"abc\"")) {
			Response malformed = admin.put(ADMIN + "/items/" + itemId + "/form", form, "If-Match", notAStamp);
			assertThat(malformed.status()).as(notAStamp + ": " + malformed.text()).isEqualTo(400);
			assertThat(malformed.json().get("code").asString()).isEqualTo("request.if-match-invalid");
		}
	}

	@Test
	void anItemIsWrittenWholeAsItIsReadAndItsStepsAsTheyAreAsked() {
		long sectionId = admin.post(ADMIN + "/sections", Map.of("labelFr", "Réseau", "labelEn", "Network")).json()
			.get("id").asLong();
		Response empty = admin.post(ADMIN + "/items", Map.of());
		assertThat(empty.status()).as(empty.text()).isEqualTo(400);
		assertThat(empty.json().get("errors").findValuesAsString("field")).containsExactly("sectionId", "labelFr",
				"labelEn", "icon", "ticketType", "titleTemplate", "tasks", "departments", "groups", "active");

		Map<String, Object> retired = new HashMap<>(item(sectionId, "Modem"));
		retired.put("active", false);
		Response created = admin.post(ADMIN + "/items", retired);
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(created.json().get("active").asBoolean()).as("active false is kept at creation").isFalse();
		long itemId = created.json().get("id").asLong();

		Response allOfOne = admin.put(ADMIN + "/items/" + itemId + "/approval-steps", Map.of("approvalSteps",
				List.of(Map.of("kind", "USER", "targetId", requester.getId(), "quorum", "ALL"))));
		assertThat(allOfOne.status()).as(allOfOne.text()).isEqualTo(400);
		assertThat(allOfOne.json().get("field").asString()).isEqualTo("approvalSteps[0].quorum");
		assertThat(allOfOne.json().get("code").asString()).isEqualTo("catalogue.approval.person-quorum");
		Response none = admin.put(ADMIN + "/items/" + itemId + "/approval-steps", Map.of());
		assertThat(none.status()).as("{} deletes no step: " + none.text()).isEqualTo(400);
		assertThat(none.json().get("field").asString()).isEqualTo("approvalSteps");
	}

	@Test
	void onlyAdministratorsManageTheCatalogue() {
		ApiClient technician = ApiClient.bearer(port, fixtures.token(fixtures.user("cat-api-tech", Role.TECHNICIAN)));
		assertThat(technician.get(ADMIN).status()).isEqualTo(403);
		assertThat(technician.post(ADMIN + "/sections", Map.of("labelFr", "X", "labelEn", "X")).status())
			.isEqualTo(403);
		assertThat(ApiClient.anonymous(port).get(ADMIN).status()).isEqualTo(401);
	}

	private boolean offered(long itemId) {
		return ApiClient.bearer(port, fixtures.token(requester)).get("/api/v1/catalogue").json().get("sections")
			.valueStream().flatMap(section -> section.get("items").valueStream())
			.anyMatch(item -> item.get("id").asLong() == itemId);
	}

	private static Map<String, Object> item(long sectionId, String labelEn) {
		return Map.of("sectionId", sectionId, "labelFr", labelEn, "labelEn", labelEn, "icon", "laptop", "ticketType",
				"SERVICE_REQUEST", "titleTemplate", labelEn, "tasks", List.of("Order it"), "departments", List.of(),
				"groups", List.of(), "active", true);
	}

}
