package org.guichet.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.guichet.calendars.Calendars;
import org.guichet.calendars.StandardCalendars;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.sla.SlaManagement;
import org.guichet.sla.SlaPolicy;
import org.guichet.sla.SlaPolicyRepository;
import org.guichet.testing.ApiClient;
import org.guichet.testing.ApiClient.Response;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.ShiftableClock;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.HistoryEntry;
import org.guichet.tickets.Priority;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routing through the API: each test's rules match only its own fresh category, so they never
 * route the tickets of other tests, and are deleted afterwards.
 */
@GuichetIntegrationTest
class RoutingIT {

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private SlaManagement sla;

	@Autowired
	private SlaPolicyRepository policies;

	@Autowired
	private Calendars calendars;

	@Autowired
	private ShiftableClock clock;

	@Autowired
	private UserRepository users;

	@LocalServerPort
	private int port;

	private ApiClient admin;

	private ApiClient requester;

	private User requesterUser;

	private User agent;

	private User tech1;

	private User tech2;

	private SupportGroup group;

	private long categoryId;

	private final List<Long> rules = new ArrayList<>();

	@BeforeEach
	void setUp() {
		admin = ApiClient.bearer(port, fixtures.token(fixtures.user("routing-admin", Role.ADMINISTRATOR)));
		requesterUser = fixtures.user("routing-requester", Role.REQUESTER);
		requester = ApiClient.bearer(port, fixtures.token(requesterUser));
		agent = fixtures.user("routing-agent", Role.TECHNICIAN);
		tech1 = fixtures.user("routing-tech", Role.TECHNICIAN);
		tech2 = fixtures.user("routing-tech", Role.TECHNICIAN);
		group = fixtures.group(SupportLevel.N1, tech1, tech2);
		categoryId = fixtures.category("Routing").getId();
	}

	@AfterEach
	void tearDown() {
		rules.forEach(id -> admin.delete("/api/v1/routing-rules/" + id));
		clock.reset();
	}

	@Test
	void aRuleRoutesANewTicketToItsGroupAndTechnicianAndTheHistoryNamesTheRule() {
		createRule("Printers to " + group.getName(), Map.of("categoryId", categoryId),
				Map.of("groupId", group.getId(), "technicianId", tech2.getId(), "urgency", "HIGH"));

		JsonNode ticket = register(categoryId, "Paper jam");

		assertThat(ticket.get("group").get("id").asLong()).isEqualTo(group.getId());
		assertThat(ticket.get("assignee").get("id").asLong()).isEqualTo(tech2.getId());
		assertThat(ticket.get("status").asString()).isEqualTo("ASSIGNED");
		assertThat(ticket.get("urgency").asString()).isEqualTo("HIGH");
		List<HistoryEntry> history = tickets.history(new TicketId(ticket.get("id").asLong()),
				TestFixtures.current(tech2));
		assertThat(history).anySatisfy(entry -> {
			assertThat(entry.getField()).isEqualTo("routing");
			assertThat(entry.getNewValue()).isEqualTo("Printers to " + group.getName());
			assertThat(entry.getActor()).isNull();
		});
		assertThat(tickets.history(new TicketId(ticket.get("id").asLong()), TestFixtures.current(requesterUser)))
			.noneMatch(entry -> entry.getField().equals("routing"));
	}

	@Test
	void theSlaPolicyARuleChoosesMeasuresTheTicket() {
		String name = "Routed policy " + UUID.randomUUID();
		long calendarId = calendars.define("24/7 " + name, StandardCalendars.twentyFourSeven()).id();
		SlaPolicy policy = new SlaPolicy(name, calendarId);
		policy.conditions(null, null, "nobody's department " + name, null);
		for (Priority priority : Priority.values()) {
			policy.target(TicketType.INCIDENT, priority, Duration.ofMinutes(20), Duration.ofHours(3));
		}
		long policyId = policies.save(policy).getId();
		createRule("SLA " + name, Map.of("categoryId", categoryId), Map.of("slaPolicyId", policyId));

		JsonNode ticket = register(categoryId, "Screen flickers");

		assertThat(sla.of(new TicketId(ticket.get("id").asLong())).orElseThrow().policy()).isEqualTo(name);
	}

	@Test
	void anSlaPolicyARuleChoosesIsNotDeletedAndItsReadGivesItsETag() {
		String name = "Kept policy " + UUID.randomUUID();
		SlaPolicy policy = new SlaPolicy(name, calendars.define("24/7 " + name, StandardCalendars.twentyFourSeven()).id());
		policy.conditions(null, null, "nobody's department " + name, null);
		policy.target(TicketType.INCIDENT, Priority.LOW, Duration.ofHours(1), Duration.ofHours(4));
		long policyId = policies.save(policy).getId();
		createRule("Uses " + name, Map.of("categoryId", categoryId), Map.of("slaPolicyId", policyId));

		Response refused = admin.delete("/api/v1/sla-policies/" + policyId);

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("code").asString()).isEqualTo("routing.sla-policy.in-use");
		assertThat(refused.json().get("detail").asString()).contains("Uses " + name);
		assertThat(policies.existsById(policyId)).isTrue();
		Response read = admin.get("/api/v1/sla-policies/" + policyId);
		assertThat(read.header("ETag")).as("the tag a change sends back in If-Match")
			.isEqualTo("\"" + read.json().get("version").asLong() + "\"");
	}

	@Test
	void aRoundRobinGroupServesItsMembersInTurnSkippingTheAbsentOne() {
		assertThat(assign(group.getId(), "ROUND_ROBIN").status())
			.isEqualTo(200);
		createRule("Round robin " + group.getName(), Map.of("categoryId", categoryId),
				Map.of("groupId", group.getId()));

		long first = register(categoryId, "One").get("assignee").get("id").asLong();
		long second = register(categoryId, "Two").get("assignee").get("id").asLong();
		assertThat(List.of(first, second)).containsExactly(tech1.getId(), tech2.getId());

		Instant now = clock.instant();
		assertThat(admin.post("/api/v1/technicians/" + tech1.getId() + "/absences",
				Map.of("from", now.minusSeconds(60).toString(), "to", now.plus(Duration.ofDays(1)).toString(),
						"reason", "Holiday"))
			.status()).isEqualTo(201);
		assertThat(register(categoryId, "Three").get("assignee").get("id").asLong()).isEqualTo(tech2.getId());
		assertThat(register(categoryId, "Four").get("assignee").get("id").asLong()).isEqualTo(tech2.getId());
	}

	@Test
	void aSupervisorMemberOfAnAutoAssigningGroupIsNotGivenItsTickets() {
		User supervisor = fixtures.user("rr-supervisor", Role.SUPERVISOR);
		User technician = fixtures.user("rr-technician", Role.TECHNICIAN);
		SupportGroup team = fixtures.group(SupportLevel.N1, supervisor, technician);
		assign(team.getId(), "ROUND_ROBIN");
		long category = fixtures.category("Supervised").getId();
		createRule("Round robin " + team.getName(), Map.of("categoryId", category), Map.of("groupId", team.getId()));

		for (String title : List.of("One", "Two", "Three")) {
			assertThat(register(category, title).get("assignee").get("id").asLong()).as(title)
				.isEqualTo(technician.getId());
		}
	}

	@Test
	void aLeastLoadedGroupPicksTheMemberWithTheLightestOpenWorkload() {
		assign(group.getId(), "LEAST_LOADED");
		long busyCategory = fixtures.category("Busy").getId();
		createRule("To tech1 " + group.getName(), Map.of("categoryId", busyCategory),
				Map.of("groupId", group.getId(), "technicianId", tech1.getId()));
		createRule("Least loaded " + group.getName(), Map.of("categoryId", categoryId),
				Map.of("groupId", group.getId()));
		register(busyCategory, "Already on tech1's desk");

		assertThat(register(categoryId, "Goes to the idle one").get("assignee").get("id").asLong())
			.isEqualTo(tech2.getId());
		// Equal workloads: the lowest id.
		assertThat(register(categoryId, "Equal loads").get("assignee").get("id").asLong()).isEqualTo(tech1.getId());
	}

	@Test
	void concurrentRegistrationsTakeTurnsInARoundRobinGroup() throws Exception {
		assign(group.getId(), "ROUND_ROBIN");
		createRule("Concurrent " + group.getName(), Map.of("categoryId", categoryId), Map.of("groupId", group.getId()));

		List<Future<JsonNode>> registered = new ArrayList<>();
		ExecutorService clients = Executors.newFixedThreadPool(4);
		try {
			for (int i = 0; i < 8; i++) {
				String title = "Concurrent " + i;
				registered.add(clients.submit(() -> register(categoryId, title)));
			}
			Map<Long, Integer> perTechnician = new HashMap<>();
			for (Future<JsonNode> ticket : registered) {
				perTechnician.merge(ticket.get().get("assignee").get("id").asLong(), 1, Integer::sum);
			}
			assertThat(perTechnician).containsExactlyInAnyOrderEntriesOf(Map.of(tech1.getId(), 4, tech2.getId(), 4));
		}
		finally {
			clients.shutdown();
		}
	}

	@Test
	void aTechnicianDeactivatedSinceTheRuleWasWrittenIsLeftOutAndTheTicketStaysWithTheGroup() {
		createRule("Deactivated " + group.getName(), Map.of("categoryId", categoryId),
				Map.of("groupId", group.getId(), "technicianId", tech1.getId()));
		tech1.setActive(false);
		users.save(tech1);

		JsonNode ticket = register(categoryId, "Still registered");

		assertThat(ticket.get("group").get("id").asLong()).isEqualTo(group.getId());
		assertThat(ticket.get("assignee").isNull()).isTrue();
		assertThat(ticket.get("status").asString()).isEqualTo("NEW");
	}

	@Test
	void anAgentsUrgencyIsKeptWhileTheRulesGroupApplies() {
		createRule("Urgency " + group.getName(), Map.of("categoryId", categoryId),
				Map.of("groupId", group.getId(), "urgency", "VERY_HIGH", "impact", "HIGH"));
		ApiClient agentClient = ApiClient.bearer(port, fixtures.token(agent));

		Response response = agentClient.post("/api/v1/tickets", Map.of("type", "INCIDENT", "title", "Phoned in",
				"description", "Details", "urgency", "LOW", "categoryId", categoryId, "channel", "PHONE"));

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		JsonNode ticket = response.json();
		assertThat(ticket.get("urgency").asString()).isEqualTo("LOW");
		assertThat(ticket.get("impact").asString()).isEqualTo("HIGH");
		assertThat(ticket.get("group").get("id").asLong()).isEqualTo(group.getId());
	}

	@Test
	void theTesterAnswersWhichRulesWouldFireWithoutCreatingATicket() {
		String network = "Network " + group.getName();
		createRule(network, Map.of("categoryId", categoryId, "words", List.of("VPN", "réseau")),
				Map.of("groupId", group.getId()));
		createRule("Urgent " + group.getName(), Map.of("categoryId", categoryId), Map.of("urgency", "VERY_HIGH"));

		Response answer = admin.post("/api/v1/routing-rules/test", Map.of("type", "INCIDENT", "title",
				"Le RESEAU est lent", "categoryId", categoryId));

		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		JsonNode json = answer.json();
		assertThat(json.get("rules").values().stream().map(JsonNode::asString).toList()).containsExactly(network,
				"Urgent " + group.getName());
		assertThat(json.get("decision").get("groupId").asLong()).isEqualTo(group.getId());
		assertThat(json.get("decision").get("urgency").asString()).isEqualTo("VERY_HIGH");
		assertThat(json.get("autoAssign").asString()).isEqualTo("NONE");
	}

	@Test
	void badConfigurationIsRefusedNamingTheFieldToChange() {
		assertRefused(Map.of(), Map.of("groupId", 999_999_999L), "actions.groupId", "routing.rule.group-unknown");
		assertRefused(Map.of(), Map.of("groupId", group.getId(), "technicianId", agent.getId()),
				"actions.technicianId", "routing.rule.technician-not-member");
		assertRefused(Map.of(), Map.of("technicianId", fixtures.user("routing-someone", Role.REQUESTER).getId()),
				"actions.technicianId", "routing.rule.technician-inactive");
		assertRefused(Map.of("categoryId", 999_999_999L), Map.of("groupId", group.getId()), "conditions.categoryId",
				"routing.rule.category-unknown");
		assertRefused(Map.of(), Map.of("slaPolicyId", 999_999_999L), "actions.slaPolicyId",
				"routing.rule.sla-policy-unknown");
		assertRefused(Map.of("categoryId", categoryId), Map.of(), "actions", "routing.rule.no-action");
		assertRefused(Map.of("timeFrom", "18:00", "timeTo", "18:00"), Map.of("groupId", group.getId()),
				"conditions.timeTo", "routing.rule.window-empty");
	}

	@Test
	void aGroupIsNotDeletedWhileARuleSendsTicketsToItOrTicketsAreAssignedToIt() {
		String ruleName = "Keeps " + group.getName();
		long ruleId = createRule(ruleName, Map.of("categoryId", categoryId), Map.of("groupId", group.getId()));

		Response refused = admin.delete("/api/v1/groups/" + group.getId());

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("code").asString()).isEqualTo("routing.group.in-use");
		assertThat(refused.json().get("detail").asString()).contains(ruleName);

		register(categoryId, "Routed before the rule goes");
		admin.delete("/api/v1/routing-rules/" + ruleId);
		assertThat(admin.delete("/api/v1/groups/" + group.getId()).json().get("code").asString())
			.isEqualTo("group.delete.has-tickets");

		SupportGroup unused = fixtures.group(SupportLevel.N2, tech1);
		assertThat(admin.delete("/api/v1/groups/" + unused.getId()).status()).isEqualTo(204);
	}

	private void assertRefused(Map<String, Object> conditions, Map<String, Object> actions, String field,
			String code) {
		Response response = admin.post("/api/v1/routing-rules",
				Map.of("name", "Refused " + UUID.randomUUID(), "active", true, "stopHere", false, "conditions", conditions,
						"actions", actions));
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.json().get("field").asString()).isEqualTo(field);
		assertThat(response.json().get("code").asString()).isEqualTo(code);
	}

	private long createRule(String name, Map<String, Object> conditions, Map<String, Object> actions) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("conditions", conditions);
		body.put("actions", actions);
		body.put("active", true);
		body.put("stopHere", false);
		Response response = admin.post("/api/v1/routing-rules", body);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		long id = response.json().get("id").asLong();
		rules.add(id);
		return id;
	}

	/** Sets the group's mode on the group's version read just before, as a client does. */
	private Response assign(long groupId, String mode) {
		String assignment = "/api/v1/groups/" + groupId + "/assignment";
		return admin.put(assignment, Map.of("mode", mode), "If-Match", admin.get(assignment).header("ETag"));
	}

		private JsonNode register(long category, String title) {
		Response response = requester.post("/api/v1/tickets", Map.of("type", "INCIDENT", "title", title,
				"description", "Details", "urgency", "LOW", "categoryId", category));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json();
	}

}
