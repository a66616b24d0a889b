package org.guichet.mail.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.activation.FileTypeMap;
import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.guichet.mail.MailKind;
import org.guichet.system.Backoff;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sender job: claims the due mails of the outbox in batches, hands them to SMTP and records
 * each answer, on {@code guichet.mail.send-threads} threads at once, each with its own SMTP
 * connection kept for all its rounds.
 * <p>
 * Each mail goes out once: a round first commits its batch as {@code SENDING} (claimed with
 * {@code for update skip locked}, so that two threads or nodes never claim the same one), then
 * sends them, then records {@code SENT}, or {@code QUEUED} again with a backoff, or {@code FAILED}
 * (one {@code update} for the batch's sent mails, one per failure). A node that stops between the
 * SMTP answers and that last commit leaves its mails {@code SENDING}: once
 * {@code guichet.mail.claim-timeout} has passed they become {@code FAILED} ("interrupted"), shown to
 * administrators, never sent again by themselves, since the server may have taken them.
 */
@Component
class MailSendingJob {

	private static final Logger log = LoggerFactory.getLogger(MailSendingJob.class);

	/**
	 * One map of file types for every message: the helper would otherwise read {@code mime.types}
	 * from the class path again for each (half the sender's CPU in the bench).
	 */
	private static final FileTypeMap FILE_TYPES = new ConfigurableMimeFileTypeMap();

	private final ObjectProvider<JavaMailSenderImpl> smtp;

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final TransactionTemplate transaction;

	private final MailSettings settings;

	private final InternetAddress from;

	private final @Nullable InternetAddress replyTo;

	private final Clock clock;

	/** The threads besides the scheduler's that send at once; null with one send thread. */
	private final @Nullable ExecutorService helpers;

	MailSendingJob(ObjectProvider<JavaMailSenderImpl> smtp, JdbcTemplate jdbc, NamedParameterJdbcTemplate named,
			PlatformTransactionManager transactions, MailSettings settings, Clock clock) {
		this.smtp = smtp;
		this.jdbc = jdbc;
		this.named = named;
		this.transaction = new TransactionTemplate(transactions);
		this.settings = settings;
		this.from = settings.fromAddress();
		this.replyTo = settings.replyToAddress();
		this.clock = clock;
		AtomicInteger number = new AtomicInteger();
		this.helpers = settings.sendThreads() == 1 ? null : Executors.newFixedThreadPool(settings.sendThreads() - 1, task -> {
			Thread thread = new Thread(task, "mail-sender-" + number.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Whether an SMTP server is configured ({@code spring.mail.host}); without one, mails wait in the outbox. */
	boolean configured() {
		return smtp.getIfAvailable() != null;
	}

	@Scheduled(initialDelayString = "${guichet.mail.send-interval:5s}", fixedDelayString = "${guichet.mail.send-interval:5s}")
	void scheduled() {
		try {
			sendDue();
		}
		catch (RuntimeException ex) {
			log.warn("The mail outbox could not be read: will try again", ex);
		}
	}

	@PreDestroy
	void stop() {
		if (helpers != null) {
			helpers.shutdownNow();
		}
	}

	/**
	 * Gives up the mails claimed longer than {@code claim-timeout} ago, then sends the due mails,
	 * round after round on each send thread, until none is due.
	 *
	 * @return how many the SMTP server accepted
	 */
	int sendDue() {
		JavaMailSenderImpl sender = smtp.getIfAvailable();
		if (sender == null) {
			return 0;
		}
		Instant now = clock.instant();
		jdbc.update("update mail_outbox set status = 'FAILED', claimed_at = null, last_error = ? "
				+ "where status = 'SENDING' and claimed_at < ?",
				"Interrupted while it was handed to the SMTP server: it may have been delivered",
				Timestamp.from(now.minus(settings.claimTimeout())));
		if (helpers == null) {
			return rounds(sender);
		}
		List<Future<Integer>> others = new ArrayList<>();
		for (int i = 1; i < settings.sendThreads(); i++) {
			others.add(helpers.submit(() -> rounds(sender)));
		}
		int sent = rounds(sender);
		RuntimeException failure = null;
		for (Future<Integer> other : others) {
			try {
				sent += other.get();
			}
			catch (ExecutionException ex) {
				failure = ex.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(ex.getCause());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				failure = new IllegalStateException("Stopped while mails were sent", ex);
			}
		}
		if (failure != null) {
			throw failure;
		}
		return sent;
	}

	/**
	 * One thread's rounds over one SMTP connection, until a claim finds no mail: a short batch may
	 * only mean that other threads claimed part of the window meanwhile.
	 */
	private int rounds(JavaMailSenderImpl sender) {
		int sent = 0;
		try (SmtpConnection connection = new SmtpConnection(sender)) {
			while (true) {
				List<ClaimedMail> claimed = claim();
				if (claimed.isEmpty()) {
					return sent;
				}
				sent += send(connection, claimed, bodies(claimed));
			}
		}
	}

	/**
	 * Claims a batch, oldest due first, and reads the mails' rows with the claim, in one transaction:
	 * the ids of the oldest {@code batch-size × send-threads} due mails (unlocked), then one {@code
	 * select ... for update skip locked} of a batch among them and one {@code update} of
	 * {@code mail_outbox}. Their bodies are not locked: {@link #bodies} reads them after.
	 */
	private List<ClaimedMail> claim() {
		List<ClaimedMail> claimed = transaction.execute(status -> {
			Instant now = clock.instant();
			// H2 locks every row a "for update" selects before its "fetch first" (24 ms a claim with
			// 20,000 mails due): first the window of the oldest due mails, read from the index unlocked
			List<Long> window = jdbc.queryForList("select id from mail_outbox where status = 'QUEUED' and next_attempt_at <= ? "
					+ "order by status, next_attempt_at, id fetch first " + settings.batchSize() * settings.sendThreads()
					+ " rows only", Long.class, Timestamp.from(now));
			if (window.isEmpty()) {
				return List.of();
			}
			List<ClaimedMail> due = named.query("select " + ClaimedMail.COLUMNS + " from mail_outbox "
					+ "where id in (:window) and status = 'QUEUED' order by next_attempt_at, id "
					+ "fetch first " + settings.batchSize() + " rows only for update skip locked", Map.of("window", window),
					ClaimedMail::read);
			if (due.isEmpty()) {
				return List.of();
			}
			int marked = named.update("update mail_outbox set status = 'SENDING', claimed_at = :now, attempts = attempts + 1 "
					+ "where id in (:ids) and status = 'QUEUED'",
					Map.of("now", Timestamp.from(now), "ids", due.stream().map(ClaimedMail::id).toList()));
			if (marked != due.size()) {
				throw new IllegalStateException("Claimed " + marked + " of " + due.size()
						+ " locked mails: the database did not keep the lock, nothing is sent");
			}
			return due;
		});
		return claimed == null ? List.of() : claimed;
	}

	/**
	 * The bodies of the claimed mails by mail id, read without a lock nor a transaction: they are
	 * written with their mail and never change.
	 */
	private Map<Long, ClaimedMail.Body> bodies(List<ClaimedMail> claimed) {
		Map<Long, ClaimedMail.Body> bodies = new HashMap<>();
		named.query("select mail_id, html_body, text_body from mail_outbox_body where mail_id in (:ids)",
				Map.of("ids", claimed.stream().map(ClaimedMail::id).toList()),
				row -> {
					bodies.put(row.getLong("mail_id"), new ClaimedMail.Body(row.getString("html_body"), row.getString("text_body")));
				});
		return bodies;
	}

	private int send(SmtpConnection connection, List<ClaimedMail> claimed, Map<Long, ClaimedMail.Body> bodies) {
		Map<ClaimedMail, Exception> failures = new IdentityHashMap<>();
		Map<ClaimedMail, Exception> unwritable = new IdentityHashMap<>();
		List<Long> sent = new ArrayList<>();
		Exception unreachable = null;
		for (ClaimedMail mail : claimed) {
			if (unreachable != null) {
				failures.put(mail, unreachable);
				continue;
			}
			MimeMessage message;
			try {
				message = message(connection.session(), mail, bodies.get(mail.id()));
			}
			catch (MessagingException | RuntimeException ex) {
				unwritable.put(mail, ex);
				continue;
			}
			try {
				connection.send(message);
				sent.add(mail.id());
			}
			catch (SmtpConnection.Unreachable ex) {
				unreachable = (Exception) ex.getCause();
				failures.put(mail, unreachable);
			}
			catch (MessagingException | RuntimeException ex) {
				failures.put(mail, ex);
			}
		}
		transaction.executeWithoutResult(status -> {
			Instant now = clock.instant();
			if (!sent.isEmpty()) {
				named.update("update mail_outbox set status = 'SENT', sent_at = :now, claimed_at = null, last_error = null "
						+ "where id in (:ids) and status = 'SENDING'", Map.of("now", Timestamp.from(now), "ids", sent));
			}
			failures.forEach((mail, failure) -> failed(mail, failure, false, now));
			unwritable.forEach((mail, failure) -> failed(mail, failure, true, now));
		});
		return sent.size();
	}

	/**
	 * @param unwritable whether the mail could not even be written (an address that is not one):
	 *        another attempt would fail the same way
	 */
	private void failed(ClaimedMail mail, Exception failure, boolean unwritable, Instant now) {
		int attempts = mail.attempts();
		boolean permanent = unwritable || SmtpFailures.permanent(failure) || attempts >= settings.maxAttempts();
		String description = SmtpFailures.describe(failure);
		if (permanent) {
			log.warn("Mail {} to {} given up after {} attempts: {}", mail.messageId(), mail.recipient(), attempts,
					description);
			jdbc.update("update mail_outbox set status = 'FAILED', claimed_at = null, last_error = ? "
					+ "where id = ? and status = 'SENDING'", description, mail.id());
		}
		else {
			jdbc.update("update mail_outbox set status = 'QUEUED', claimed_at = null, last_error = ?, next_attempt_at = ? "
					+ "where id = ? and status = 'SENDING'", description, Timestamp.from(now.plus(backoff(attempts))),
					mail.id());
		}
	}

	/** The wait after the given number of failed attempts: {@code first-retry}, doubled each time, at most {@code max-retry}. */
	Duration backoff(int attempts) {
		return new Backoff(settings.firstRetry(), settings.maxRetry()).after(attempts);
	}

	/** @param body the mail's bodies, null if it has none: refused, since it cannot be written */
	private MimeMessage message(Session session, ClaimedMail mail, ClaimedMail.@Nullable Body body) throws MessagingException {
		if (body == null) {
			throw new IllegalStateException("The mail has no body in mail_outbox_body: it cannot be written");
		}
		MimeMessage message = new IdentifiedMessage(session, mail.messageId());
		MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8") {

			@Override
			protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
				return FILE_TYPES;
			}

		};
		helper.setFrom(from);
		if (replyTo != null) {
			helper.setReplyTo(replyTo);
		}
		helper.setTo(new InternetAddress(mail.recipient(), true));
		helper.setSubject(mail.subject());
		helper.setSentDate(Date.from(clock.instant()));
		helper.setText(body.text(), body.html());
		if (mail.inReplyTo() != null) {
			message.setHeader("In-Reply-To", mail.inReplyTo());
		}
		if (mail.referenceIds() != null) {
			message.setHeader("References", mail.referenceIds());
		}
		if (mail.autoSubmitted()) {
			message.setHeader("Auto-Submitted", Objects.requireNonNullElse(mail.kind().autoSubmitted(), "auto-generated"));
		}
		message.setHeader("Content-Language", mail.language());
		message.setHeader(MailKind.HEADER, mail.kind().key());
		return message;
	}

	/** A message whose {@code Message-ID} is the one Guichet recorded, not one made up when it is sent. */
	private static final class IdentifiedMessage extends MimeMessage {

		private final String messageId;

		IdentifiedMessage(Session session, String messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", messageId);
		}

	}

}
