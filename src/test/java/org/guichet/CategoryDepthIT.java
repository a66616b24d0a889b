package org.guichet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.guichet.calendars.Calendars;
import org.guichet.calendars.StandardCalendars;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.sla.SlaManagement;
import org.guichet.sla.SlaPolicy;
import org.guichet.sla.SlaPolicyRepository;
import org.guichet.sla.SlaView;
import org.guichet.testing.ApiClient;
import org.guichet.testing.ApiClient.Response;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Categories;
import org.guichet.tickets.Category;
import org.guichet.tickets.CategoryRepository;
import org.guichet.tickets.Priority;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * "A category and its sub-categories" at every depth, for every place that asks it: SLA policy
 * conditions, routing conditions, technicians' skills, and the queue and API filters. The tree:
 * Software › Mail › Webmail › Attachments (depths 1 to 4) and Hardware; each root has its SLA
 * policy, its routing rule to its own round-robin group, and its skilled technician (both are
 * members of both groups). Then Mail moves, with its sub-categories, under Hardware through the
 * administration page, and every answer follows it.
 */
@GuichetIntegrationTest
class CategoryDepthIT {

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private CategoryRepository categories;

	@Autowired
	private Categories tree;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private SlaPolicyRepository policies;

	@Autowired
	private SlaManagement sla;

	@Autowired
	private Calendars calendars;

	@LocalServerPort
	private int port;

	private MockMvc mvc;

	private User adminUser;

	private ApiClient admin;

	private ApiClient requester;

	private final String marker = "Depth " + UUID.randomUUID().toString().substring(0, 8);

	private Category software;

	private Category hardware;

	/** Software, Mail, Webmail, Attachments: depths 1 to 4. */
	private List<Category> softwareLine;

	private final Map<Category, Root> roots = new HashMap<>();

	private final List<Long> rules = new ArrayList<>();

	private final List<String> registered = new ArrayList<>();

	/** What a root category brings: its SLA policy, its group, and the technician skilled in it. */
	private record Root(String policy, SupportGroup group, User technician) {
	}

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		adminUser = fixtures.user("category-admin", Role.ADMINISTRATOR);
		admin = ApiClient.bearer(port, fixtures.token(adminUser));
		requester = ApiClient.bearer(port, fixtures.token(fixtures.user("category-requester", Role.REQUESTER)));
		software = fixtures.category("Software");
		Category mail = categories.save(new Category("Mail", software));
		Category webmail = categories.save(new Category("Webmail", mail));
		Category attachments = categories.save(new Category("Attachments", webmail));
		softwareLine = List.of(software, mail, webmail, attachments);
		hardware = fixtures.category("Hardware");

		User softwareTech = fixtures.user("software-tech", Role.TECHNICIAN);
		User hardwareTech = fixtures.user("hardware-tech", Role.TECHNICIAN);
		skill(softwareTech, software);
		skill(hardwareTech, hardware);
		roots.put(software, root(software, softwareTech, hardwareTech, softwareTech));
		roots.put(hardware, root(hardware, softwareTech, hardwareTech, hardwareTech));
	}

	@AfterEach
	void deleteRules() {
		rules.forEach(id -> admin.delete("/api/v1/routing-rules/" + id));
	}

	@Test
	void everyDepthUnderARootCategoryFollowsItsPolicyItsRuleItsSkillsAndItsFilter() throws Exception {
		List<JsonNode> tickets = registerAtEveryDepth("before");

		for (int depth = 1; depth <= 4; depth++) {
			assertFollows(tickets.get(depth - 1), software, "depth " + depth);
		}
		assertFilterLists(software, tickets);
		assertFilterLists(hardware, List.of());
	}

	@Test
	void aSubTreeMovedUnderAnotherParentTakesItsPolicyItsRuleItsSkillsAndItsFilter() throws Exception {
		List<JsonNode> before = registerAtEveryDepth("before");
		MockHttpSession session = login(adminUser);
		Category mail = softwareLine.get(1);

		mvc.perform(post("/admin/categories/" + mail.getId() + "/edit").session(session)
			.with(csrf())
			.param("name", mail.getName())
			.param("parentId", String.valueOf(hardware.getId()))
			.param("version", String.valueOf(mail.getVersion()))).andExpect(redirectedUrl("/admin/categories"));

		List<JsonNode> after = registerAtEveryDepth("after");
		assertFollows(after.get(0), software, "Software itself");
		for (int depth = 2; depth <= 4; depth++) {
			assertFollows(after.get(depth - 1), hardware, "depth " + depth + " of Software, now " + depth
					+ " of Hardware");
		}
		assertFilterLists(software, List.of(before.get(0), after.get(0)));
		assertFilterLists(hardware, List.of(before.get(1), before.get(2), before.get(3), after.get(1), after.get(2),
				after.get(3)));
	}

	@Test
	void aRootCannotMoveUnderItsSubCategoryThreeLevelsDownAndTheFormSaysWhy() throws Exception {
		MockHttpSession session = login(adminUser);
		Category attachments = softwareLine.get(3);

		mvc.perform(post("/admin/categories/" + software.getId() + "/edit").session(session)
			.with(csrf())
			.param("name", software.getName())
			.param("parentId", String.valueOf(attachments.getId()))
			.param("version", String.valueOf(software.getVersion())))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("categoryForm", "parentId", "category.parent-cycle"))
			.andExpect(content().string(containsString("id=\"parentId-error\"")))
			.andExpect(content().string(containsString(software.getName() + " › Mail › Webmail › Attachments")));

		assertThat(categories.findById(software.getId()).orElseThrow().getParent()).isNull();
		assertFilterLists(software, registerAtEveryDepth("still"));
	}

	@Test
	void aSecondCategoryOfTheSameNameUnderTheSameParentIsRefusedNextToTheName() throws Exception {
		MockHttpSession session = login(adminUser);
		long before = categories.count();
		mvc.perform(post("/admin/categories/new").session(session)
			.with(csrf())
			.param("name", "WEBMAIL")
			.param("parentId", String.valueOf(softwareLine.get(1).getId())))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("categoryForm", "name", "category.name-taken"))
			.andExpect(content().string(containsString("value=\"WEBMAIL\"")));
		assertThat(categories.count()).isEqualTo(before);
	}

	@Test
	void aSubCategoryOfADeactivatedCategoryIsRefusedAtEveryDepthAndTheListsShowTheTreeInOrder() {
		Category mail = softwareLine.get(1);
		mail.setActive(false);
		categories.save(mail);
		for (int depth = 2; depth <= 4; depth++) {
			Response response = requester.post("/api/v1/tickets",
					Map.of("type", "INCIDENT", "title", marker + " hidden " + depth, "description", "Details",
							"urgency", "MEDIUM", "categoryId", softwareLine.get(depth - 1).getId()));
			assertThat(response.status()).as("depth %d: %s", depth, response).isEqualTo(400);
			assertThat(response.json().get("field").asString()).isEqualTo("categoryId");
		}
		List<Long> ordered = categories.findAllOrdered().stream().map(Category::getId).toList();
		List<Long> line = softwareLine.stream().map(Category::getId).toList();
		int first = ordered.indexOf(line.get(0));
		assertThat(ordered.subList(first, first + 4)).as("each right under its parent").isEqualTo(line);
	}

	private List<JsonNode> registerAtEveryDepth(String moment) {
		List<JsonNode> tickets = new ArrayList<>();
		for (int depth = 1; depth <= 4; depth++) {
			Category category = softwareLine.get(depth - 1);
			Response response = requester.post("/api/v1/tickets",
					Map.of("type", "INCIDENT", "title", marker + " " + moment + " at depth " + depth, "description",
							"Details", "urgency", "MEDIUM", "categoryId", category.getId()));
			assertThat(response.status()).as(response.toString()).isEqualTo(201);
			tickets.add(response.json());
			registered.add(response.json().get("title").asString());
		}
		return tickets;
	}

	private void assertFollows(JsonNode ticket, Category root, String where) {
		Root expected = roots.get(root);
		assertThat(sla.of(new TicketId(ticket.get("id").asLong())).map(SlaView::policy)).as("SLA policy at %s", where)
			.contains(expected.policy());
		assertThat(ticket.path("group").path("id").asLong()).as("routed group at %s", where)
			.isEqualTo(expected.group().getId());
		assertThat(ticket.path("assignee").path("id").asLong()).as("skilled technician at %s", where)
			.isEqualTo(expected.technician().getId());
	}

	/** The API's filter and the agent's queue list exactly these of the tickets this test registered. */
	private void assertFilterLists(Category root, List<JsonNode> expected) throws Exception {
		List<String> titles = expected.stream().map(ticket -> ticket.get("title").asString()).toList();
		Response listed = admin.get("/api/v1/tickets?queue=ALL&size=100&categoryId=" + root.getId() + "&text="
				+ marker.replace(' ', '+'));
		assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
		assertThat(listed.json().get("items").values().stream().map(t -> t.get("title").asString()).toList())
			.as("API filter on %s", root.getName())
			.containsExactlyInAnyOrderElementsOf(titles);

		String queue = mvc.perform(get("/agent").session(login(adminUser))
			.param("queue", "ALL")
			.param("categoryId", String.valueOf(root.getId()))
			.param("text", marker)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(registered).as("queue filter on %s", root.getName())
			.allSatisfy(title -> assertThat(queue.contains(title)).as(title).isEqualTo(titles.contains(title)));
	}

	private Root root(Category root, User softwareTech, User hardwareTech, User skilled) {
		String name = "Policy " + root.getName();
		long calendarId = calendars.define("24/7 " + name, StandardCalendars.twentyFourSeven()).id();
		SlaPolicy policy = new SlaPolicy(name, calendarId);
		policy.conditions(null, root.getId(), null, null);
		for (Priority priority : Priority.values()) {
			policy.target(TicketType.INCIDENT, priority, Duration.ofHours(1), Duration.ofHours(8));
		}
		policies.save(policy);
		SupportGroup group = fixtures.group(SupportLevel.N1, softwareTech, hardwareTech);
		String assignment = "/api/v1/groups/" + group.getId() + "/assignment";
		assertThat(admin.put(assignment, Map.of("mode", "ROUND_ROBIN"), "If-Match", admin.get(assignment).header("ETag"))
			.status()).isEqualTo(200);
		Response rule = admin.post("/api/v1/routing-rules", Map.of("name", root.getName() + " to " + group.getName(),
				"conditions", Map.of("categoryId", root.getId()), "actions", Map.of("groupId", group.getId()), "active", true,
				"stopHere", false));
		assertThat(rule.status()).as(rule.toString()).isEqualTo(201);
		rules.add(rule.json().get("id").asLong());
		return new Root(name, group, skilled);
	}

	private void skill(User technician, Category category) {
		String skills = "/api/v1/technicians/" + technician.getId() + "/skills";
		Response response = admin.put(skills, Map.of("categoryIds", List.of(category.getId())), "If-Match",
				admin.get(skills).header("ETag"));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
	}

	private MockHttpSession login(User user) throws Exception {
		return (MockHttpSession) mvc.perform(formLogin("/login").user(user.getUsername()).password(TestFixtures.PASSWORD))
			.andExpect(authenticated())
			.andReturn()
			.getRequest()
			.getSession(false);
	}


	/**
	 * A tree read after a transaction's own new category, then rolled back, is never the one the
	 * next transactions get: the next category committed gives the same count and versions, and
	 * would be missing from every filter, rule and report (seen as empty queue lists).
	 */
	@Test
	void aTreeReadBeforeARollbackIsNotTheOneTheNextCategoryFinds() {
		transactions.executeWithoutResult(status -> {
			Category phantom = categories.saveAndFlush(new Category("Rolled back " + UUID.randomUUID(), null));
			assertThat(tree.lineage(phantom.getId())).containsExactly(phantom.getId());
			status.setRollbackOnly();
		});
		Category real = categories.save(new Category("Committed " + UUID.randomUUID(), null));

		assertThat(tree.lineage(real.getId())).containsExactly(real.getId());
	}

}
