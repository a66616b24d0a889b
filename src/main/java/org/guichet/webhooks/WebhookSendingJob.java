package org.guichet.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.guichet.system.Backoff;
import org.guichet.system.SecretCipher;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posts the deliveries of the outbox (docs/WEBHOOKS.md#delivery): claims a batch of due ones
 * ({@code for update skip locked}, so that two nodes never claim the same one) and marks them
 * SENDING in one transaction, then posts each, signed, with the JDK's HTTP client (redirects not
 * followed: a 3xx is an answer, not a delivery), and records the attempt. A 2xx is DELIVERED; a
 * 5xx, a 408, a 429, a timeout or a failed connection is tried again later, the wait doubling
 * from {@code first-retry} up to {@code max-retry}, until {@code max-attempts}; any other answer
 * is given up at once (FAILED). A delivery left SENDING longer than {@code claim-timeout} (its node
 * stopped while posting) is marked FAILED, never posted again by itself: it may have arrived.
 * An address whose host resolves to the server's own network is given up without posting
 * ({@link WebhookTargets}).
 */
@Component
class WebhookSendingJob {

	/** How many characters of an answer's body the log keeps. */
	static final int EXCERPT = 2000;

	private static final Logger log = LoggerFactory.getLogger(WebhookSendingJob.class);

	/** One claimed delivery, with its webhook's URL and stored (encrypted) secret. */
	private record Claimed(long id, String eventId, String url, String secret, String payload, int attempts) {
	}

	/** What one attempt gave: the HTTP status (null without an answer), the body's beginning, the error. */
	private record Outcome(@Nullable Integer status, @Nullable String excerpt, @Nullable String error, boolean retry) {

		boolean delivered() {
			return status != null && status >= 200 && status < 300;
		}

	}

	private final JdbcClient jdbc;

	private final Webhooks webhooks;

	private final WebhookProperties properties;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final HttpClient http;

	private final WebhookTargets targets;

	WebhookSendingJob(JdbcClient jdbc, Webhooks webhooks, WebhookProperties properties,
			PlatformTransactionManager transactionManager, Clock clock, WebhookTargets targets) {
		this.jdbc = jdbc;
		this.webhooks = webhooks;
		this.properties = properties;
		this.transaction = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.targets = targets;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@Scheduled(initialDelayString = "${guichet.webhooks.send-interval:2s}",
			fixedDelayString = "${guichet.webhooks.send-interval:2s}")
	void scheduled() {
		try {
			sendDue();
		}
		catch (RuntimeException ex) {
			log.warn("The webhooks' outbox could not be read: will try again", ex);
		}
	}

	/**
	 * Posts the due deliveries, batch after batch, until none is due or a whole batch failed.
	 *
	 * @return how many were delivered
	 */
	int sendDue() {
		giveUpInterrupted();
		int delivered = 0;
		while (true) {
			List<Claimed> batch = claim();
			if (batch.isEmpty()) {
				return delivered;
			}
			int deliveredNow = 0;
			for (Claimed delivery : batch) {
				deliveredNow += post(delivery) ? 1 : 0;
			}
			delivered += deliveredNow;
			if (deliveredNow == 0) {
				return delivered;
			}
		}
	}

	private void giveUpInterrupted() {
		int interrupted = jdbc.sql("update webhook_delivery set status = 'FAILED', claimed_at = null,"
				+ " last_error = 'Interrupted while posting (the node stopped): it may have arrived; resend it if not'"
				+ " where status = 'SENDING' and claimed_at < :stale")
			.param("stale", Timestamp.from(clock.instant().minus(properties.claimTimeout())))
			.update();
		if (interrupted > 0) {
			log.warn("{} webhook deliveries were left SENDING by a stopped node: marked FAILED", interrupted);
		}
	}

	private List<Claimed> claim() {
		List<Claimed> claimed = transaction.execute(status -> {
			Timestamp now = Timestamp.from(clock.instant());
			List<Long> due = jdbc.sql("select id from webhook_delivery where status = 'PENDING' and next_attempt_at <= :now"
					+ " order by next_attempt_at, id fetch first " + properties.batchSize()
					+ " rows only for update skip locked")
				.param("now", now)
				.query(Long.class)
				.list();
			if (due.isEmpty()) {
				return List.<Claimed>of();
			}
			jdbc.sql("update webhook_delivery set status = 'SENDING', claimed_at = :now, attempts = attempts + 1"
					+ " where id in (:ids) and status = 'PENDING'")
				.param("now", now)
				.param("ids", due)
				.update();
			return jdbc.sql("select d.id, d.event_id, w.url, w.secret, d.payload, d.attempts from webhook_delivery d"
					+ " join webhook w on w.id = d.webhook_id where d.id in (:ids) order by d.next_attempt_at, d.id")
				.param("ids", due)
				.query((row, n) -> new Claimed(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
						row.getString(5), row.getInt(6)))
				.list();
		});
		return claimed == null ? List.of() : claimed;
	}

	private boolean post(Claimed delivery) {
		long started = System.nanoTime();
		Outcome outcome;
		try {
			outcome = attempt(delivery);
		}
		catch (SecretCipher.UnreadableSecretException ex) {
			outcome = new Outcome(null, null, ex.getMessage(), false);
		}
		long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
		Instant now = clock.instant();
		boolean giveUp = !outcome.delivered() && (!outcome.retry() || delivery.attempts() >= properties.maxAttempts());
		Outcome recorded = outcome;
		transaction.executeWithoutResult(status -> {
			jdbc.sql("insert into webhook_attempt (delivery_id, attempted_at, response_status, response_excerpt,"
					+ " duration_ms, error) values (:id, :now, :status, :excerpt, :millis, :error)")
				.param("id", delivery.id())
				.param("now", Timestamp.from(now))
				.param("status", recorded.status())
				.param("excerpt", recorded.excerpt())
				.param("millis", (int) Math.min(millis, Integer.MAX_VALUE))
				.param("error", recorded.error())
				.update();
			jdbc.sql("update webhook_delivery set status = :status, claimed_at = null, response_status = :code,"
					+ " last_error = :error, next_attempt_at = :next, delivered_at = :delivered"
					+ " where id = :id and status = 'SENDING'")
				.param("status", recorded.delivered() ? "DELIVERED" : giveUp ? "FAILED" : "PENDING")
				.param("code", recorded.status())
				.param("error", recorded.error())
				.param("next", Timestamp.from(recorded.delivered() || giveUp ? now
						: now.plus(new Backoff(properties.firstRetry(), properties.maxRetry()).after(delivery.attempts()))))
				.param("delivered", recorded.delivered() ? Timestamp.from(now) : null)
				.param("id", delivery.id())
				.update();
		});
		if (giveUp) {
			log.warn("Webhook delivery {} to {} given up after {} attempt(s): {}", delivery.id(), delivery.url(),
					delivery.attempts(), outcome.error());
		}
		else if (!outcome.delivered()) {
			log.info("Webhook delivery {} to {} failed (attempt {}): {}", delivery.id(), delivery.url(),
					delivery.attempts(), outcome.error());
		}
		return outcome.delivered();
	}

	private Outcome attempt(Claimed delivery) {
		// the name may resolve to the server's own network now, whatever it resolved to when saved
		Optional<String> refused = targets.refusal(delivery.url());
		if (refused.isPresent()) {
			return new Outcome(null, null, bounded(refused.get()), false);
		}
		String secret = webhooks.secretOf(delivery.secret());
		HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
			.timeout(properties.timeout())
			.header("Content-Type", "application/json; charset=utf-8")
			.header("User-Agent", "Guichet-Webhooks/1")
			.header("X-Guichet-Event-Id", delivery.eventId())
			.header(WebhookSignature.HEADER,
					WebhookSignature.header(secret, clock.instant().getEpochSecond(), delivery.payload()))
			.POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
			.build();
		try {
			HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
			String excerpt;
			try (InputStream body = response.body()) {
				excerpt = new String(body.readNBytes(EXCERPT * 4), StandardCharsets.UTF_8);
			}
			excerpt = excerpt.length() > EXCERPT ? excerpt.substring(0, EXCERPT) : excerpt;
			int code = response.statusCode();
			if (code >= 200 && code < 300) {
				return new Outcome(code, excerpt, null, false);
			}
			boolean retry = code >= 500 || code == 408 || code == 429;
			return new Outcome(code, excerpt, bounded("HTTP " + code + (code >= 300 && code < 400
					? " (redirect to " + response.headers().firstValue("Location").orElse("?") + ", not followed)" : "")),
					retry);
		}
		catch (HttpTimeoutException ex) {
			return new Outcome(null, null, bounded("Timed out: " + ex.getMessage()), true);
		}
		catch (IOException ex) {
			return new Outcome(null, null, bounded("Could not post: " + ex), true);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Outcome(null, null, "Interrupted", true);
		}
	}

	private static String bounded(String error) {
		return error.length() > 500 ? error.substring(0, 500) : error;
	}

}
