package org.guichet.mail.outbox;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.guichet.bench.SmtpSink;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.ShiftableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sender job's rounds against a local SMTP server ({@link SmtpSink}, which can refuse a
 * recipient and go away mid-connection, what GreenMail cannot): batches of 10 on 4 send threads,
 * the job run by the test ({@code sendDue}), never by its schedule. This context's clock runs ten
 * years ahead and the mails are due then, so that the jobs of the other test contexts sharing the
 * database never take them.
 */
@GuichetIntegrationTest
class MailSendingRoundsIT {

	private static final Duration AHEAD = Duration.ofDays(3650);

	private static final SmtpSink SERVER = started();

	@Autowired
	private MailSendingJob job;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private ShiftableClock clock;

	private String domain;

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", SERVER::port);
		registry.add("guichet.base-url", () -> "https://rounds.example");
		registry.add("guichet.mail.send-interval", () -> "1h");
		registry.add("guichet.mail.batch-size", () -> "10");
		registry.add("guichet.mail.send-threads", () -> "4");
		registry.add("guichet.mail.first-retry", () -> "1m");
		registry.add("guichet.mail.claim-timeout", () -> "30m");
	}

	@AfterAll
	static void stop() throws IOException {
		SERVER.close();
	}

	/** Also sends what other tests left due in the shared database, so that each test counts only its own. */
	@BeforeEach
	void setUp() {
		SERVER.recover();
		clock.reset();
		clock.advance(AHEAD);
		job.sendDue();
		domain = UUID.randomUUID() + ".rounds.example";
	}

	@Test
	void fourThreadsSendThreeHundredMailsEachExactlyOnceAndMarkThemAllSent() {
		List<String> mails = queue(300);

		job.sendDue();

		assertThat(received(mails)).containsExactlyInAnyOrderElementsOf(mails);
		assertThat(statuses(mails)).containsOnly("SENT");
	}

	@Test
	void aRecipientRefusedForGoodFailsVisiblyAndTheOthersOfItsBatchGoOut() {
		List<String> mails = queue(10);
		SERVER.refuse("r4@" + domain);

		job.sendDue();

		assertThat(received(mails)).containsExactlyInAnyOrderElementsOf(without(mails, 4));
		assertThat(jdbc.queryForObject("select status from mail_outbox where message_id = ?", String.class, mails.get(4)))
			.isEqualTo("FAILED");
		assertThat(jdbc.queryForObject("select last_error from mail_outbox where message_id = ?", String.class, mails.get(4)))
			.contains("550");
		assertThat(statuses(without(mails, 4))).containsOnly("SENT");
	}

	@Test
	void aMailWithoutItsBodiesFailsVisiblyAndTheOthersOfItsBatchGoOut() {
		List<String> mails = queue(10);
		jdbc.update("delete from mail_outbox_body where mail_id = (select id from mail_outbox where message_id = ?)",
				mails.get(3));

		job.sendDue();

		assertThat(received(mails)).containsExactlyInAnyOrderElementsOf(without(mails, 3));
		assertThat(jdbc.queryForObject("select status from mail_outbox where message_id = ?", String.class, mails.get(3)))
			.isEqualTo("FAILED");
		assertThat(jdbc.queryForObject("select last_error from mail_outbox where message_id = ?", String.class, mails.get(3)))
			.contains("no body");
		assertThat(statuses(without(mails, 3))).containsOnly("SENT");
	}

	@Test
	void aServerThatGoesAwayInTheMiddleOfABatchLosesNoMailAndDeliversEachOnceWhenItIsBack() {
		List<String> mails = queue(10);
		SERVER.failFrom(SERVER.received() + 4);

		job.sendDue();

		List<String> first = received(mails);
		assertThat(first).hasSize(4);
		assertThat(statuses(first)).containsOnly("SENT");
		List<String> rest = new ArrayList<>(mails);
		rest.removeAll(first);
		assertThat(statuses(rest)).as("kept for another attempt").containsOnly("QUEUED");

		SERVER.recover();
		clock.advance(Duration.ofMinutes(2));
		job.sendDue();

		assertThat(received(mails)).containsExactlyInAnyOrderElementsOf(mails);
		assertThat(statuses(mails)).containsOnly("SENT");
	}

	@Test
	void mailsOfARoundInterruptedByAStopFailVisiblyAfterTheClaimTimeoutAndAreNeverSentAgain() {
		List<String> interrupted = queue(3);
		List<String> justClaimed = queue(2);
		List<String> waiting = queue(2);
		claimed(interrupted, clock.instant().minus(Duration.ofMinutes(31)));
		claimed(justClaimed, clock.instant().minus(Duration.ofMinutes(1)));

		job.sendDue();

		assertThat(received(interrupted)).isEmpty();
		assertThat(statuses(interrupted)).containsOnly("FAILED");
		assertThat(jdbc.queryForObject("select last_error from mail_outbox where message_id = ?", String.class,
				interrupted.get(0))).startsWith("Interrupted");
		assertThat(received(justClaimed)).as("another node may still be sending them").isEmpty();
		assertThat(statuses(justClaimed)).containsOnly("SENDING");
		assertThat(received(waiting)).containsExactlyInAnyOrderElementsOf(waiting);
	}

	/** Writes {@code count} mails to {@code r0@domain}, {@code r1@domain}…, due now on this context's clock. */
	private List<String> queue(int count) {
		List<String> ids = new ArrayList<>();
		Timestamp now = Timestamp.from(clock.instant());
		for (int i = 0; i < count; i++) {
			String messageId = "<" + UUID.randomUUID() + "@" + domain + ">";
			jdbc.update("insert into mail_outbox (message_id, recipient, language, kind, subject,"
					+ " auto_submitted, status, attempts, next_attempt_at, created_at)"
					+ " values (?, ?, 'en', 'RECEIVED', ?, true, 'QUEUED', 0, ?, ?)",
					messageId, "r" + i + "@" + domain, "Mail " + i, now, now);
			jdbc.update("insert into mail_outbox_body (mail_id, html_body, text_body)"
					+ " select id, '<p>Body</p>', 'Body' from mail_outbox where message_id = ?", messageId);
			ids.add(messageId);
		}
		return ids;
	}

	private void claimed(List<String> mails, Instant at) {
		mails.forEach(id -> jdbc.update(
				"update mail_outbox set status = 'SENDING', claimed_at = ?, attempts = 1 where message_id = ?",
				Timestamp.from(at), id));
	}

	/** The Message-IDs among {@code mails} the server took, as often as it took them. */
	private static List<String> received(List<String> mails) {
		return SERVER.messageIds().stream().filter(mails::contains).toList();
	}

	private List<String> statuses(List<String> mails) {
		return mails.stream()
			.map(id -> jdbc.queryForObject("select status from mail_outbox where message_id = ?", String.class, id))
			.toList();
	}

	private static List<String> without(List<String> mails, int index) {
		List<String> rest = new ArrayList<>(mails);
		rest.remove(index);
		return rest;
	}

	private static SmtpSink started() {
		try {
			return new SmtpSink(0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
