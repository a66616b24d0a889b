package org.guichet.sms;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.guichet.system.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the SMS of the outbox (docs/SMS.md#sms-out): claims a batch of due ones
 * ({@code for update skip locked}, so that two threads or nodes never claim the same SMS) and marks
 * them SENDING in one transaction, then hands each to the gateway and records what it answered.
 * A failure that may pass is tried again later, the wait doubling from {@code first-retry} up to
 * {@code max-retry}, until {@code max-attempts}; a refusal is given up at once (FAILED). An SMS
 * left SENDING (the node stopped while sending it) is never sent again by itself: it might have
 * gone.
 */
@Component
class SmsSendingJob {

	private static final Logger log = LoggerFactory.getLogger(SmsSendingJob.class);

	/** One claimed SMS. */
	record Claimed(long id, String to, String body, int attempts) {
	}

	private final JdbcClient jdbc;

	private final SmsSettings settings;

	private final HttpGateways gateways;

	private final TransactionTemplate transaction;

	private final Clock clock;

	SmsSendingJob(JdbcClient jdbc, SmsSettings settings, HttpGateways gateways,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.gateways = gateways;
		this.transaction = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${guichet.sms.send-interval:2s}", fixedDelayString = "${guichet.sms.send-interval:2s}")
	void scheduled() {
		try {
			sendDue();
		}
		catch (RuntimeException ex) {
			log.warn("The SMS outbox could not be read: will try again", ex);
		}
	}

	/**
	 * Sends the due SMS, batch after batch, until none is due or a batch failed entirely.
	 *
	 * @return how many the gateway took
	 */
	int sendDue() {
		SmsProperties current = settings.current();
		if (!current.enabled() || current.provider() == SmsProperties.Provider.NONE) {
			return 0;
		}
		SmsGateway gateway = gateways.of(current);
		int sent = 0;
		while (true) {
			List<Claimed> batch = claim(current.batchSize());
			if (batch.isEmpty()) {
				return sent;
			}
			int sentNow = 0;
			for (Claimed sms : batch) {
				sentNow += send(gateway, sms, current) ? 1 : 0;
			}
			sent += sentNow;
			if (sentNow == 0) {
				return sent;
			}
		}
	}

	private List<Claimed> claim(int batchSize) {
		List<Claimed> claimed = transaction.execute(status -> {
			Timestamp now = Timestamp.from(clock.instant());
			List<Claimed> due = jdbc.sql("select id, to_number, body, attempts from sms_outbox where status = 'PENDING'"
					+ " and next_attempt_at <= :now order by next_attempt_at, id fetch first " + batchSize
					+ " rows only for update skip locked")
				.param("now", now)
				.query((row, n) -> new Claimed(row.getLong(1), row.getString(2), row.getString(3), row.getInt(4) + 1))
				.list();
			if (!due.isEmpty()) {
				jdbc.sql("update sms_outbox set status = 'SENDING', attempts = attempts + 1 where id in (:ids) and status = 'PENDING'")
					.param("ids", due.stream().map(Claimed::id).toList())
					.update();
			}
			return due;
		});
		return claimed == null ? List.of() : claimed;
	}

	private boolean send(SmsGateway gateway, Claimed sms, SmsProperties current) {
		try {
			String providerId = gateway.send(sms.to(), sms.body());
			jdbc.sql("update sms_outbox set status = 'SENT', sent_at = :now, provider_message_id = :provider,"
					+ " last_error = null where id = :id")
				.param("now", Timestamp.from(clock.instant()))
				.param("provider", providerId.length() > 100 ? providerId.substring(0, 100) : providerId)
				.param("id", sms.id())
				.update();
			return true;
		}
		catch (SmsGateway.Failure ex) {
			boolean giveUp = ex.permanent() || sms.attempts() >= current.maxAttempts();
			Instant next = clock.instant().plus(wait(sms.attempts(), current));
			jdbc.sql("update sms_outbox set status = :status, next_attempt_at = :next, last_error = :error where id = :id")
				.param("status", giveUp ? "FAILED" : "PENDING")
				.param("next", Timestamp.from(next))
				.param("error", ex.getMessage().length() > 500 ? ex.getMessage().substring(0, 500) : ex.getMessage())
				.param("id", sms.id())
				.update();
			if (giveUp) {
				log.warn("SMS {} to {} given up after {} attempt(s): {}", sms.id(), sms.to(), sms.attempts(), ex.getMessage());
			}
			else {
				log.info("SMS {} to {} not sent (attempt {}), next at {}: {}", sms.id(), sms.to(), sms.attempts(), next,
						ex.getMessage());
			}
			return false;
		}
	}

	/** The wait after the n-th failed attempt: first-retry, doubling, at most max-retry. */
	static Duration wait(int attempts, SmsProperties current) {
		return new Backoff(current.firstRetry(), current.maxRetry()).after(attempts);
	}

}
