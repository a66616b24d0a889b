package org.guichet.system;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The durable record of the forms already submitted, one row per user and one-time form token
 * (table {@code form_submission}). The first request that inserts a row owns the token; the
 * primary key refuses every other, on any node, whether it comes later or at the same moment.
 * Each statement commits on its own, before the form's handler runs and apart from its
 * transactions, so that a claim is seen by every node at once.
 */
@Component
class FormSubmissions {

	private static final Logger log = LoggerFactory.getLogger(FormSubmissions.class);

	/** How long a request waits between two looks at a submission that is still running. */
	private static final Duration POLL = Duration.ofMillis(50);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	private final Duration retention;

	private final Duration wait;

	FormSubmissions(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
			@Value("${guichet.forms.token-retention:P1D}") Duration retention,
			@Value("${guichet.forms.resubmission-wait:PT10S}") Duration wait) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.retention = retention;
		this.wait = wait;
	}

	/**
	 * Claims a token for the request being handled, or finds what an earlier submission of it
	 * answered. When that earlier one is still running, waits for its answer (at most
	 * {@code guichet.forms.resubmission-wait}); when it was refused meanwhile, claims the token.
	 * @param user the submitting user's name, never empty
	 * @param token the form's token, at most 64 characters
	 * @return {@code null} when this request now owns the token and must be processed; otherwise
	 * the location the first submission redirected to, to be answered again
	 * @throws ConflictException when the first submission has still not finished after the wait
	 * (or never will: its node stopped while handling it)
	 */
	@Nullable String claim(String user, String token) {
		long deadline = System.nanoTime() + wait.toNanos();
		while (true) {
			List<@Nullable String> earlier = jdbc.queryForList(
					"select location from form_submission where user_name = ? and token = ?", String.class, user, token);
			if (earlier.isEmpty()) {
				if (insert(user, token)) {
					return null;
				}
			}
			else if (earlier.get(0) != null) {
				return earlier.get(0);
			}
			else if (System.nanoTime() - deadline > 0) {
				throw new ConflictException("form.still-running",
						"This form was already sent and its result is not known yet");
			}
			else {
				pause();
			}
		}
	}

	/**
	 * Records where the submission that owns the token led, for its resubmissions.
	 * @param location the redirect's target as sent in the {@code Location} header
	 */
	void complete(String user, String token, String location) {
		ownTransaction.executeWithoutResult(status -> jdbc.update(
				"update form_submission set location = ? where user_name = ? and token = ?", location, user, token));
	}

	/** Gives the token back after a refused submission, so that the corrected form can use it. */
	void release(String user, String token) {
		ownTransaction.executeWithoutResult(status -> jdbc.update(
				"delete from form_submission where user_name = ? and token = ? and location is null", user, token));
	}

	/**
	 * Forgets the submissions claimed before the retention period ({@code guichet.forms.token-retention},
	 * one day by default): a form sent again after that is processed again. Harmless on several
	 * nodes at once.
	 */
	@Scheduled(initialDelayString = "${guichet.forms.purge-interval:PT1H}",
			fixedDelayString = "${guichet.forms.purge-interval:PT1H}")
	@SchedulerLock(name = "form-submission-purge")
	void purge() {
		OffsetDateTime before = OffsetDateTime.ofInstant(clock.instant().minus(retention), ZoneOffset.UTC);
		Integer purged = ownTransaction
			.execute(status -> jdbc.update("delete from form_submission where claimed_at < ?", before));
		if (purged != null && purged > 0) {
			log.debug("Forgot {} form submissions claimed before {}", purged, before);
		}
	}

	private boolean insert(String user, String token) {
		OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		try {
			ownTransaction.executeWithoutResult(status -> jdbc.update(
					"insert into form_submission (user_name, token, claimed_at) values (?, ?, ?)", user, token,
					now));
			return true;
		}
		catch (DuplicateKeyException | PessimisticLockingFailureException ex) {
			// Another request holds the token, or inserted it at the same moment and has not committed yet.
			return false;
		}
	}

	private static void pause() {
		try {
			Thread.sleep(POLL.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ConflictException("form.still-running", "This form was already sent and its result is not known yet");
		}
	}

}
