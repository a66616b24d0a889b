package org.guichet.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.guichet.calendars.Calendars;
import org.guichet.calendars.StandardCalendars;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.ShiftableClock;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Impact;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.PendingReason;
import org.guichet.tickets.Priority;
import org.guichet.tickets.SolutionKind;
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
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SLA columns of the ticket facts, handed over by the SLA module: policy, deadlines, verdicts
 * as soon as a deadline passes, business time of each clock without its pauses. On a 24/7
 * calendar, so that business time is plain elapsed time; TTO 1 h, TTR 4 h.
 */
@GuichetIntegrationTest
class SlaFactsIT {

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
	private JdbcTemplate jdbc;

	@Autowired
	private ShiftableClock clock;

	private CurrentUser requester;

	private CurrentUser technician;

	private long policyId;

	@BeforeEach
	void setUp() {
		String department = "SLA facts " + UUID.randomUUID();
		long calendarId = calendars.define("24/7 " + department, StandardCalendars.twentyFourSeven()).id();
		SlaPolicy policy = new SlaPolicy("Policy " + department, calendarId);
		policy.conditions(null, null, department, null);
		for (Priority priority : Priority.values()) {
			policy.target(TicketType.INCIDENT, priority, Duration.ofHours(1), Duration.ofHours(4));
		}
		policyId = policies.save(policy).getId();
		User requesterUser = fixtures.user("facts-requester", Role.REQUESTER);
		requesterUser.setDepartment(department);
		users.save(requesterUser);
		requester = TestFixtures.current(requesterUser);
		technician = TestFixtures.current(fixtures.user("facts-tech", Role.TECHNICIAN));
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void aDeadlinePassingWhileTheClockRunsTurnsItsVerdictToMissedWithoutAnyTicketAction() {
		long started = System.nanoTime();
		Ticket ticket = register();
		TicketId id = ticket.id();
		Map<String, Object> registered = facts(id);
		assertThat(registered.get("sla_policy_id")).isEqualTo(policyId);
		assertThat(instant(registered.get("tto_deadline"))).isEqualTo(ticket.getCreatedAt().plus(Duration.ofHours(1)));
		assertThat(instant(registered.get("ttr_deadline"))).isEqualTo(ticket.getCreatedAt().plus(Duration.ofHours(4)));
		assertThat(registered.get("tto_met")).isNull();
		assertThat(registered.get("ttr_met")).isNull();

		clock.advance(Duration.ofMinutes(61));
		check.run();
		assertThat(facts(id).get("tto_met")).as("time to own missed while nobody touched the ticket").isEqualTo(false);
		assertThat(facts(id).get("ttr_met")).isNull();

		tickets.transition(id, Transition.of(TicketAction.TAKE), null, technician);
		assertSeconds(facts(id).get("own_business_seconds"), 61L * 60, started);
		clock.advance(Duration.ofHours(3));
		check.run();
		assertThat(facts(id).get("ttr_met")).as("the ticket was breached already: its time to resolve passes too")
			.isEqualTo(false);
	}

	@Test
	void aTicketSolvedInTimeHasBothClocksMetAndTheirBusinessTimeWithoutThePause() {
		long started = System.nanoTime();
		TicketId id = register().id();
		clock.advance(Duration.ofMinutes(30));
		tickets.transition(id, Transition.of(TicketAction.TAKE), null, technician);
		tickets.transition(id, new Transition(TicketAction.PENDING, null, PendingReason.SUPPLIER, null, null), null,
				technician);
		clock.advance(Duration.ofMinutes(45));
		tickets.transition(id, Transition.of(TicketAction.RESUME), null, technician);
		clock.advance(Duration.ofMinutes(60));
		tickets.transition(id, new Transition(TicketAction.RESOLVE, null, null, "Toner replaced",
				SolutionKind.PERMANENT), null, technician);
		Map<String, Object> facts = facts(id);
		assertThat(facts.get("tto_met")).isEqualTo(true);
		assertThat(facts.get("ttr_met")).isEqualTo(true);
		assertSeconds(facts.get("own_business_seconds"), 30L * 60, started);
		// 90 minutes of work, the 45 paused not counted
		assertSeconds(facts.get("resolution_business_seconds"), 90L * 60, started);
		assertSeconds(facts.get("resolution_seconds"), 135L * 60, started);
	}

	@Test
	void aTicketCancelledBeforeItsDeadlinesHasNoVerdictAndOneWithoutPolicyNoSlaColumn() {
		TicketId id = register().id();
		tickets.transition(id, new Transition(TicketAction.CANCEL, "No longer needed", null, null, null), null, requester);
		assertThat(facts(id).get("tto_met")).isNull();
		assertThat(facts(id).get("ttr_met")).isNull();
		assertThat(facts(id).get("sla_policy_id")).isEqualTo(policyId);

		CurrentUser stranger = TestFixtures.current(fixtures.user("facts-stranger", Role.REQUESTER));
		TicketId without = tickets.register(demand(), stranger).id();
		Map<String, Object> none = facts(without);
		assertThat(List.of("sla_policy_id", "tto_deadline", "tto_met", "ttr_deadline", "ttr_met"))
			.allSatisfy(column -> assertThat(none.get(column)).as(column).isNull());
	}

	private Ticket register() {
		return tickets.register(demand(), requester);
	}

	private static NewTicket demand() {
		return new NewTicket(TicketType.INCIDENT, "Printer jam", "It jams on every page", null, Channel.PORTAL, null,
				Urgency.MEDIUM, Impact.LOW, List.of());
	}

	private Map<String, Object> facts(TicketId id) {
		return jdbc.queryForMap("select sla_policy_id, tto_deadline, tto_met, ttr_deadline, ttr_met,"
				+ " own_business_seconds, resolution_business_seconds, resolution_seconds from ticket_fact"
				+ " where ticket_id = ?", id.value());
	}

	private static Instant instant(Object value) {
		return value instanceof OffsetDateTime at ? at.toInstant() : ((java.sql.Timestamp) value).toInstant();
	}

	/**
	 * The test's clock runs with the real one, shifted: the seconds a fact counts are those the test
	 * advanced, plus at most the real seconds the test has taken so far (2 at a load of 26).
	 */
	private static void assertSeconds(Object counted, long advanced, long startedNanos) {
		long realSeconds = Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds() + 1;
		assertThat((Long) counted).isBetween(advanced, advanced + realSeconds);
	}

}
