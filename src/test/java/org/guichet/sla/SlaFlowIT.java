package org.guichet.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.guichet.calendars.Calendars;
import org.guichet.calendars.StandardCalendars;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.testing.ApiClient;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.ShiftableClock;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Channel;
import org.guichet.tickets.ClosureSettings;
import org.guichet.tickets.DeskSettings;
import org.guichet.tickets.HistoryEntry;
import org.guichet.tickets.Impact;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.PendingReason;
import org.guichet.tickets.Priority;
import org.guichet.tickets.Queue;
import org.guichet.tickets.SlaState;
import org.guichet.tickets.SolutionKind;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketAction;
import org.guichet.tickets.TicketChanges;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketQuery;
import org.guichet.tickets.TicketSort;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Transition;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SLA clocks following a ticket through its lifecycle, on a 24/7 calendar so that business
 * time is plain elapsed time.
 */
@GuichetIntegrationTest
class SlaFlowIT {

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private SlaManagement sla;

	@Autowired
	private SlaCheck check;

	@Autowired
	private SlaPolicyRepository policies;

	@Autowired
	private Calendars calendars;

	@Autowired
	private SlaPolicies slaPolicies;

	@Autowired
	private org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Autowired
	private UserRepository users;

	@Autowired
	private ShiftableClock clock;

	@Autowired
	private DeskSettings settings;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@LocalServerPort
	private int port;

	private CurrentUser requester;

	private CurrentUser technician;

	@BeforeEach
	void setUp() {
		String department = "SLA test " + UUID.randomUUID();
		long calendarId = calendars.define("24/7 " + department, StandardCalendars.twentyFourSeven()).id();
		SlaPolicy policy = new SlaPolicy("Policy " + department, calendarId);
		policy.conditions(null, null, department, null);
		for (Priority priority : Priority.values()) {
			policy.target(TicketType.INCIDENT, priority, Duration.ofHours(1), Duration.ofHours(4));
		}
		policy.target(TicketType.INCIDENT, Priority.MAJOR, Duration.ofMinutes(15), Duration.ofHours(1));
		policies.save(policy);
		User requesterUser = fixtures.user("sla-requester", Role.REQUESTER);
		requesterUser.setDepartment(department);
		users.save(requesterUser);
		requester = TestFixtures.current(requesterUser);
		technician = TestFixtures.current(fixtures.user("sla-tech", Role.TECHNICIAN));
	}

	@AfterEach
	void resetClock() {
		clock.reset();
		settings.saveClosure(ClosureSettings.DEFAULT);
	}

	@Test
	void aPolicyChangedSinceTheLastTicketAppliesToTheNextOne() {
		Ticket before = register();
		String name = sla.of(before.id()).orElseThrow().policy();
		long policyId = policies.findAll().stream().filter(p -> p.getName().equals(name)).findFirst().orElseThrow().getId();
		SlaPolicy policy = policies.findWithTargetsById(policyId).orElseThrow();
		for (Priority priority : Priority.values()) {
			policy.target(TicketType.INCIDENT, priority, Duration.ofHours(2), Duration.ofHours(8));
		}
		policies.save(policy);
		Ticket after = register();
		assertThat(sla.of(before.id()).orElseThrow().ttrDeadline()).isEqualTo(before.getCreatedAt().plus(Duration.ofHours(4)));
		assertThat(sla.of(after.id()).orElseThrow().ttrDeadline()).isEqualTo(after.getCreatedAt().plus(Duration.ofHours(8)));
	}

	@Test
	void newTicketGetsDeadlinesFromItsPolicy() {
		Ticket ticket = register();
		SlaView view = sla.of(ticket.id()).orElseThrow();
		assertThat(view.policy()).startsWith("Policy SLA test");
		assertThat(view.ttoDeadline()).isEqualTo(ticket.getCreatedAt().plus(Duration.ofHours(1)));
		assertThat(view.ttrDeadline()).isEqualTo(ticket.getCreatedAt().plus(Duration.ofHours(4)));
		assertThat(view.state()).isEqualTo(SlaState.ON_TRACK);
	}

	@Test
	void historyRecordsThePolicyTargetsAndCalendarVersionApplied() {
		TicketId id = register().id();
		SlaPolicy policy = policyOf(id);
		long calendarVersion = calendars.version(policy.getCalendarId());
		assertThat(tickets.history(id, technician)).filteredOn(e -> e.getField().equals("slaPolicy"))
			.singleElement()
			.satisfies(e -> assertThat(e.getNewValue()).isEqualTo("#" + policy.getId() + " " + policy.getName() + " v"
					+ policy.getVersion() + " · TTO PT1H · TTR PT4H · calendar #" + policy.getCalendarId() + " v"
					+ calendarVersion));
		assertThat(tickets.history(id, requester)).extracting(HistoryEntry::getField).doesNotContain("slaPolicy");
	}

	@Test
	void ticketOfAnotherDepartmentGetsNoSlaFromThisPolicy() {
		CurrentUser stranger = TestFixtures.current(fixtures.user("stranger", Role.REQUESTER));
		Ticket ticket = tickets.register(demand(), stranger);
		assertThat(sla.of(ticket.id())).isEmpty();
	}

	@Test
	void waitingForTheUserPausesTheClockAndTheReplyResumesIt() {
		Ticket ticket = register();
		TicketId id = ticket.id();
		Instant ttrBefore = sla.of(id).orElseThrow().ttrDeadline();
		tickets.transition(id, Transition.of(TicketAction.TAKE), null, technician);
		tickets.transition(id, new Transition(TicketAction.PENDING, null, PendingReason.USER, null, null), null,
				technician);
		assertThat(sla.of(id).orElseThrow().paused()).isTrue();
		assertThat(storedState(id)).as("lists say paused").isEqualTo(SlaState.PAUSED);
		assertThat(tickets.get(id, technician).getSlaDueAt()).as("no deadline runs while paused").isNull();
		clock.advance(Duration.ofMinutes(30));
		tickets.comment(id, "Voici la capture", false, requester);
		SlaView after = sla.of(id).orElseThrow();
		assertThat(after.paused()).isFalse();
		assertThat(Duration.between(ttrBefore, after.ttrDeadline())).isBetween(Duration.ofMinutes(30),
				Duration.ofMinutes(31));
		assertThat(after.ttoState()).isEqualTo(SlaState.MET);
	}

	@Test
	void refusedSolutionReopensTheResolutionClockWithoutCountingTheWait() {
		TicketId id = register().id();
		tickets.transition(id, Transition.of(TicketAction.TAKE), null, technician);
		tickets.transition(id, new Transition(TicketAction.RESOLVE, null, null, "Pilote réinstallé",
				SolutionKind.PERMANENT), null, technician);
		Instant ttrBefore = sla.of(id).orElseThrow().ttrDeadline();
		assertThat(sla.of(id).orElseThrow().ttrState()).isEqualTo(SlaState.MET);
		clock.advance(Duration.ofHours(2));
		tickets.transition(id, new Transition(TicketAction.REFUSE, "Toujours en panne", null, null, null), null,
				requester);
		SlaView reopened = sla.of(id).orElseThrow();
		assertThat(reopened.ttrState()).isEqualTo(SlaState.ON_TRACK);
		assertThat(Duration.between(ttrBefore, reopened.ttrDeadline())).isBetween(Duration.ofHours(2),
				Duration.ofHours(2).plusMinutes(1));
	}

	@Test
	void priorityChangeRecomputesTheTargetsAndTheHistorySaysSo() {
		TicketId id = register().id();
		Ticket ticket = tickets.get(id, technician);
		tickets.update(id, new TicketChanges(null, null, null, null, null, null, Priority.MAJOR, "Direction bloquée",
				false, null), null, technician);
		SlaView view = sla.of(id).orElseThrow();
		assertThat(view.ttrDeadline()).isEqualTo(ticket.getCreatedAt().plus(Duration.ofHours(1)));
		List<HistoryEntry> history = tickets.history(id, technician);
		assertThat(history).extracting(HistoryEntry::getField).contains("priority", "slaTtrDeadline");
	}

	@Test
	void periodicCheckMarksATicketAtRiskThenBreachedWhenItsTimeComes() {
		TicketId id = register().id();
		clock.advance(Duration.ofMinutes(50));
		check.run();
		assertThat(sla.of(id).orElseThrow().ttoState()).isEqualTo(SlaState.AT_RISK);
		assertThat(storedState(id)).isEqualTo(SlaState.AT_RISK);
		clock.advance(Duration.ofMinutes(11));
		check.run();
		assertThat(storedState(id)).isEqualTo(SlaState.BREACHED);
	}

	@Test
	void aBreachedTicketShowsItsStateAndDeadlineAndIsListedInTheBreachedQueueWithItsVersionUnchanged() {
		TicketId id = register().id();
		Ticket registered = tickets.get(id, technician);
		assertThat(registered.getSlaState()).isEqualTo(SlaState.ON_TRACK);
		assertThat(registered.getSlaDueAt()).isEqualTo(registered.getCreatedAt().plus(Duration.ofHours(1)));
		clock.advance(Duration.ofMinutes(61));
		check.run();
		Ticket breached = tickets.get(id, technician);
		assertThat(breached.getSlaState()).isEqualTo(SlaState.BREACHED);
		assertThat(breached.getVersion()).isEqualTo(registered.getVersion());
		assertThat(queue(Queue.BREACHED, id)).containsExactly(id);
		assertThat(queue(Queue.AT_RISK, id)).isEmpty();
		tickets.transition(id, new Transition(TicketAction.TAKE, null, null, null, null), null, technician);
		assertThat(tickets.get(id, technician).getSlaDueAt()).isEqualTo(registered.getCreatedAt().plus(Duration.ofHours(4)));
	}

	@Test
	void ticketJsonCarriesItsSlaWithDeadlinesStateAndPausedTime() {
		User user = users.findById(requester.id()).orElseThrow();
		ApiClient api = ApiClient.bearer(port, fixtures.token(user));
		JsonNode created = api.post("/api/v1/tickets",
				Map.of("type", "INCIDENT", "title", "Imprimante", "description", "Bourrage", "urgency", "MEDIUM"))
			.json();
		assertThat(created.get("slaState").isNull()).as("the requester sees nothing of the SLA by default").isTrue();
		ApiClient team = ApiClient.bearer(port, fixtures.token(users.findById(technician.id()).orElseThrow()));
		JsonNode ticket = team.get("/api/v1/tickets/" + created.get("id").asLong()).json();
		assertThat(ticket.get("slaState").asString()).isEqualTo("ON_TRACK");
		assertThat(ticket.get("slaDueAt").asString()).isEqualTo(ticket.get("sla").get("ttoDeadline").asString());
		JsonNode sla = ticket.get("sla");
		assertThat(sla).as("%s", ticket).isNotNull();
		assertThat(sla.get("policy").asString()).startsWith("Policy SLA test");
		assertThat(Instant.parse(sla.get("ttrDeadline").asString()))
			.isEqualTo(Instant.parse(ticket.get("createdAt").asString()).plus(Duration.ofHours(4)));
		assertThat(sla.get("state").asString()).isEqualTo("ON_TRACK");
		assertThat(sla.get("pausedSoFar").asString()).isEqualTo("PT0S");
	}

	@Test
	void solutionAcceptedInTimeStaysMetForGoodLongAfterTheOldDeadline() {
		TicketId id = resolvedInTime();
		tickets.transition(id, Transition.of(TicketAction.ACCEPT), null, requester);
		assertMetForGood(id);
	}

	@Test
	void automaticClosureKeepsTheVerdictOfTheResolution() {
		TicketId id = resolvedInTime();
		clock.advance(Duration.ofDays(60));
		// other tests of the run may have left older resolved tickets: close every one that is due
		while (tickets.closeUnanswered(1000) > 0) {
			// the next batch
		}
		assertThat(tickets.get(id, technician).getStatus()).isEqualTo(org.guichet.tickets.Status.CLOSED);
		assertMetForGood(id);
	}

	@Test
	void aResolutionThatClosesTheTicketStopsTheResolutionClockAsAResolutionDoes() {
		settings.saveClosure(new ClosureSettings(false, 7));
		TicketId id = resolvedInTime();
		assertThat(tickets.get(id, technician).getStatus()).isEqualTo(org.guichet.tickets.Status.CLOSED);
		assertThat(tickets.history(id, technician)).filteredOn(e -> e.getField().equals("status"))
			.extracting(e -> e.getOldValue() + " -> " + e.getNewValue())
			.endsWith("IN_PROGRESS -> RESOLVED", "RESOLVED -> CLOSED");
		assertMetForGood(id);
	}

	@Test
	void aLateResolutionThatClosesTheTicketIsMissedForGood() {
		settings.saveClosure(new ClosureSettings(false, 7));
		TicketId id = register().id();
		tickets.transition(id, Transition.of(TicketAction.TAKE), null, technician);
		clock.advance(Duration.ofHours(5));
		tickets.transition(id, new Transition(TicketAction.RESOLVE, null, null, "Câble rebranché",
				SolutionKind.PERMANENT), null, technician);
		assertThat(sla.of(id).orElseThrow().ttrState()).isEqualTo(SlaState.MISSED);
		clock.advance(Duration.ofHours(5));
		check.run();
		assertThat(sla.of(id).orElseThrow().ttrState()).isEqualTo(SlaState.MISSED);
		assertThat(storedState(id)).isEqualTo(SlaState.MISSED);
	}

	@Test
	void cancelledTicketStopsItsClocksWithoutAVerdictAndIsNeverBreached() {
		TicketId id = register().id();
		clock.advance(Duration.ofMinutes(20));
		tickets.transition(id, new Transition(TicketAction.CANCEL, "Not needed any more", null, null, null), null, requester);
		clock.advance(Duration.ofHours(10));
		check.run();
		assertThat(sla.of(id).orElseThrow().state()).isEqualTo(SlaState.STOPPED);
		assertThat(storedState(id)).isEqualTo(SlaState.STOPPED);
	}

	@Test
	void editedPolicyGivesItsOpenTicketsTheNewTargetsAtTheNextCheckAndKeepsTheVerdictsReached() {
		TicketId owned = register().id();
		tickets.transition(owned, Transition.of(TicketAction.TAKE), null, technician);
		TicketId waiting = register().id();
		SlaPolicy policy = policyOf(waiting);
		slaPolicies.save(policy.getId(), null, new SlaPolicies.Definition(policy.getName(), policy.getCalendarId(),
				policy.getPosition(), false, null, true, true, true, null, null, null, policy.getMatchDepartment(),
				null, java.util.Arrays.stream(Priority.values())
					.map(p -> new SlaPolicies.TargetDefinition(TicketType.INCIDENT, p, Duration.ofHours(2),
							Duration.ofHours(8)))
					.toList()));
		check.run();
		Instant created = tickets.get(waiting, technician).getCreatedAt();
		assertThat(sla.of(waiting).orElseThrow().ttoDeadline()).isEqualTo(created.plus(Duration.ofHours(2)));
		assertThat(sla.of(waiting).orElseThrow().ttrDeadline()).isEqualTo(created.plus(Duration.ofHours(8)));
		Instant ownedCreated = tickets.get(owned, technician).getCreatedAt();
		assertThat(sla.of(owned).orElseThrow().ttoDeadline()).as("met before the edit")
			.isEqualTo(ownedCreated.plus(Duration.ofHours(1)));
		assertThat(sla.of(owned).orElseThrow().ttrDeadline()).isEqualTo(ownedCreated.plus(Duration.ofHours(8)));
	}

	@Test
	void editedCalendarMovesTheDeadlinesOfTheRunningClocksCountedOnIt() {
		TicketId id = register().id();
		SlaPolicy policy = policyOf(id);
		var stored = calendars.get(policy.getCalendarId());
		calendars.update(stored.id(), stored.version(), stored.name(), StandardCalendars.frenchOffice(), Map.of());
		check.run();
		Instant created = tickets.get(id, technician).getCreatedAt();
		assertThat(sla.of(id).orElseThrow().ttrDeadline())
			.isEqualTo(StandardCalendars.frenchOffice().addBusinessTime(created, Duration.ofHours(4)));
	}

	@Test
	void newCategorySelectsThePolicyOfThatCategoryAndCountsItsTargetsFromTheCreation() {
		TicketId id = register().id();
		org.guichet.tickets.Category printers = fixtures.category("Imprimantes SLA");
		SlaPolicy policy = policyOf(id);
		SlaPolicy byCategory = new SlaPolicy("Imprimantes " + UUID.randomUUID(), policy.getCalendarId());
		byCategory.conditions(null, printers.getId(), null, null);
		byCategory.setPosition(-1);
		for (Priority priority : Priority.values()) {
			byCategory.target(TicketType.INCIDENT, priority, Duration.ofMinutes(30), Duration.ofHours(2));
		}
		policies.save(byCategory);
		tickets.update(id, new TicketChanges(null, null, null, printers.getId(), null, null, null, null, false, null),
				null, technician);
		Instant created = tickets.get(id, technician).getCreatedAt();
		SlaView view = sla.of(id).orElseThrow();
		assertThat(view.policy()).isEqualTo(byCategory.getName());
		assertThat(view.ttrDeadline()).isEqualTo(created.plus(Duration.ofHours(2)));
		assertThat(tickets.history(id, technician)).extracting(HistoryEntry::getField).contains("slaPolicy");
	}

	@Test
	void ticketWithoutPolicyGetsClocksFromItsCreationWhenANewCategorySelectsOne() {
		CurrentUser stranger = TestFixtures.current(fixtures.user("stranger", Role.REQUESTER));
		TicketId id = tickets.register(demand(), stranger).id();
		assertThat(sla.of(id)).isEmpty();
		org.guichet.tickets.Category printers = fixtures.category("Imprimantes sans SLA");
		SlaPolicy byCategory = new SlaPolicy("Imprimantes " + UUID.randomUUID(),
				calendars.define("24/7 " + UUID.randomUUID(), StandardCalendars.twentyFourSeven()).id());
		byCategory.conditions(null, printers.getId(), null, null);
		byCategory.setPosition(-1);
		for (Priority priority : Priority.values()) {
			byCategory.target(TicketType.INCIDENT, priority, Duration.ofMinutes(30), Duration.ofHours(2));
		}
		policies.save(byCategory);
		clock.advance(Duration.ofMinutes(40));
		tickets.update(id, new TicketChanges(null, null, null, printers.getId(), null, null, null, null, false, null),
				null, technician);
		Instant created = tickets.get(id, technician).getCreatedAt();
		SlaView view = sla.of(id).orElseThrow();
		assertThat(view.policy()).isEqualTo(byCategory.getName());
		assertThat(view.ttoDeadline()).isEqualTo(created.plus(Duration.ofMinutes(30)));
		assertThat(view.ttoState()).isEqualTo(SlaState.BREACHED);
		assertThat(tickets.history(id, technician)).extracting(HistoryEntry::getField).contains("slaPolicy");
	}

	@Test
	void ticketsStartedLateTogetherGetTheirClocksFromTheirOwnHistoryAndATicketWithClocksKeepsThem() {
		String department = "Late " + UUID.randomUUID();
		User strangerUser = fixtures.user("late", Role.REQUESTER);
		strangerUser.setDepartment(department);
		users.save(strangerUser);
		CurrentUser stranger = TestFixtures.current(strangerUser);
		TicketId taken = tickets.register(demand(), stranger).id();
		TicketId waiting = tickets.register(demand(), stranger).id();
		TicketId counted = register().id();
		SlaView before = sla.of(counted).orElseThrow();
		SlaPolicy late = new SlaPolicy("Late " + department,
				calendars.define("24/7 " + department, StandardCalendars.twentyFourSeven()).id());
		late.conditions(null, null, department, null);
		late.setPosition(-1);
		for (Priority priority : Priority.values()) {
			late.target(TicketType.INCIDENT, priority, Duration.ofMinutes(30), Duration.ofHours(2));
		}
		policies.save(late);
		clock.advance(Duration.ofMinutes(10));
		tickets.transition(taken, Transition.of(TicketAction.TAKE), null, technician);
		clock.advance(Duration.ofMinutes(30));
		assertThat(sla.of(taken)).as("no policy counted it when it was taken").isEmpty();

		new TransactionTemplate(transactionManager).executeWithoutResult(status -> sla.startLate(
				List.of(tickets.find(taken), tickets.find(counted), tickets.find(waiting))));

		Instant created = tickets.get(taken, technician).getCreatedAt();
		SlaView takenView = sla.of(taken).orElseThrow();
		assertThat(takenView.policy()).isEqualTo(late.getName());
		assertThat(takenView.ttoDeadline()).isEqualTo(created.plus(Duration.ofMinutes(30)));
		assertThat(takenView.ttoState()).as("taken 10 minutes after its registration").isEqualTo(SlaState.MET);
		SlaView waitingView = sla.of(waiting).orElseThrow();
		assertThat(waitingView.ttoState()).as("not taken 40 minutes after").isEqualTo(SlaState.BREACHED);
		assertThat(storedState(waiting)).isEqualTo(SlaState.BREACHED);
		SlaView countedView = sla.of(counted).orElseThrow();
		assertThat(countedView.policy()).isEqualTo(before.policy());
		assertThat(countedView.ttoDeadline()).isEqualTo(before.ttoDeadline());
		assertThat(countedView.ttrDeadline()).isEqualTo(before.ttrDeadline());
		for (TicketId id : List.of(taken, waiting)) {
			assertThat(tickets.history(id, technician)).extracting(HistoryEntry::getField)
				.filteredOn("slaPolicy"::equals)
				.hasSize(1);
		}
		assertThat(tickets.history(counted, technician)).extracting(HistoryEntry::getField)
			.filteredOn("slaPolicy"::equals)
			.hasSize(1);
	}

	@Test
	void clocksStoredWrongAreRepairedFromTheTicketsHistoryAtTheNextCheck() {
		TicketId id = resolvedInTime();
		tickets.transition(id, Transition.of(TicketAction.ACCEPT), null, requester);
		// what the defect left behind: a closed ticket whose resolution clock ran again
		jdbc.update("update ticket_sla set resolved_at = null, ttr_missed = false, recompute = 'ALL', next_check_at = started_at"
				+ " where ticket_id = ?", id.value());
		check.run();
		assertMetForGood(id);
	}

	private TicketId resolvedInTime() {
		TicketId id = register().id();
		clock.advance(Duration.ofMinutes(10));
		tickets.transition(id, Transition.of(TicketAction.TAKE), null, technician);
		clock.advance(Duration.ofMinutes(10));
		tickets.transition(id, new Transition(TicketAction.RESOLVE, null, null, "Câble rebranché",
				SolutionKind.PERMANENT), null, technician);
		return id;
	}

	private void assertMetForGood(TicketId id) {
		assertThat(sla.of(id).orElseThrow().state()).isEqualTo(SlaState.MET);
		assertThat(storedState(id)).isEqualTo(SlaState.MET);
		clock.advance(Duration.ofHours(5));
		check.run();
		assertThat(sla.of(id).orElseThrow().state()).as("after the old deadline").isEqualTo(SlaState.MET);
		assertThat(sla.of(id).orElseThrow().ttoLeft()).as("nothing left to count on a met clock").isNull();
		assertThat(sla.of(id).orElseThrow().ttrLeft()).isNull();
		assertThat(storedState(id)).isEqualTo(SlaState.MET);
		User agent = users.findById(technician.id()).orElseThrow();
		JsonNode view = ApiClient.bearer(port, fixtures.token(agent)).get("/api/v1/tickets/" + id.value() + "/sla").json();
		assertThat(view.get("state").asString()).isEqualTo("MET");
	}

	private SlaPolicy policyOf(TicketId id) {
		String name = sla.of(id).orElseThrow().policy();
		return policies.findAll().stream().filter(p -> p.getName().equals(name)).findFirst().orElseThrow();
	}

	private List<TicketId> queue(Queue queue, TicketId id) {
		TicketQuery query = new TicketQuery(queue, null, null, null, null, null, null, null, "#" + id.value(),
				TicketSort.DEADLINE, 0, 10);
		return tickets.search(query, technician).tickets().stream().map(Ticket::id).toList();
	}

	/** The state as lists and queues show it, stored on the ticket at the last change or check. */
	private SlaState storedState(TicketId id) {
		return tickets.get(id, technician).getSlaState();
	}

	private Ticket register() {
		return tickets.register(demand(), requester);
	}

	private static NewTicket demand() {
		return new NewTicket(TicketType.INCIDENT, "Écran noir", "Plus d'affichage depuis ce matin", null,
				Channel.PORTAL, null, Urgency.MEDIUM, Impact.LOW, List.of());
	}

}
