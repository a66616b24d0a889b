package org.guichet.sla;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.guichet.GuichetApplication;
import org.guichet.calendars.Calendars;
import org.guichet.calendars.StandardCalendars;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.sla.EscalationLevels.LevelDefinition;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.ShiftableClock;
import org.guichet.testing.TestDatabaseInitializer;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Impact;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.Priority;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of Guichet on one database run their periodic check at the same moment on the
 * same due tickets: each escalation level still fires exactly once per ticket. The second
 * instance is a second application context in this JVM, on the same database (the embedded
 * PostgreSQL, or the same named in-memory H2 database).
 */
@GuichetIntegrationTest
class EscalationTwoNodesIT {

	private static final int TICKETS = 40;

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private SlaCheck check;

	@Autowired
	private SlaPolicyRepository policies;

	@Autowired
	private EscalationLevels levels;

	@Autowired
	private Calendars calendars;

	@Autowired
	private UserRepository users;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private ShiftableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void twoNodesCheckingTheSameDueTicketsAtOnceFireEachLevelExactlyOnce() throws Exception {
		String department = "Two nodes " + UUID.randomUUID();
		long calendarId = calendars.define("24/7 " + department, StandardCalendars.twentyFourSeven()).id();
		SlaPolicy policy = new SlaPolicy("Policy " + department, calendarId);
		policy.conditions(null, null, department, null);
		for (Priority priority : Priority.values()) {
			policy.target(TicketType.INCIDENT, priority, Duration.ofHours(1), Duration.ofHours(4));
		}
		long policyId = policies.save(policy).getId();
		levels.replace(policyId, null, List.of(
				new LevelDefinition(null, SlaClock.TTR, EscalationTrigger.SHARE, 50, null, true, false, false, true, false,
						null, null),
				new LevelDefinition(null, SlaClock.TTR, EscalationTrigger.SHARE, 60, null, true, false, false, false, false,
						null, null)));
		User requesterUser = fixtures.user("nodes-requester", Role.REQUESTER);
		requesterUser.setDepartment(department);
		users.save(requesterUser);
		CurrentUser requester = TestFixtures.current(requesterUser);
		User technicianUser = fixtures.user("nodes-tech", Role.TECHNICIAN);
		CurrentUser technician = TestFixtures.current(technicianUser);
		SupportGroup group = fixtures.group(SupportLevel.N1, technicianUser);

		// registered three hours ago: both levels (2 h and 2 h 24) are due
		clock.advance(Duration.ofHours(-3));
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < TICKETS; i++) {
			Ticket ticket = tickets.register(new NewTicket(TicketType.INCIDENT, "Poste " + i, "Ne démarre plus", null,
					Channel.PORTAL, null, Urgency.MEDIUM, Impact.LOW, List.of()), requester);
			tickets.assign(ticket.id(), group.getId(), technicianUser.getId(), null, technician);
			ids.add(ticket.id().value());
		}
		clock.reset();

		try (ConfigurableApplicationContext secondNode = secondNode()) {
			SlaCheck otherCheck = secondNode.getBean(SlaCheck.class);
			assertThat(otherCheck).isNotSameAs(check);
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService nodes = Executors.newFixedThreadPool(2);
			try {
				Future<Void> first = nodes.submit(run(start, check));
				Future<Void> second = nodes.submit(run(start, otherCheck));
				start.countDown();
				first.get(3, TimeUnit.MINUTES);
				second.get(3, TimeUnit.MINUTES);
			}
			finally {
				nodes.shutdownNow();
			}
		}

		String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
		assertThat(count("select count(*) from sla_escalation_fired where ticket_id in (" + in + ")"))
			.isEqualTo(2 * TICKETS);
		assertThat(count("select count(*) from ticket_escalation where kind = 'AUTOMATIC' and ticket_id in (" + in
				+ ")")).isEqualTo(2 * TICKETS);
		assertThat(count("select count(*) from ticket_history where field = 'escalationAutomatic' and ticket_id in ("
				+ in + ")")).isEqualTo(2 * TICKETS);
		assertThat(count("select count(*) from ticket_history where field = 'priority' and ticket_id in (" + in + ")"))
			.as("the first level raises the priority once").isEqualTo(TICKETS);
		assertThat(count("select count(*) from notification where recipient_id = " + technicianUser.getId()))
			.isEqualTo(2 * TICKETS);
		assertThat(count("select min(escalation_count) from ticket where id in (" + in + ")")).isEqualTo(2);
		assertThat(count("select max(escalation_count) from ticket where id in (" + in + ")")).isEqualTo(2);
	}

	private static Callable<Void> run(CountDownLatch start, SlaCheck node) {
		return () -> {
			start.await();
			node.run();
			return null;
		};
	}

	private long count(String sql) {
		return jdbc.queryForObject(sql, Long.class);
	}

	/** Another instance of Guichet, with its own connection pool and scheduler, on the same database. */
	private static ConfigurableApplicationContext secondNode() {
		return new SpringApplicationBuilder(GuichetApplication.class).profiles("test")
			.initializers(new TestDatabaseInitializer())
			.run("--server.port=0", "--spring.datasource.hikari.maximum-pool-size=4");
	}

}
