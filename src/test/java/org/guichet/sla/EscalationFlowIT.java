package org.guichet.sla;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.guichet.calendars.Calendars;
import org.guichet.calendars.StandardCalendars;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.notifications.Notifications;
import org.guichet.testing.ApiClient;
import org.guichet.testing.ApiClient.Response;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.ShiftableClock;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Escalation;
import org.guichet.tickets.EscalationKind;
import org.guichet.tickets.HistoryEntry;
import org.guichet.tickets.Impact;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.PendingReason;
import org.guichet.tickets.Priority;
import org.guichet.tickets.Ticket;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Automatic escalation levels defined through the API and fired by the periodic check, on a
 * 24/7 calendar so that business time is plain elapsed time. The policy gives 4 h to resolve;
 * its levels: at 50 % (2 h) tell the technician and the group; 1 h after the deadline (5 h)
 * raise the priority and move the ticket to the next support level.
 */
@GuichetIntegrationTest
class EscalationFlowIT {

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private SlaCheck check;

	@Autowired
	private SlaPolicyRepository policies;

	@Autowired
	private Calendars calendars;

	@Autowired
	private UserRepository users;

	@Autowired
	private Notifications notifications;

	@Autowired
	private ShiftableClock clock;

	@Autowired
	private SlaManagement sla;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private JdbcTemplate jdbc;

	@LocalServerPort
	private int port;

	private long policyId;

	private ApiClient admin;

	private CurrentUser requester;

	private User technicianUser;

	private CurrentUser technician;

	/** Sees every ticket, also those an automatic level moved out of the technician's group. */
	private CurrentUser administrator;

	private SupportGroup n1;

	private SupportGroup n2;

	@BeforeEach
	void setUp() {
		String department = "Escalation test " + UUID.randomUUID();
		long calendarId = calendars.define("24/7 " + department, StandardCalendars.twentyFourSeven()).id();
		SlaPolicy policy = new SlaPolicy("Policy " + department, calendarId);
		policy.conditions(null, null, department, null);
		for (Priority priority : Priority.values()) {
			policy.target(TicketType.INCIDENT, priority, Duration.ofHours(1), Duration.ofHours(4));
		}
		policyId = policies.save(policy).getId();
		User requesterUser = fixtures.user("esc-requester", Role.REQUESTER);
		requesterUser.setDepartment(department);
		users.save(requesterUser);
		requester = TestFixtures.current(requesterUser);
		technicianUser = fixtures.user("esc-tech", Role.TECHNICIAN);
		technician = TestFixtures.current(technicianUser);
		n1 = fixtures.group(SupportLevel.N1, technicianUser);
		n2 = fixtures.group(SupportLevel.N2, fixtures.user("esc-expert", Role.TECHNICIAN));
		User adminUser = fixtures.user("esc-admin", Role.ADMINISTRATOR);
		administrator = TestFixtures.current(adminUser);
		admin = ApiClient.bearer(port, fixtures.token(adminUser));
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void levelsAreReplacedAsAnOrderedListAndReadBack() {
		Response saved = putLevels(twoLevels());
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		JsonNode read = admin.get(levels()).json().get("levels");
		assertThat(read).hasSize(2);
		assertThat(read.get(0).get("trigger").asString()).isEqualTo("SHARE");
		assertThat(read.get(0).get("percent").asInt()).isEqualTo(50);
		assertThat(read.get(1).get("trigger").asString()).isEqualTo("AFTER");
		assertThat(read.get(1).get("duration").asString()).isEqualTo("PT1H");
		assertThat(read.get(1).get("groupId").asLong()).isEqualTo(n2.getId());
	}

	@Test
	void aGroupALevelMovesTicketsToIsNotDeletedAndTheRefusalNamesThePolicy() {
		putLevels(twoLevels());
		Response refused = admin.delete("/api/v1/groups/" + n2.getId());
		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(refused.json().get("code").asString()).isEqualTo("escalation.group.in-use");
		assertThat(refused.json().get("detail").asString()).contains(n2.getName(), "Policy Escalation test");
	}

	@Test
	void refusesLevelsThatCouldNotWorkNamingTheField() {
		assertRefused(List.of(level("TTR", "SHARE", 250, null, Map.of("notifyTechnician", true))), "levels[0].percent",
				"escalation.level.share-range");
		assertRefused(List.of(level("TTR", "SHARE", 50, null, Map.of("notifyTechnician", true)),
				level("TTR", "SHARE", 75, null, Map.of())), "levels[1]", "escalation.level.no-action");
		assertRefused(List.of(level("TTR", "SHARE", 50, null, Map.of("reassign", true, "groupId", 987654321L))),
				"levels[0].groupId", "group.unknown");
		assertRefused(List.of(level("TTR", "SHARE", 50, null, Map.of("observerId", 987654321L))),
				"levels[0].observerId", "user.unknown");
		assertRefused(List.of(level("TTR", "SHARE", 90, null, Map.of("notifyGroup", true)),
				level("TTR", "SHARE", 60, null, Map.of("notifyGroup", true))), "levels[1]",
				"escalation.level.out-of-order");
	}

	@Test
	void aMemberThatDoesNotApplyToTheLevelsTriggerIsRefusedByNameRatherThanDropped() {
		assertRefused(List.of(level("TTR", "SHARE", 50, "PT1H", tellTechnician())), "levels[0].duration",
				"escalation.level.not-for-trigger");
		assertRefused(List.of(level("TTR", "AFTER", 50, "PT1H", tellTechnician())), "levels[0].percent",
				"escalation.level.not-for-trigger");
	}

	@Test
	void levelsSentBackAsTheyAreChangeNothingAndKeepThePolicysVersion() {
		Response saved = putLevels(twoLevels());
		JsonNode read = admin.get(levels()).json();
		Response again = admin.put(levels(), read, "If-Match", admin.get(levels()).header("ETag"));
		assertThat(again.status()).as(again.toString()).isEqualTo(200);
		assertThat(again.json().get("version").asLong()).isEqualTo(saved.json().get("version").asLong());
		assertThat(admin.get(levels()).json().get("version").asLong()).isEqualTo(saved.json().get("version").asLong());
	}

	@Test
	void aLevelFiresOnceWhenTheClockPassesItAndNotAgainOnTheNextCheck() {
		putLevels(twoLevels());
		TicketId id = ticketOfTheTechnician();
		clock.advance(Duration.ofMinutes(119));
		check.run();
		assertThat(automaticEscalations(id)).isEmpty();

		clock.advance(Duration.ofMinutes(2));
		check.run();
		check.run();
		assertThat(automaticEscalations(id)).hasSize(1);
		assertThat(notifications.newest(technicianUser.getId())).singleElement()
			.satisfies(n -> assertThat(n.getMessageKey()).isEqualTo("notification.level-fired"))
			.satisfies(n -> assertThat(n.getTicketId()).isEqualTo(id.value()));
		assertThat(history(id, "escalationAutomatic")).hasSize(1);
		assertThat(tickets.get(id, technician).getEscalationCount()).isEqualTo(1);
		assertThat(tickets.get(id, technician).getGroup().getId()).isEqualTo(n1.getId());
	}

	@Test
	void levelsAddedToAPolicyApplyToItsOpenTicketsFromTheNextCheck() {
		TicketId id = ticketOfTheTechnician();
		clock.advance(Duration.ofMinutes(121));
		check.run();
		assertThat(automaticEscalations(id)).isEmpty();

		putLevels(twoLevels());
		check.run();
		assertThat(automaticEscalations(id)).hasSize(1);
	}

	@Test
	void levelsMissedWhileGuichetWasStoppedFireInOrderAtTheFirstCheck() {
		putLevels(twoLevels());
		TicketId id = ticketOfTheTechnician();
		Priority before = tickets.get(id, technician).getPriority();
		clock.advance(Duration.ofHours(6));
		check.run();
		List<Escalation> fired = automaticEscalations(id);
		assertThat(fired).hasSize(2);
		assertThat(fired.get(0).getReason()).contains(" · 1 · TTR 50 %");
		assertThat(fired.get(1).getReason()).contains(" · 2 · TTR +PT1H");
		Ticket ticket = tickets.get(id, administrator);
		assertThat(ticket.getPriority()).isEqualTo(before.raised());
		assertThat(ticket.getGroup().getId()).isEqualTo(n2.getId());
		assertThat(ticket.getAssignee()).isNull();
		assertThat(history(id, "slaTtrDeadline")).as("every priority has the same targets: the deadline stays")
			.isEmpty();
		check.run();
		assertThat(automaticEscalations(id)).hasSize(2);
	}

	@Test
	void aFiringWhoseTransactionRollsBackLeavesNoTraceAndFiresAgainLater() {
		putLevels(twoLevels());
		TicketId id = ticketOfTheTechnician();
		clock.advance(Duration.ofMinutes(150));
		transactions.executeWithoutResult(status -> {
			sla.check(id.value(), clock.instant());
			assertThat(firedLevels(id)).as("inserted in the transaction").isEqualTo(1);
			status.setRollbackOnly();
		});
		assertThat(firedLevels(id)).isZero();
		assertThat(automaticEscalations(id)).isEmpty();
		assertThat(notifications.newest(technicianUser.getId())).isEmpty();
		check.run();
		assertThat(firedLevels(id)).isEqualTo(1);
		assertThat(automaticEscalations(id)).hasSize(1);
	}

	@Test
	void noLevelFiresWhileTheClockIsPaused() {
		putLevels(twoLevels());
		TicketId id = ticketOfTheTechnician();
		tickets.transition(id, new Transition(TicketAction.PENDING, null, PendingReason.USER, null, null), null,
				technician);
		clock.advance(Duration.ofHours(6));
		check.run();
		assertThat(automaticEscalations(id)).isEmpty();
	}

	@Test
	void aLevelDoesNotFireOnceItsClockIsMet() {
		putLevels(twoLevels());
		TicketId id = ticketOfTheTechnician();
		tickets.transition(id, new Transition(TicketAction.RESOLVE, null, null, "Câble changé",
				org.guichet.tickets.SolutionKind.PERMANENT), null, technician);
		clock.advance(Duration.ofHours(6));
		check.run();
		assertThat(automaticEscalations(id)).isEmpty();
	}

	// --- Levels keep their identity when the list changes -----------------------------------

	@Test
	void aReorderedLevelThatFiredDoesNotFireAgainAndTheOneThatDidNotStillFires() {
		List<Long> ids = ids(putLevels(Map.of("levels", List.of(level("TTO", "SHARE", 50, null, tellTechnician()),
				level("TTR", "SHARE", 50, null, tellTechnician())))));
		TicketId id = ticketOfTheTechnician();
		clock.advance(Duration.ofMinutes(31));
		check.run();
		assertThat(firedWhens(id)).containsExactly("TTO 50 %");

		Response reordered = putLevels(Map.of("levels", List.of(
				kept(ids.get(1), level("TTR", "SHARE", 50, null, tellTechnician())),
				kept(ids.get(0), level("TTO", "SHARE", 50, null, tellTechnician())))));
		assertThat(ids(reordered)).as("each level keeps its id").containsExactly(ids.get(1), ids.get(0));
		check.run();
		clock.advance(Duration.ofMinutes(90));
		check.run();
		assertThat(firedWhens(id)).containsExactly("TTO 50 %", "TTR 50 %");
		assertThat(firedLevelIds(id)).containsExactlyInAnyOrder(ids.get(0), ids.get(1));
	}

	@Test
	void removingALevelThatFiredLeavesTheNextOnesToFireAtTheirTime() {
		List<Long> ids = ids(putLevels(Map.of("levels", List.of(level("TTR", "SHARE", 25, null, tellTechnician()),
				level("TTR", "SHARE", 50, null, tellTechnician()), level("TTR", "SHARE", 75, null, tellTechnician())))));
		TicketId id = ticketOfTheTechnician();
		clock.advance(Duration.ofMinutes(61));
		check.run();
		assertThat(firedWhens(id)).containsExactly("TTR 25 %");

		Response removed = putLevels(Map.of("levels", List.of(
				kept(ids.get(1), level("TTR", "SHARE", 50, null, tellTechnician())),
				kept(ids.get(2), level("TTR", "SHARE", 75, null, tellTechnician())))));
		assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
		assertThat(firedLevels(id)).as("what fired for the removed level goes with it").isZero();
		clock.advance(Duration.ofMinutes(60));
		check.run();
		assertThat(firedWhens(id)).containsExactly("TTR 25 %", "TTR 50 %");
		clock.advance(Duration.ofMinutes(60));
		check.run();
		assertThat(firedWhens(id)).containsExactly("TTR 25 %", "TTR 50 %", "TTR 75 %");
		assertThat(automaticEscalations(id).get(2).getReason()).as("named by its new position").contains(" · 2 · ");
	}

	@Test
	void aLevelInsertedBeforeOneThatFiredIsNewAndFiresWhenDue() {
		List<Long> ids = ids(putLevels(Map.of("levels", List.of(level("TTR", "SHARE", 25, null, tellTechnician()),
				level("TTR", "SHARE", 75, null, tellTechnician())))));
		TicketId id = ticketOfTheTechnician();
		clock.advance(Duration.ofMinutes(61));
		check.run();
		assertThat(firedWhens(id)).containsExactly("TTR 25 %");

		Response inserted = putLevels(Map.of("levels", List.of(level("TTO", "SHARE", 50, null, tellTechnician()),
				kept(ids.get(0), level("TTR", "SHARE", 25, null, tellTechnician())),
				level("TTR", "SHARE", 50, null, tellTechnician()), kept(ids.get(1), level("TTR", "SHARE", 75, null, tellTechnician())))));
		assertThat(inserted.status()).as(inserted.toString()).isEqualTo(200);
		assertThat(ids(inserted)).hasSize(4).contains(ids.get(0), ids.get(1)).doesNotHaveDuplicates();
		check.run();
		assertThat(firedWhens(id)).as("the new TTO level was due long ago; the kept 25 % level fired already")
			.containsExactly("TTR 25 %", "TTO 50 %");
		clock.advance(Duration.ofMinutes(60));
		check.run();
		clock.advance(Duration.ofMinutes(60));
		check.run();
		assertThat(firedWhens(id)).containsExactly("TTR 25 %", "TTO 50 %", "TTR 50 %", "TTR 75 %");
	}

	@Test
	void anIdThatIsNotALevelOfThePolicyIsRefusedOnItsField() {
		List<Long> ids = ids(putLevels(twoLevels()));
		assertRefused(List.of(kept(987654321L, level("TTR", "SHARE", 50, null, tellTechnician()))), "levels[0].id",
				"escalation.level.unknown");
		assertRefused(List.of(kept(ids.get(0), level("TTR", "SHARE", 50, null, tellTechnician())),
				kept(ids.get(0), level("TTR", "SHARE", 60, null, tellTechnician()))), "levels[1].id", "escalation.level.twice");
		assertThat(ids(admin.get(levels()))).as("nothing changed").isEqualTo(ids);
	}

	// --- Who is told --------------------------------------------------------------------------

	@Test
	void aLevelThatMovesTheTicketTellsItsNewTechnicianAndTheirManagerNotTheFormerOnes() {
		User formerManager = fixtures.user("esc-former-manager", Role.SUPERVISOR);
		technicianUser.setManager(formerManager);
		users.save(technicianUser);
		User newManager = fixtures.user("esc-new-manager", Role.SUPERVISOR);
		User expert = fixtures.user("esc-n2-tech", Role.TECHNICIAN);
		expert.setManager(newManager);
		users.save(expert);
		SupportGroup roundRobin = fixtures.group(SupportLevel.N2, expert);
		assertThat(assign(roundRobin.getId(), "ROUND_ROBIN")
			.status()).isEqualTo(200);
		putLevels(Map.of("levels", List.of(level("TTR", "SHARE", 50, null, Map.of("notifyTechnician", true,
				"notifySupervisor", true, "reassign", true, "groupId", roundRobin.getId())))));
		TicketId id = ticketOfTheTechnician();

		clock.advance(Duration.ofMinutes(121));
		check.run();

		Ticket moved = tickets.get(id, administrator);
		assertThat(moved.getGroup().getId()).isEqualTo(roundRobin.getId());
		assertThat(moved.getAssignee().getId()).isEqualTo(expert.getId());
		assertThat(levelFired(expert)).as("the new technician").hasSize(1);
		assertThat(levelFired(newManager)).as("the new technician's manager").hasSize(1);
		assertThat(levelFired(technicianUser)).as("no longer in charge").isEmpty();
		assertThat(levelFired(formerManager)).isEmpty();
	}

	@Test
	void aLevelThatMovesTheTicketToAGroupWithoutAutoAssignmentTellsThatGroupInsteadOfATechnician() {
		putLevels(Map.of("levels", List.of(level("TTR", "SHARE", 50, null,
				Map.of("notifyTechnician", true, "reassign", true, "groupId", n2.getId())))));
		TicketId id = ticketOfTheTechnician();

		clock.advance(Duration.ofMinutes(121));
		check.run();

		assertThat(tickets.get(id, administrator).getAssignee()).isNull();
		for (User member : n2.getMembers()) {
			assertThat(levelFired(member)).as(member.getUsername()).hasSize(1);
		}
		assertThat(levelFired(technicianUser)).isEmpty();
	}

	// --- Functional escalation by an agent ------------------------------------------------------

	@Test
	void aFunctionalEscalationWithoutAChosenTechnicianTakesTheOneTheTargetGroupAutoAssigns() {
		User expert = fixtures.user("esc-rr-tech", Role.TECHNICIAN);
		SupportGroup roundRobin = fixtures.group(SupportLevel.N2, expert);
		assign(roundRobin.getId(), "ROUND_ROBIN");
		TicketId id = ticketOfTheTechnician();
		tickets.transition(id, Transition.of(TicketAction.TAKE), null, technician);

		Escalation escalation = tickets.escalate(id, EscalationKind.FUNCTIONAL, roundRobin.getId(), null,
				"Needs the N2 team", null, technician);

		assertThat(escalation.getToUser().getId()).isEqualTo(expert.getId());
		assertThat(tickets.get(id, administrator).getAssignee().getId()).isEqualTo(expert.getId());
		assertThat(tickets.get(id, administrator).getStatus()).as("in progress with whom took it, then handed over")
			.isEqualTo(org.guichet.tickets.Status.ASSIGNED);
		TicketId other = ticketOfTheTechnician();
		tickets.escalate(other, EscalationKind.FUNCTIONAL, n2.getId(), null, "Needs the N2 team", null, technician);
		assertThat(tickets.get(other, administrator).getAssignee()).as("a group without auto-assignment").isNull();
	}

	private void assertRefused(List<Map<String, Object>> wanted, String field, String code) {
		Response refused = putLevels(Map.of("levels", wanted));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(refused.json().get("field").asString()).isEqualTo(field);
		assertThat(refused.json().get("code").asString()).isEqualTo(code);
	}

	private Map<String, Object> twoLevels() {
		return Map.of("levels",
				List.of(level("TTR", "SHARE", 50, null, Map.of("notifyTechnician", true, "notifyGroup", false)),
						level("TTR", "AFTER", null, "PT1H",
								Map.of("raisePriority", true, "reassign", true, "groupId", n2.getId()))));
	}

	private static Map<String, Object> tellTechnician() {
		return Map.of("notifyTechnician", true);
	}

	private static Map<String, Object> kept(long levelId, Map<String, Object> level) {
		Map<String, Object> withId = new java.util.HashMap<>(level);
		withId.put("id", levelId);
		return withId;
	}

	private static List<Long> ids(Response levelsResponse) {
		assertThat(levelsResponse.status()).as(levelsResponse.toString()).isEqualTo(200);
		List<Long> ids = new java.util.ArrayList<>();
		levelsResponse.json().get("levels").forEach(level -> ids.add(level.get("id").asLong()));
		return ids;
	}

	/** When each automatic escalation of the ticket fired, e.g. {@code TTR 50 %}, oldest first. */
	private List<String> firedWhens(TicketId id) {
		return automaticEscalations(id).stream()
			.map(e -> e.getReason().substring(e.getReason().lastIndexOf(" · ") + 3))
			.toList();
	}

	private List<Long> firedLevelIds(TicketId id) {
		return jdbc.queryForList("select level_id from sla_escalation_fired where ticket_id = ?", Long.class,
				id.value());
	}

	private List<org.guichet.notifications.Notification> levelFired(User recipient) {
		return notifications.newest(recipient.getId())
			.stream()
			.filter(n -> n.getMessageKey().equals("notification.level-fired"))
			.toList();
	}

	private static Map<String, Object> level(String clockName, String trigger, Integer percent, String duration,
			Map<String, Object> actions) {
		Map<String, Object> level = new java.util.HashMap<>(actions);
		for (String action : List.of("notifyTechnician", "notifySupervisor", "notifyGroup", "raisePriority", "reassign")) {
			level.putIfAbsent(action, false);
		}
		level.put("clock", clockName);
		level.put("trigger", trigger);
		if (percent != null) {
			level.put("percent", percent);
		}
		if (duration != null) {
			level.put("duration", duration);
		}
		return level;
	}

	private TicketId ticketOfTheTechnician() {
		Ticket ticket = tickets.register(new NewTicket(TicketType.INCIDENT, "Écran noir", "Plus d’affichage", null,
				Channel.PORTAL, null, Urgency.MEDIUM, Impact.LOW, List.of()), requester);
		tickets.assign(ticket.id(), n1.getId(), technicianUser.getId(), null, technician);
		return ticket.id();
	}

	private List<Escalation> automaticEscalations(TicketId id) {
		return tickets.escalations(id, administrator)
			.stream()
			.filter(e -> e.getKind() == EscalationKind.AUTOMATIC)
			.toList();
	}

	private List<HistoryEntry> history(TicketId id, String field) {
		return tickets.history(id, administrator).stream().filter(e -> e.getField().equals(field)).toList();
	}

	private long firedLevels(TicketId id) {
		return jdbc.queryForObject("select count(*) from sla_escalation_fired where ticket_id = ?", Long.class,
				id.value());
	}

	private String levels() {
		return "/api/v1/sla-policies/" + policyId + "/escalation-levels";
	}

	/** Replaces the levels on the policy's version read just before, as a client does. */
	private Response putLevels(Map<String, Object> levels) {
		return admin.put(levels(), levels, "If-Match", admin.get(levels()).header("ETag"));
	}

	/** Sets the group's mode on the group's version read just before, as a client does. */
	private Response assign(long groupId, String mode) {
		String assignment = "/api/v1/groups/" + groupId + "/assignment";
		return admin.put(assignment, Map.of("mode", mode), "If-Match", admin.get(assignment).header("ETag"));
	}

}
