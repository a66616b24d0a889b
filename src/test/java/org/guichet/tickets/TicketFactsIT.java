package org.guichet.tickets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.guichet.approvals.Approvals;
import org.guichet.approvals.Quorum;
import org.guichet.approvals.StepKind;
import org.guichet.approvals.StepPlan;
import org.guichet.approvals.Verdict;
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
import org.guichet.system.DomainException;
import org.guichet.testing.ApiClient;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.ShiftableClock;
import org.guichet.testing.TestFixtures;
import org.guichet.testing.TestSweep;
import org.guichet.testing.TicketFactRows;
import org.guichet.tickets.TicketEvents.TicketFactsWritten;
import org.guichet.tickets.TicketFacts.ApprovalOutcome;
import org.guichet.tickets.TicketFacts.ApprovalWait;
import org.guichet.tickets.TicketFacts.OpenSpan;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The facts kept in the transaction of each change equal, for every ticket, a fresh derivation
 * from its history, whichever way it changed; the rebuild command and the catch-up derive them
 * again after a restore.
 */
@GuichetIntegrationTest
@RecordApplicationEvents
class TicketFactsIT {

	@Autowired
	private ApplicationEventPublisher publisher;

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private TicketMerge merge;

	@Autowired
	private TicketFactsKeeper keeper;

	@Autowired
	private TicketFactsCatchUp catchUp;

	@Autowired
	private UserRepository users;

	@Autowired
	private SlaPolicyRepository policies;

	@Autowired
	private Calendars calendars;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private ShiftableClock clock;

	@LocalServerPort
	private int port;

	private CurrentUser requester;

	private CurrentUser technician;

	private CurrentUser agent;

	private User administrator;

	private SupportGroup desk;

	private User supervisor;

	@Autowired
	private Approvals approvals;

	private SupportGroup network;

	private final List<Long> ids = new ArrayList<>();

	@BeforeEach
	void setUp() {
		supervisor = fixtures.user("facts-supervisor", Role.SUPERVISOR);
		User tech = fixtures.user("facts-tech", Role.TECHNICIAN);
		tech.setManager(supervisor);
		users.save(tech);
		User other = fixtures.user("facts-agent", Role.TECHNICIAN);
		desk = fixtures.group(SupportLevel.N1, tech, other);
		network = fixtures.group(SupportLevel.N2, tech, other);
		requester = TestFixtures.current(fixtures.user("facts-requester", Role.REQUESTER));
		technician = TestFixtures.current(tech);
		agent = TestFixtures.current(other);
		administrator = fixtures.user("facts-admin", Role.ADMINISTRATOR);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void everyKindOfChangeLeavesFactsEqualToAFreshDerivationFromTheHistory() {
		// an exchange, then a resolution the requester accepts and rates
		long exchanged = register(requester, Channel.PORTAL);
		tickets.assign(id(exchanged), desk.getId(), technician.id(), null, agent);
		later();
		tickets.transition(id(exchanged), Transition.of(TicketAction.TAKE), null, technician);
		tickets.comment(id(exchanged), "Which printer?", false, technician);
		later();
		tickets.comment(id(exchanged), "The one on floor 2", false, requester);
		tickets.comment(id(exchanged), "Known issue", true, technician);
		tickets.attach(id(exchanged), "log.txt", "text/plain", new byte[] { 1, 2 }, true, technician);
		tickets.addTask(id(exchanged), "Order toner", null, 10, technician);
		resolve(exchanged, technician);
		tickets.transition(id(exchanged), new Transition(TicketAction.ACCEPT, "Thanks", null, null, null), null,
				requester);
		tickets.rate(id(exchanged), 5, "Quick", requester);

		// a phone call solved by the agent who took it
		long call = register(agent, Channel.PHONE);
		resolve(call, agent);

		// waiting on the user, resumed by their reply, refused once, reopened once, solved again
		long reworked = register(requester, Channel.PORTAL);
		tickets.transition(id(reworked), Transition.of(TicketAction.TAKE), null, technician);
		tickets.transition(id(reworked), new Transition(TicketAction.PENDING, null, PendingReason.USER, null, null),
				null, technician);
		later();
		tickets.comment(id(reworked), "Here is the screenshot", false, requester);
		resolve(reworked, technician);
		tickets.transition(id(reworked), new Transition(TicketAction.REFUSE, "Still broken", null, null, null), null,
				requester);
		resolve(reworked, technician);
		tickets.transition(id(reworked), Transition.of(TicketAction.REOPEN), null, technician);
		tickets.update(id(reworked), new TicketChanges(null, null, null, null, null, null, Priority.HIGH, "VIP meeting",
				false, null), null, technician);
		resolve(reworked, technician);

		// cancelled by its requester; merged into another ticket
		long cancelled = register(requester, Channel.PORTAL);
		tickets.transition(id(cancelled), new Transition(TicketAction.CANCEL, "No longer needed", null, null, null), null, requester);
		long duplicate = register(requester, Channel.PORTAL);
		long original = register(requester, Channel.PORTAL);
		merge.merge(id(duplicate), original, null, agent);

		// escalated every way
		long escalated = register(requester, Channel.EMAIL);
		tickets.assign(id(escalated), desk.getId(), technician.id(), null, agent);
		tickets.escalate(id(escalated), EscalationKind.HIERARCHICAL, null, null, "Angry customer", null, technician);
		tickets.escalate(id(escalated), EscalationKind.FUNCTIONAL, network.getId(), technician.id(), "Network issue",
				null, technician);
		tickets.escalateAutomatically(id(escalated), "Level 1", true, false, null, null, clock.instant());

		// closed by Guichet after the requester left the solution unanswered
		long unanswered = register(requester, Channel.PORTAL);
		resolve(unanswered, technician);
		clock.advance(Duration.ofDays(8));
		tickets.closeUnanswered(10_000);

		assertFactsAreFresh();
		TicketFacts exchangedFacts = stored(exchanged);
		assertThat(exchangedFacts.status()).isEqualTo(Status.CLOSED);
		assertThat(exchangedFacts.rating()).isEqualTo(5);
		assertThat(exchangedFacts.resolvedFirstContact()).isFalse();
		assertThat(exchangedFacts.resolvedFirstLevel()).isTrue();
		assertThat(stored(call).resolvedFirstContact()).isTrue();
		TicketFacts reworkedFacts = stored(reworked);
		assertThat(reworkedFacts.reopenCount()).isEqualTo(2);
		assertThat(reworkedFacts.refusalCount()).isEqualTo(1);
		assertThat(reworkedFacts.priority()).isEqualTo(Priority.HIGH);
		assertThat(reworkedFacts.openSpans()).hasSize(3);
		assertThat(stored(cancelled).cancelledAt()).isNotNull();
		assertThat(stored(duplicate).merged()).isTrue();
		TicketFacts escalatedFacts = stored(escalated);
		assertThat(List.of(escalatedFacts.functionalEscalations(), escalatedFacts.hierarchicalEscalations(),
				escalatedFacts.automaticEscalations())).containsExactly(1, 1, 1);
		assertThat(escalatedFacts.firstGroupId()).isEqualTo(desk.getId());
		assertThat(stored(unanswered).closedAt()).isEqualTo(
				jdbc.queryForObject("select closed_at from ticket where id = ?", OffsetDateTime.class, unanswered)
					.toInstant());
	}

	@Test
	void rewritingFactsNamesTheDaysOfTheFactsReplacedAsWellAsOfThoseWritten(@Autowired ApplicationEvents events) {
		long ticket = register(requester, Channel.PORTAL);
		// the day it was made on, not the clock's after register's seven minutes: near midnight they differ
		LocalDate created = LocalDate.ofInstant(jdbc
			.queryForObject("select created_at from ticket where id = ?", OffsetDateTime.class, ticket)
			.toInstant(), ZoneId.of("Europe/Paris"));
		new TicketFactRows(jdbc, ZoneId.of("Europe/Paris"), publisher).write(ticket,
				Map.of("resolved_day", LocalDate.of(2020, 1, 1), "ttr_deadline", Instant.parse("2019-06-01T22:00:00Z")));
		events.clear();
		tickets.comment(id(ticket), "Which printer?", false, technician);
		Set<LocalDate> days = events.stream(TicketFactsWritten.class)
			.flatMap(written -> written.days().stream())
			.collect(Collectors.toSet());
		// the deadline replaced is midnight in Paris: it ends 1 June and starts 2 June
		assertThat(days).contains(LocalDate.of(2020, 1, 1), LocalDate.of(2019, 6, 1), LocalDate.of(2019, 6, 2), created);
	}

	@Test
	void randomLifecyclesLeaveFactsEqualToAFreshDerivationFromTheHistory() {
		Random random = new Random(9);
		// a campaign: its whole length in the full sweep, its first lives in the everyday build
		int lives = TestSweep.full() ? 200 : 60;
		for (int i = 0; i < lives; i++) {
			long ticket = register(random.nextInt(4) == 0 ? agent : requester,
					Channel.values()[random.nextInt(Channel.values().length)]);
			int steps = random.nextInt(10);
			for (int step = 0; step < steps; step++) {
				clock.advance(Duration.ofMinutes(1 + random.nextInt(600)));
				tryTo(randomAction(random), ticket);
			}
		}
		assertFactsAreFresh();
		assertThat(jdbc.queryForObject("select count(*) from ticket_fact where ticket_id in (" + String.join(",",
				ids.stream().map(String::valueOf).toList()) + ") and reopen_count > 0", Integer.class))
			.as("random lives reopen some tickets")
			.isPositive();
	}

	@Test
	void theRebuildCommandQueuesEveryTicketForAdministratorsOnlyAndTheCatchUpDerivesThemAgain() {
		long solved = register(requester, Channel.PORTAL);
		resolve(solved, technician);
		long open = register(requester, Channel.PORTAL);
		long approved = register(requester, Channel.PORTAL);
		decideApproval(approved, Verdict.APPROVE, null);
		long turnedDown = register(requester, Channel.PORTAL);
		decideApproval(turnedDown, Verdict.REFUSE, "No budget this year");
		TicketFacts before = stored(solved);
		TicketFacts approvedBefore = stored(approved);
		TicketFacts refusedBefore = stored(turnedDown);
		assertThat(approvedBefore.approval()).extracting(ApprovalWait::outcome, ApprovalWait::seconds)
			.containsExactly(ApprovalOutcome.APPROVED, 7 * 60L);
		assertThat(refusedBefore.approval()).extracting(ApprovalWait::outcome, ApprovalWait::seconds)
			.containsExactly(ApprovalOutcome.REFUSED, 7 * 60L);
		// a restore that lost the facts of these tickets
		for (long ticket : ids) {
			jdbc.update("delete from ticket_open_span where ticket_id = ?", ticket);
			jdbc.update("delete from ticket_fact where ticket_id = ?", ticket);
		}

		ApiClient.Response refused = ApiClient.bearer(port, fixtures.token(users.findById(technician.id()).orElseThrow()))
			.post("/api/v1/admin/ticket-facts/rebuild", Map.of());
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");

		ApiClient.Response accepted = ApiClient.bearer(port, fixtures.token(administrator))
			.post("/api/v1/admin/ticket-facts/rebuild", Map.of());
		assertThat(accepted.status()).isEqualTo(202);
		long tickets = jdbc.queryForObject("select count(*) from ticket", Long.class);
		assertThat(accepted.json().get("queued").asLong()).isEqualTo(tickets);

		catchUp.run();
		assertThat(jdbc.queryForObject("select count(*) from ticket_fact_pending", Long.class)).isZero();
		assertThat(stored(solved)).isEqualTo(before);
		assertThat(stored(approved)).as("the approval wait is derived again from the history").isEqualTo(approvedBefore);
		assertThat(stored(turnedDown)).isEqualTo(refusedBefore);
		ApiClient lists = ApiClient.bearer(port, fixtures.token(administrator));
		assertThat(listed(lists, "periodBy=APPROVAL_DECIDED")).as("the approval delay's drill-down")
			.contains(approved, turnedDown);
		assertThat(listed(lists, "periodBy=APPROVAL_REFUSED")).as("its refusals'").contains(turnedDown)
			.doesNotContain(approved, solved);
		assertThat(stored(open).openSpans()).hasSize(1);
		assertFactsAreFresh();
	}

	@Test
	void theCatchUpDerivesThousandsOfPendingTicketsInBatches() {
		long template = register(requester, Channel.PORTAL);
		resolve(template, technician);
		int count = 3000;
		jdbc.batchUpdate("insert into ticket (type, title, description, requester_id, registered_by_id, channel,"
				+ " urgency, impact, priority, status, created_at, updated_at, owned_at, resolved_at, reopen_count,"
				+ " version) select type, title, description, requester_id, registered_by_id, channel, urgency, impact,"
				+ " priority, status, created_at, updated_at, owned_at, resolved_at, reopen_count, version"
				+ " from ticket where id = " + template, java.util.Collections.nCopies(count, new Object[0]));
		jdbc.update("insert into ticket_history (ticket_id, at, actor_id, field, old_value, new_value)"
				+ " select t.id, h.at, h.actor_id, h.field, h.old_value, h.new_value from ticket t, ticket_history h"
				+ " where t.id > ? and h.ticket_id = ?", template, template);
		jdbc.update("insert into ticket_fact_pending (ticket_id) select id from ticket where id > ?", template);
		long started = System.nanoTime();
		catchUp.run();
		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.printf("Ticket facts catch-up: %d tickets in %.2f s, %.0f tickets/s%n", count, seconds,
				count / seconds);
		assertThat(jdbc.queryForObject("select count(*) from ticket_fact_pending", Long.class)).isZero();
		List<Long> copies = jdbc.queryForList("select id from ticket where id > ? order by id", Long.class, template);
		TicketFacts original = stored(template);
		for (long copy : List.of(copies.get(0), copies.get(copies.size() - 1))) {
			TicketFacts facts = stored(copy);
			assertThat(facts.resolvedAt()).isEqualTo(original.resolvedAt());
			assertThat(facts.openSpans()).isEqualTo(original.openSpans());
		}
	}

	@Test
	void aCatchUpOverABatchWritesTheSameRowsAsTheTransactionOfEachChange() {
		// two SLA policies on two calendars, with targets no random life below reaches: the
		// verdicts come from the ticket's own changes, never from a deadline passing unseen
		String officeHours = "Office hours " + UUID.randomUUID();
		String allDayLong = "All day " + UUID.randomUUID();
		long office = slaPolicy(officeHours, calendars.define(officeHours, StandardCalendars.frenchOffice()).id());
		long allDay = slaPolicy(allDayLong, calendars.define(allDayLong, StandardCalendars.twentyFourSeven()).id());
		Random random = new Random(11);
		for (String department : List.of(officeHours, allDayLong)) {
			requester = TestFixtures.current(requesterIn(department));
			for (int i = 0; i < 75; i++) {
				long ticket = register(random.nextInt(4) == 0 ? agent : requester,
						Channel.values()[random.nextInt(Channel.values().length)]);
				int steps = random.nextInt(8);
				for (int step = 0; step < steps; step++) {
					clock.advance(Duration.ofMinutes(1 + random.nextInt(120)));
					tryTo(randomAction(random), ticket);
				}
			}
		}
		Map<Long, TicketFacts> kept = new HashMap<>();
		ids.forEach(ticket -> kept.put(ticket, stored(ticket)));
		// a restore lost half of the rows and left the other half wrong: both paths of the writer
		for (int i = 0; i < ids.size(); i++) {
			long ticket = ids.get(i);
			jdbc.update("delete from ticket_open_span where ticket_id = ?", ticket);
			if (i % 2 == 0) {
				jdbc.update("delete from ticket_fact where ticket_id = ?", ticket);
			}
			else {
				jdbc.update("update ticket_fact set status = 'NEW', reopen_count = 99, resolved_at = null,"
						+ " own_business_seconds = null, tto_met = null where ticket_id = ?", ticket);
			}
			jdbc.update("insert into ticket_fact_pending (ticket_id) values (?)", ticket);
		}

		catchUp.run();

		assertThat(jdbc.queryForObject("select count(*) from ticket_fact_pending", Long.class)).isZero();
		for (long ticket : ids) {
			assertThat(stored(ticket)).as("facts of #%d", ticket).isEqualTo(kept.get(ticket));
		}
		assertThat(kept.values()).as("random lives under both policies, with business time and verdicts")
			.anyMatch(f -> Objects.equals(f.slaPolicyId(), office) && f.resolutionBusinessSeconds() != null)
			.anyMatch(f -> Objects.equals(f.slaPolicyId(), allDay) && f.ownBusinessSeconds() != null)
			.anyMatch(f -> Boolean.TRUE.equals(f.ttrMet()))
			.anyMatch(f -> f.openSpans().size() > 1);
	}

	// --- Actions ----------------------------------------------------------------------------

	private Consumer<Long> randomAction(Random random) {
		int pick = random.nextInt(17);
		return ticket -> {
			switch (pick) {
				case 0 -> tickets.assign(id(ticket), desk.getId(), random.nextBoolean() ? technician.id() : null,
						null, agent);
				case 1, 2 -> tickets.transition(id(ticket), Transition.of(TicketAction.TAKE), null, technician);
				case 3 -> tickets.transition(id(ticket), new Transition(TicketAction.PENDING, null,
						PendingReason.values()[random.nextInt(PendingReason.values().length)], null, null), null,
						technician);
				case 4 -> tickets.transition(id(ticket), Transition.of(TicketAction.RESUME), null, technician);
				case 5 -> tickets.comment(id(ticket), "Reply", false, technician);
				case 6 -> tickets.comment(id(ticket), "Any news?", false, requester);
				case 7, 8 -> resolve(ticket, random.nextBoolean() ? technician : agent);
				case 9 -> tickets.transition(id(ticket), new Transition(TicketAction.REFUSE, "No", null, null, null),
						null, requester);
				case 10 -> tickets.transition(id(ticket), Transition.of(TicketAction.REOPEN), null, technician);
				case 11 -> tickets.transition(id(ticket), Transition.of(TicketAction.ACCEPT), null, requester);
				case 12 -> tickets.transition(id(ticket), new Transition(TicketAction.CANCEL, "No longer needed", null, null, null), null, requester);
				case 13 -> tickets.escalate(id(ticket), EscalationKind.FUNCTIONAL, network.getId(), null, "Hard",
						null, technician);
				case 14 -> tickets.escalate(id(ticket), EscalationKind.HIERARCHICAL, null, null, "Slow", null,
						technician);
				case 15 -> tickets.escalateAutomatically(id(ticket), "Level", random.nextBoolean(),
						random.nextBoolean(), null, null, clock.instant());
				default -> tickets.rate(id(ticket), 1 + random.nextInt(5), null, requester);
			}
		};
	}

	/** An action the ticket's state may refuse: a refusal is part of a random life. */
	private static void tryTo(Consumer<Long> action, long ticket) {
		try {
			action.accept(ticket);
		}
		catch (DomainException refused) {
			// refused as the lifecycle says: the ticket did not change
		}
	}

	private long register(CurrentUser by, Channel channel) {
		Long requesterId = by.isAgent() ? requester.id() : null;
		Ticket ticket = tickets.register(new NewTicket(TicketType.INCIDENT, "Printer", "It jams", requesterId, channel,
				null, Urgency.MEDIUM, null, List.of()), by);
		ids.add(ticket.getId());
		later();
		return ticket.getId();
	}

	/** The ids of the first 100 tickets of the list with these criteria, in its default order. */
	private static List<Long> listed(ApiClient client, String criteria) {
		ApiClient.Response list = client.get("/api/v1/tickets?size=100&" + criteria);
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		List<Long> ids = new ArrayList<>();
		list.json().get("items").forEach(item -> ids.add(item.get("id").asLong()));
		return ids;
	}

	/** Asks the supervisor's approval of a ticket just registered, and decides it 7 minutes later. */
	private void decideApproval(long ticket, Verdict verdict, @Nullable String comment) {
		long approval = Objects.requireNonNull(approvals.request(id(ticket),
				List.of(new StepPlan(StepKind.USER, supervisor.getId(), Quorum.ANY, null, null))).getId());
		later();
		approvals.decide(approval, verdict, comment, TestFixtures.current(supervisor));
	}

	private void resolve(long ticket, CurrentUser by) {
		later();
		tickets.transition(id(ticket), new Transition(TicketAction.RESOLVE, null, null, "Replaced the toner",
				SolutionKind.WORKAROUND), null, by);
		later();
	}

	private void later() {
		clock.advance(Duration.ofMinutes(7));
	}

	private static TicketId id(long ticket) {
		return new TicketId(ticket);
	}

	// --- SLA --------------------------------------------------------------------------------

	/** A policy for the requesters of {@code department}, TTO 2,000 h and TTR 5,000 h of its calendar. */
	private long slaPolicy(String department, long calendarId) {
		SlaPolicy policy = new SlaPolicy("Facts " + department, calendarId);
		policy.conditions(null, null, department, null);
		for (Priority priority : Priority.values()) {
			policy.target(TicketType.INCIDENT, priority, Duration.ofHours(2_000), Duration.ofHours(5_000));
		}
		return policies.save(policy).getId();
	}

	private User requesterIn(String department) {
		User user = fixtures.user("facts-requester", Role.REQUESTER);
		user.setDepartment(department);
		return users.save(user);
	}

	// --- Facts ------------------------------------------------------------------------------

	private void assertFactsAreFresh() {
		List<TicketFacts> fresh = keeper.derive(ids);
		assertThat(fresh).hasSize(ids.size());
		for (TicketFacts expected : fresh) {
			assertThat(stored(expected.ticketId())).as("facts of #%d", expected.ticketId()).isEqualTo(expected);
		}
	}

	private TicketFacts stored(long ticketId) {
		List<OpenSpan> spans = jdbc.query(
				"select opened_at, ended_at from ticket_open_span where ticket_id = ? order by opened_at",
				(rs, row) -> new OpenSpan(instant(rs, "opened_at"), instant(rs, "ended_at")), ticketId);
		return jdbc.queryForObject("select * from ticket_fact where ticket_id = ?", (rs, row) -> new TicketFacts(
				rs.getLong("ticket_id"), TicketType.valueOf(rs.getString("type")),
				Channel.valueOf(rs.getString("channel")), Priority.valueOf(rs.getString("priority")),
				number(rs, "category_id"), number(rs, "group_id"), number(rs, "assignee_id"), rs.getString("department"),
				Status.valueOf(rs.getString("status")), instant(rs, "created_at"),
				rs.getObject("created_day", LocalDate.class), rs.getInt("created_hour"), rs.getInt("created_weekday"),
				instant(rs, "owned_at"), instant(rs, "first_response_at"), instant(rs, "resolved_at"),
				rs.getObject("resolved_day", LocalDate.class), instant(rs, "closed_at"),
				rs.getObject("closed_day", LocalDate.class), instant(rs, "cancelled_at"), rs.getBoolean("merged"), rs.getBoolean("major_incident"),
				number(rs, "own_seconds"), number(rs, "own_business_seconds"), number(rs, "first_response_seconds"),
				number(rs, "resolution_seconds"), number(rs, "resolution_business_seconds"),
				number(rs, "sla_policy_id"), instant(rs, "tto_deadline"), bool(rs, "tto_met"),
				instant(rs, "ttr_deadline"), bool(rs, "ttr_met"), rs.getInt("reopen_count"),
				rs.getInt("refusal_count"), rs.getInt("functional_escalations"), rs.getInt("hierarchical_escalations"),
				rs.getInt("automatic_escalations"), number(rs, "first_group_id"), bool(rs, "resolved_first_level"),
				bool(rs, "resolved_first_contact"), rs.getObject("rating") == null ? null : rs.getInt("rating"),
				instant(rs, "rated_at"), rs.getBoolean("surveyed"), approval(rs), spans), ticketId);
	}

	private static @Nullable ApprovalWait approval(ResultSet rs) throws SQLException {
		Instant requestedAt = instant(rs, "approval_requested_at");
		return requestedAt == null ? null : new ApprovalWait(requestedAt, instant(rs, "approval_decided_at"),
				ApprovalOutcome.valueOf(rs.getString("approval_outcome")), number(rs, "approval_seconds"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static @Nullable Long number(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private static @Nullable Boolean bool(ResultSet rs, String column) throws SQLException {
		boolean value = rs.getBoolean(column);
		return rs.wasNull() ? null : value;
	}

}
