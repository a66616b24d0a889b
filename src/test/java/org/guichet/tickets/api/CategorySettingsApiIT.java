package org.guichet.tickets.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.testing.ApiClient;
import org.guichet.testing.ApiClient.Response;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.DeskSettings;
import org.guichet.tickets.PriorityMatrix;
import org.guichet.tickets.ReplyToResolved;
import org.guichet.tickets.RequesterSlaVisibility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Categories, the priority matrix and the desk settings through the API, for administrators only,
 * with the rules of Administration › Categories and › Settings (the same services).
 */
@GuichetIntegrationTest
class CategorySettingsApiIT {

	@Autowired
	TestFixtures fixtures;

	@Autowired
	DeskSettings settings;

	@Autowired
	WebApplicationContext context;

	@LocalServerPort
	int port;

	User adminUser;

	ApiClient admin;

	ApiClient technician;

	PriorityMatrix matrixBefore;

	@BeforeEach
	void setUp() {
		adminUser = fixtures.user("cat-admin", Role.ADMINISTRATOR);
		admin = ApiClient.bearer(port, fixtures.token(adminUser));
		technician = ApiClient.bearer(port, fixtures.token(fixtures.user("cat-tech", Role.TECHNICIAN)));
		matrixBefore = settings.priorityMatrix();
	}

	/** The desk settings are shared by every test of the application context. */
	@AfterEach
	void restoreSettings() {
		settings.savePriorityMatrix(matrixBefore);
		settings.saveReplyToResolved(ReplyToResolved.FLAG);
		settings.saveRequesterSlaVisibility(RequesterSlaVisibility.NONE);
	}

	@Test
	void categoriesAreCreatedMovedAndDeactivatedWithThePagesRules() throws Exception {
		assertThat(technician.get("/api/v1/categories").status()).isEqualTo(200);
		assertThat(technician.get("/api/v1/categories?all=true").status()).isEqualTo(403);
		assertThat(technician.post("/api/v1/categories", Map.of("name", "X")).status()).isEqualTo(403);

		String name = "Api printers " + UUID.randomUUID().toString().substring(0, 8);
		Response root = admin.post("/api/v1/categories", Map.of("name", name));
		assertThat(root.status()).as(root.toString()).isEqualTo(201);
		long rootId = root.json().get("id").asLong();
		assertThat(root.header("Location")).isEqualTo("/api/v1/categories/" + rootId);
		Response child = admin.post("/api/v1/categories", Map.of("name", "Paper jam", "parentId", rootId));
		assertThat(child.json().get("path").asText()).isEqualTo(name + " › Paper jam");
		long childId = child.json().get("id").asLong();

		Response taken = admin.post("/api/v1/categories", Map.of("name", "PAPER JAM", "parentId", rootId));
		assertThat(taken.status()).isEqualTo(400);
		assertThat(taken.json().get("code").asText()).isEqualTo("category.name-taken");
		Map<String, Object> cycle = new HashMap<>(Map.of("name", name, "parentId", childId));
		assertThat(admin.put("/api/v1/categories/" + rootId, cycle).status()).isEqualTo(428);
		Response refused = admin.put("/api/v1/categories/" + rootId, cycle, "If-Match", root.header("ETag"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("code").asText()).isEqualTo("category.parent-cycle");
		MockMvcBuilders.webAppContextSetup(context)
			.apply(springSecurity())
			.build()
			.perform(post("/admin/categories/" + rootId + "/edit").with(user(TestFixtures.current(adminUser)))
				.with(csrf())
				.param("name", name)
				.param("parentId", String.valueOf(childId))
				.param("version", "0"))
			.andExpect(model().attributeHasFieldErrorCode("categoryForm", "parentId", "category.parent-cycle"));

		Response renamed = admin.put("/api/v1/categories/" + childId, Map.of("name", "Paper jams", "parentId", rootId),
				"If-Match", child.header("ETag"));
		assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
		assertThat(admin.put("/api/v1/categories/" + childId, Map.of("name", "Late", "parentId", rootId), "If-Match",
				child.header("ETag")).status()).isEqualTo(412);

		assertThat(admin.post("/api/v1/categories/" + rootId + "/deactivate", Map.of()).json().get("active")
			.asBoolean()).isFalse();
		assertThat(admin.get("/api/v1/categories").text()).doesNotContain(name);
		assertThat(admin.get("/api/v1/categories?all=true").text()).contains(name, "Paper jams");
		assertThat(admin.post("/api/v1/categories/" + rootId + "/reactivate", Map.of()).json().get("active")
			.asBoolean()).isTrue();
		assertThat(technician.get("/api/v1/categories").text()).contains(name);
	}

	@Test
	void thePriorityMatrixAndTheDeskSettingsAreReplacedWholeWithTheirETag() {
		assertThat(technician.get("/api/v1/admin/settings/priority-matrix").status()).isEqualTo(403);
		Response read = admin.get("/api/v1/admin/settings/priority-matrix");
		JsonNode cells = read.json().get("cells");
		assertThat(cells.get("VERY_HIGH").get("VERY_HIGH").asText()).isEqualTo(
				matrixBefore.cell(org.guichet.tickets.Urgency.VERY_HIGH, org.guichet.tickets.Impact.VERY_HIGH).name());

		Map<String, Map<String, String>> grid = new HashMap<>();
		cells.properties().forEach(row -> {
			Map<String, String> impacts = new HashMap<>();
			row.getValue().properties().forEach(cell -> impacts.put(cell.getKey(), cell.getValue().asText()));
			grid.put(row.getKey(), impacts);
		});
		grid.get("LOW").remove("LOW");
		Response incomplete = admin.put("/api/v1/admin/settings/priority-matrix", Map.of("cells", grid));
		assertThat(incomplete.status()).isEqualTo(400);
		assertThat(incomplete.json().get("code").asText()).isEqualTo("admin.settings.matrix.incomplete");
		grid.get("LOW").put("LOW", "MAJOR");
		Response saved = admin.put("/api/v1/admin/settings/priority-matrix", Map.of("cells", grid), "If-Match",
				read.header("ETag"));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		assertThat(saved.json().get("cells").get("LOW").get("LOW").asText()).isEqualTo("MAJOR");
		assertThat(admin.put("/api/v1/admin/settings/priority-matrix", Map.of("cells", grid), "If-Match",
				read.header("ETag")).status()).isEqualTo(412);

		assertThat(admin.put("/api/v1/admin/settings/reply-to-resolved", Map.of()).json().get("field").asText())
			.isEqualTo("replyToResolved");
		assertThat(admin.put("/api/v1/admin/settings/reply-to-resolved", Map.of("replyToResolved", "REFUSE")).json()
			.get("replyToResolved").asText()).isEqualTo("REFUSE");
		assertThat(settings.replyToResolved()).isEqualTo(ReplyToResolved.REFUSE);
		Response sla = admin.put("/api/v1/admin/settings/requester-sla",
				Map.of("requesterSla", "EXPECTED_RESOLUTION"));
		assertThat(sla.status()).as(sla.toString()).isEqualTo(200);
		assertThat(settings.requesterSlaVisibility()).isEqualTo(RequesterSlaVisibility.EXPECTED_RESOLUTION);
	}

}
