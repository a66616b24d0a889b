package org.guichet.tickets.api;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.guichet.calendars.Calendars;
import org.guichet.calendars.StandardCalendars;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.sla.SlaPolicy;
import org.guichet.sla.SlaPolicyRepository;
import org.guichet.testing.ApiClient;
import org.guichet.testing.ApiClient.Response;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.DeskSettings;
import org.guichet.tickets.Priority;
import org.guichet.tickets.RequesterSlaVisibility;
import org.guichet.tickets.TicketType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Every part of a ticket, through the API and the pages, as its requester, another requester,
 * a technician of its group and an administrator: 404 for what one may not see (a ticket one
 * does not see, a part internal to the IT team), the filtered content for what one may, 403
 * only for an action on a ticket one sees but whose role may not do it. And what a requester
 * sees of the SLA is the same everywhere, as the administrator chose.
 */
@GuichetIntegrationTest
class TicketSubResourcesIT {

	private static final String NONE = "NONE";

	@Autowired
	TestFixtures fixtures;

	@Autowired
	Calendars calendars;

	@Autowired
	SlaPolicyRepository policies;

	@Autowired
	UserRepository users;

	@Autowired
	DeskSettings settings;

	@Autowired
	WebApplicationContext context;

	@LocalServerPort
	int port;

	User aliceUser;

	User technicianUser;

	User adminUser;

	/** Every reader, in the order of the expected codes below. */
	Map<String, ApiClient> readers;

	ApiClient alice;

	ApiClient bob;

	ApiClient technician;

	long id;

	String path;

	long publicFile;

	long internalFile;

	long task;

	@BeforeEach
	void setUp() {
		String department = "Sub-resources " + UUID.randomUUID();
		SlaPolicy policy = new SlaPolicy("Policy " + department,
				calendars.define("24/7 " + department, StandardCalendars.twentyFourSeven()).id());
		policy.conditions(null, null, department, null);
		for (Priority priority : Priority.values()) {
			policy.target(TicketType.INCIDENT, priority, Duration.ofHours(1), Duration.ofHours(4));
		}
		policies.save(policy);
		aliceUser = fixtures.user("alice", Role.REQUESTER);
		aliceUser.setDepartment(department);
		users.save(aliceUser);
		technicianUser = fixtures.user("tech", Role.TECHNICIAN);
		SupportGroup group = fixtures.group(SupportLevel.N1, technicianUser);
		adminUser = fixtures.user("admin", Role.ADMINISTRATOR);
		alice = basic(aliceUser);
		bob = basic(fixtures.user("bob", Role.REQUESTER));
		technician = basic(technicianUser);
		readers = new LinkedHashMap<>();
		readers.put("requester", alice);
		readers.put("other requester", bob);
		readers.put("agent", technician);
		readers.put("administrator", basic(adminUser));

		id = alice.post("/api/v1/tickets", TicketApiIT.newTicket("Alice's screen")).json().get("id").asLong();
		path = "/api/v1/tickets/" + id;
		ok(technician.post(path + "/assign", Map.of("groupId", group.getId(), "assigneeId", technicianUser.getId())));
		ok(technician.post(path + "/comments", Map.of("body", "Internal: screen batch recalled", "internal", true)));
		ok(technician.post(path + "/comments", Map.of("body", "We are on it", "internal", false)));
		publicFile = ok(technician.upload(path + "/attachments", "procedure.txt", "text/plain",
				"restart".getBytes(StandardCharsets.UTF_8), false)).json().get("id").asLong();
		internalFile = ok(technician.upload(path + "/attachments", "supplier-contract.txt", "text/plain",
				"secret".getBytes(StandardCharsets.UTF_8), true)).json().get("id").asLong();
		task = ok(technician.post(path + "/tasks", Map.of("title", "Order a new screen"))).json().get("id").asLong();
	}

	@AfterEach
	void restoreTheSetting() {
		settings.saveRequesterSlaVisibility(RequesterSlaVisibility.NONE);
	}

	@Test
	void everyPartOfATicketAnswersEachReaderByOneRule() {
		settings.saveRequesterSlaVisibility(RequesterSlaVisibility.NONE);
		Map<String, List<Integer>> expected = new LinkedHashMap<>();
		// requester, other requester, agent, administrator
		expected.put(path, List.of(200, 404, 200, 200));
		expected.put(path + "/comments", List.of(200, 404, 200, 200));
		expected.put(path + "/history", List.of(200, 404, 200, 200));
		expected.put(path + "/attachments", List.of(200, 404, 200, 200));
		expected.put(path + "/attachments/" + publicFile, List.of(200, 404, 200, 200));
		expected.put(path + "/attachments/" + internalFile, List.of(404, 404, 200, 200));
		expected.put(path + "/tasks", List.of(404, 404, 200, 200));
		expected.put(path + "/escalations", List.of(404, 404, 200, 200));
		expected.put(path + "/sla", List.of(404, 404, 200, 200));
		expected.put("/tickets/" + id + "/attachments/" + publicFile, List.of(200, 404, 200, 200));
		expected.put("/tickets/" + id + "/attachments/" + internalFile, List.of(404, 404, 200, 200));
		expected.put("/portal/tickets/" + id, List.of(200, 404, 200, 200));
		expected.put("/portal/tickets/" + id + "/sla", List.of(404, 404, 200, 200));
		// the agent workspace is closed to requesters as a whole, whatever the ticket
		expected.put("/agent/tickets/" + id + "/sla", List.of(403, 403, 200, 200));
		assertThat(matrix(expected.keySet())).isEqualTo(expected);
	}

	@Test
	void writingAnInternalPartIsNotFoundForARequesterAndAnActionOfTheTeamIsForbidden() {
		Map<String, Integer> aliceGets = new LinkedHashMap<>();
		Map<String, Integer> bobGets = new LinkedHashMap<>();
		List<Map.Entry<String, Function<ApiClient, Response>>> writes = List.of(
				Map.entry("POST /tasks", c -> c.post(path + "/tasks", Map.of("title", "Mine"))),
				Map.entry("PATCH /tasks/{id}", c -> c.patch(path + "/tasks/" + task, Map.of("status", "DONE"))),
				Map.entry("POST /escalations",
						c -> c.post(path + "/escalations", Map.of("kind", "HIERARCHICAL", "reason", "Faster"))),
				Map.entry("PATCH", c -> c.patch(path, Map.of("title", "Mine now", "version", 0))),
				Map.entry("POST /assign", c -> c.post(path + "/assign", Map.of("assigneeId", aliceUser.getId()))),
				Map.entry("POST /comments internal",
						c -> c.post(path + "/comments", Map.of("body", "psst", "internal", true))));
		for (var write : writes) {
			aliceGets.put(write.getKey(), write.getValue().apply(alice).status());
			bobGets.put(write.getKey(), write.getValue().apply(bob).status());
		}
		assertThat(aliceGets).containsExactly(Map.entry("POST /tasks", 404), Map.entry("PATCH /tasks/{id}", 404),
				Map.entry("POST /escalations", 404), Map.entry("PATCH", 403), Map.entry("POST /assign", 403),
				Map.entry("POST /comments internal", 403));
		assertThat(bobGets.values()).as("a ticket one does not see").containsOnly(404);
		assertThat(technician.get(path + "/tasks").json()).singleElement()
			.satisfies(t -> assertThat(t.get("status").asString()).isEqualTo("TODO"));
	}

	@Test
	void whatARequesterMaySeeComesFiltered() {
		assertThat(alice.get(path + "/comments").text()).contains("We are on it").doesNotContain("Internal:");
		assertThat(technician.get(path + "/comments").text()).contains("Internal:");
		assertThat(alice.get(path + "/attachments").text()).contains("procedure.txt")
			.doesNotContain("supplier-contract.txt");
		assertThat(alice.get(path + "/history").text()).doesNotContain("Order a new screen")
			.doesNotContain("slaTtrDeadline");
	}

	@Test
	void withNothingShownARequesterSeesNoSlaAnywhere() throws Exception {
		settings.saveRequesterSlaVisibility(RequesterSlaVisibility.NONE);
		JsonNode ticket = alice.get(path).json();
		assertThat(ticket.has("sla")).isFalse();
		assertThat(ticket.get("slaState").isNull()).isTrue();
		assertThat(ticket.get("slaDueAt").isNull()).isTrue();
		JsonNode listed = alice.get("/api/v1/tickets?size=100").json().get("items").get(0);
		assertThat(listed.get("slaState").isNull()).isTrue();
		assertThat(listed.get("slaDueAt").isNull()).isTrue();
		assertThat(alice.get(path + "/sla").status()).isEqualTo(404);
		mvc().perform(get("/portal/tickets/" + id).with(user(current(aliceUser))))
			.andExpect(content().string(not(containsString("/portal/tickets/" + id + "/sla"))));

		JsonNode seenByTheTeam = technician.get(path).json();
		assertThat(seenByTheTeam.get("slaState").asString()).isEqualTo("ON_TRACK");
		assertThat(seenByTheTeam.get("sla").get("ttrDeadline").isNull()).isFalse();
	}

	@Test
	void withTheExpectedResolutionShownTheApiAndThePortalSayTheSameDateAndNothingElse() throws Exception {
		settings.saveRequesterSlaVisibility(RequesterSlaVisibility.EXPECTED_RESOLUTION);
		String deadline = technician.get(path + "/sla").json().get("ttrDeadline").asString();

		JsonNode ticket = alice.get(path).json();
		assertThat(fieldNames(ticket.get("sla"))).containsExactly("expectedResolutionAt", "state");
		assertThat(ticket.get("sla").get("expectedResolutionAt").asString()).isEqualTo(deadline);
		assertThat(ticket.get("slaState").isNull()).isTrue();
		assertThat(ticket.get("slaDueAt").isNull()).isTrue();
		Response sla = alice.get(path + "/sla");
		assertThat(sla.status()).isEqualTo(200);
		assertThat(sla.json()).isEqualTo(ticket.get("sla"));
		assertThat(bob.get(path + "/sla").status()).isEqualTo(404);

		mvc().perform(get("/portal/tickets/" + id).with(user(current(aliceUser))))
			.andExpect(content().string(containsString("hx-get=\"/portal/tickets/" + id + "/sla\"")));
		String iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneId.of("Europe/Paris"))
			.format(Instant.parse(deadline));
		mvc().perform(get("/portal/tickets/" + id + "/sla").with(user(current(aliceUser))))
			.andExpect(content().string(containsString("datetime=\"" + iso + "\"")));

		assertThat(technician.get(path).json().get("sla").get("ttrDeadline").asString()).isEqualTo(deadline);
	}

	@Test
	void theExpectedResolutionDateIsShownOnlyWhileTheTicketIsWorkedOn() throws Exception {
		settings.saveRequesterSlaVisibility(RequesterSlaVisibility.EXPECTED_RESOLUTION);
		ok(technician.post(path + "/transitions", Map.of("action", "PENDING", "reason", "USER")));
		assertThat(alice.get(path + "/sla").json().get("expectedResolutionAt").isNull())
			.as("the date moves on while the ticket waits").isTrue();
		assertThat(alice.get(path + "/sla").json().get("state").asString()).isEqualTo("PAUSED");
		mvc().perform(get("/portal/tickets/" + id + "/sla").with(user(current(aliceUser))).locale(Locale.ENGLISH))
			.andExpect(content().string(not(containsString("<time"))))
			.andExpect(content().string(containsString("paused while the request waits")));
		mvc().perform(get("/portal/sla").param("ticket", String.valueOf(id)).with(user(current(aliceUser))))
			.andExpect(content().string(containsString("id=\"expected-" + id + "\" hx-swap-oob=\"true\"")))
			.andExpect(content().string(not(containsString("<time"))));

		ok(technician.post(path + "/transitions", Map.of("action", "RESUME")));
		assertThat(alice.get(path + "/sla").json().get("expectedResolutionAt").isNull()).isFalse();
		assertThat(alice.get(path + "/sla").json().get("state").asString()).isEqualTo("EXPECTED");
		mvc().perform(get("/portal/sla").param("ticket", String.valueOf(id)).with(user(current(aliceUser))))
			.andExpect(content().string(containsString("<time")));
		ok(technician.post(path + "/transitions",
				Map.of("action", "RESOLVE", "solution", "New screen", "solutionKind", "PERMANENT")));
		assertThat(alice.get(path).json().get("sla").get("expectedResolutionAt").isNull()).isTrue();
		assertThat(alice.get(path).json().get("sla").get("state").asString()).isEqualTo("MET");
		mvc().perform(get("/portal/tickets/" + id + "/sla").with(user(current(aliceUser))).locale(Locale.ENGLISH))
			.andExpect(content().string(containsString("resolved on time")));
	}

	@Test
	void anAdministratorChoosesWhatRequestersSeeOnTheSettingsPage() throws Exception {
		MockMvc mvc = mvc();
		mvc.perform(post("/admin/settings/requester-sla").with(user(current(adminUser)))
			.with(csrf())
			.param("requesterSla", "EXPECTED_RESOLUTION")).andExpect(redirectedUrl("/admin/settings"));
		assertThat(settings.requesterSlaVisibility()).isEqualTo(RequesterSlaVisibility.EXPECTED_RESOLUTION);
		mvc.perform(get("/admin/settings").with(user(current(adminUser))))
			.andExpect(content().string(containsString("value=\"EXPECTED_RESOLUTION\" checked=\"checked\"")))
			.andExpect(content().string(not(containsString("value=\"NONE\" checked"))));
		mvc.perform(post("/admin/settings/requester-sla").with(user(current(adminUser)))
			.with(csrf())
			.param("requesterSla", NONE)).andExpect(redirectedUrl("/admin/settings"));
		assertThat(settings.requesterSlaVisibility()).isEqualTo(RequesterSlaVisibility.NONE);
	}

	private Map<String, List<Integer>> matrix(Iterable<String> paths) {
		Map<String, List<Integer>> answers = new LinkedHashMap<>();
		for (String each : paths) {
			List<Integer> codes = new ArrayList<>();
			readers.values().forEach(reader -> codes.add(reader.get(each).status()));
			answers.put(each, codes);
		}
		return answers;
	}

	private MockMvc mvc() {
		return MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	private ApiClient basic(User user) {
		return ApiClient.basic(port, user.getUsername(), TestFixtures.PASSWORD);
	}

	private static CurrentUser current(User user) {
		return TestFixtures.current(user);
	}

	private static List<String> fieldNames(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.propertyNames().forEach(names::add);
		return names;
	}

	private static Response ok(Response response) {
		assertThat(response.status()).as(response.toString()).isBetween(200, 201);
		return response;
	}

}
