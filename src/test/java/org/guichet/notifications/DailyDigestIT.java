package org.guichet.notifications;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.mail.MailOutbox;
import org.guichet.notifications.NotificationPreferences.Cell;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.ShiftableClock;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Impact;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.PendingReason;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agents' daily digest: sent from the digest hour of the desk's time zone to the agents who
 * chose it, listing their breached and at-risk tickets, those waiting on requesters and the
 * unassigned ones of their groups; once a day however often the job runs, after a restart and on
 * two nodes at once; never when there is nothing to list.
 */
@GuichetIntegrationTest
class DailyDigestIT {

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private NotificationPreferences preferences;

	@Autowired
	private DailyDigest digest;

	@Autowired
	private JdbcTemplate jdbcTemplate;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MailOutbox mails;

	@Autowired
	private PlatformTransactionManager transactions;

	@Autowired
	private ShiftableClock clock;

	@Value("${guichet.time-zone}")
	private ZoneId zone;

	private User agent;

	@BeforeEach
	void setUp() {
		agent = fixtures.user("digest-tech", Role.TECHNICIAN);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void anAgentWhoChoseTheDigestGetsOneMailListingTheirUrgentWaitingAndUnassignedTickets() {
		optIn(agent);
		User colleague = fixtures.user("digest-colleague", Role.TECHNICIAN);
		long group = fixtures.group(SupportLevel.N1, agent, colleague).getId();
		TicketId breached = taken("Server down", agent);
		sla(breached, "BREACHED");
		TicketId atRisk = taken("Slow VPN", agent);
		sla(atRisk, "AT_RISK");
		TicketId waiting = taken("New laptop", agent);
		tickets.transition(waiting, new Transition(TicketAction.PENDING, null, PendingReason.USER, null, null), null,
				TestFixtures.current(agent));
		TicketId unassigned = registered("Badge lost");
		tickets.assign(unassigned, group, null, null, TestFixtures.current(colleague));
		TicketId someoneElses = taken("Not mine", colleague);
		sla(someoneElses, "BREACHED");

		atLocalTime(8, 0);
		assertThat(digest.sendDue()).isPositive();

		List<String> bodies = jdbc.sql("select text_body from mail_outbox join mail_outbox_body on mail_id = id"
				+ " where recipient_id = :id and kind = 'DIGEST'")
			.param("id", agent.getId())
			.query(String.class)
			.list();
		assertThat(bodies).hasSize(1);
		String text = bodies.get(0);
		assertThat(text).contains("Your tickets past their SLA deadline (1)", "#" + breached.value() + " Server down",
				"Your tickets near their SLA deadline (1)", "#" + atRisk.value() + " Slow VPN",
				"Your tickets waiting for the requester (1)", "#" + waiting.value() + " New laptop",
				"Unassigned tickets of your groups (1)", "#" + unassigned.value() + " Badge lost",
				"http://localhost/agent/tickets/" + breached.value())
			.doesNotContain("Not mine");
		assertThat(jdbc.sql("select subject from mail_outbox where recipient_id = :id and kind = 'DIGEST'")
			.param("id", agent.getId())
			.query(String.class)
			.single()).isEqualTo("Your tickets today");
		assertThat(jdbc.sql("select count(*) from mail_ticket_message m join mail_outbox o on o.message_id = m.message_id"
				+ " where o.recipient_id = :id and o.kind = 'DIGEST'").param("id", agent.getId()).query(Integer.class).single())
			.as("a digest is in no ticket's thread").isZero();
	}

	@Test
	void theDigestGoesOutOnceADayHoweverOftenTheJobRunsAndAfterARestart() {
		optIn(agent);
		sla(taken("Disk full", agent), "BREACHED");
		atLocalTime(9, 30);
		digest.sendDue();
		digest.sendDue();
		restarted().sendDue();
		assertThat(digests(agent)).isEqualTo(1);

		clock.advance(Duration.ofDays(1));
		restarted().sendDue();
		assertThat(digests(agent)).as("the next day, the next digest").isEqualTo(2);
	}

	@Test
	void twoNodesRunningTheJobAtOnceSendOneDigest() throws Exception {
		optIn(agent);
		sla(taken("Mail queue stuck", agent), "AT_RISK");
		atLocalTime(10, 0);
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		try {
			List<Callable<Integer>> runs = List.of(() -> restarted().sendDue(), () -> restarted().sendDue());
			List<Integer> mailed = new ArrayList<>();
			for (Future<Integer> run : nodes.invokeAll(runs)) {
				mailed.add(run.get());
			}
		}
		finally {
			nodes.shutdown();
		}
		assertThat(digests(agent)).isEqualTo(1);
	}

	@Test
	void noDigestBeforeTheHourNorWithNothingToListNorForAgentsWhoDidNotChooseIt() {
		User idle = fixtures.user("digest-idle", Role.TECHNICIAN);
		optIn(agent);
		optIn(idle);
		User notChosen = fixtures.user("digest-off", Role.TECHNICIAN);
		sla(taken("Printer", agent), "BREACHED");
		sla(taken("Scanner", notChosen), "BREACHED");

		atLocalTime(6, 59);
		digest.sendDue();
		assertThat(digests(agent)).as("before the digest hour").isZero();

		atLocalTime(7, 0);
		digest.sendDue();
		assertThat(digests(agent)).isEqualTo(1);
		assertThat(digests(idle)).as("nothing to say: no mail").isZero();
		assertThat(digests(notChosen)).as("off by default").isZero();
		assertThat(jdbc.sql("select mailed from notification_digest where user_id = :id").param("id", idle.getId())
			.query(Boolean.class)
			.single()).as("the empty day is recorded, so nothing comes later that day").isFalse();
	}

	private DailyDigest restarted() {
		return new DailyDigest(jdbc, preferences, mails, transactions, clock, zone, 7);
	}

	private void optIn(User user) {
		preferences.choose(user.getId(), true, new Cell(NotificationEvent.DAILY_DIGEST, NotificationChannel.EMAIL), true);
	}

	/** Moves the clock to that local time of the day after tomorrow, so that every test has its own day. */
	private void atLocalTime(int hour, int minute) {
		clock.reset();
		ZonedDateTime now = clock.instant().atZone(zone);
		ZonedDateTime target = now.toLocalDate().plusDays(2).atTime(LocalTime.of(hour, minute)).atZone(zone);
		clock.advance(Duration.between(now, target));
	}

	private TicketId registered(String title) {
		return tickets.register(new NewTicket(TicketType.INCIDENT, title, "Details", null, Channel.PORTAL, null,
				Urgency.MEDIUM, Impact.LOW, List.of()), TestFixtures.current(fixtures.user("digest-requester", Role.REQUESTER)))
			.id();
	}

	private TicketId taken(String title, User technician) {
		TicketId ticket = registered(title);
		CurrentUser by = TestFixtures.current(technician);
		tickets.transition(ticket, Transition.of(TicketAction.TAKE), null, by);
		return ticket;
	}

	/** The SLA state the SLA module would have recorded: setting it directly keeps the test about the digest. */
	private void sla(TicketId ticket, String state) {
		jdbcTemplate.update("update ticket set sla_state = ? where id = ?", state, ticket.value());
	}

	private int digests(User user) {
		return jdbc.sql("select count(*) from mail_outbox where recipient_id = :id and kind = 'DIGEST'")
			.param("id", user.getId())
			.query(Integer.class)
			.single();
	}

}
