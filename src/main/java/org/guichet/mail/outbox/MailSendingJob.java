package org.guichet.mail.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.guichet.mail.MailKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sender job: claims the due mails of the outbox, hands them to SMTP over one connection per
 * round and records each answer.
 * <p>
 * Each mail goes out once: a round first commits its mails as {@code SENDING} (claimed with
 * {@code for update skip locked}, so that two nodes never claim the same one), then sends them,
 * then records {@code SENT}, or {@code QUEUED} again with a backoff, or {@code FAILED}. A node that
 * stops between the SMTP answer and that last commit leaves its mails {@code SENDING}: once
 * {@code guichet.mail.claim-timeout} has passed they become {@code FAILED} ("interrupted"),
 * shown to administrators, never sent again by themselves, since the server may have taken them.
 */
@Component
class MailSendingJob {

	private static final Logger log = LoggerFactory.getLogger(MailSendingJob.class);

	/**
	 * One map of file types for every message: the helper would otherwise read {@code mime.types}
	 * from the class path again for each (half the sender's CPU in the bench).
	 */
	private static final FileTypeMap FILE_TYPES = new ConfigurableMimeFileTypeMap();

	private final ObjectProvider<JavaMailSender> smtp;

	private final OutboxMailRepository outbox;

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final TransactionTemplate transaction;

	private final MailSettings settings;

	private final Clock clock;

	MailSendingJob(ObjectProvider<JavaMailSender> smtp, OutboxMailRepository outbox, JdbcTemplate jdbc,
			NamedParameterJdbcTemplate named, PlatformTransactionManager transactions, MailSettings settings,
			Clock clock) {
		this.smtp = smtp;
		this.outbox = outbox;
		this.jdbc = jdbc;
		this.named = named;
		this.transaction = new TransactionTemplate(transactions);
		this.settings = settings;
		this.clock = clock;
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

	/**
	 * Sends the due mails, round after round, until none is due.
	 *
	 * @return how many the SMTP server accepted
	 */
	int sendDue() {
		JavaMailSender sender = smtp.getIfAvailable();
		if (sender == null) {
			return 0;
		}
		int sent = 0;
		while (true) {
			List<OutboxMail> claimed = claim();
			if (claimed.isEmpty()) {
				return sent;
			}
			sent += send(sender, claimed);
			if (claimed.size() < settings.batchSize()) {
				return sent;
			}
		}
	}

	private List<OutboxMail> claim() {
		List<OutboxMail> claimed = transaction.execute(status -> {
			Instant now = clock.instant();
			jdbc.update("update mail_outbox set status = 'FAILED', claimed_at = null, last_error = ? "
					+ "where status = 'SENDING' and claimed_at < ?",
					"Interrupted while it was handed to the SMTP server: it may have been delivered",
					Timestamp.from(now.minus(settings.claimTimeout())));
			List<Long> ids = jdbc.queryForList("select id from mail_outbox where status = 'QUEUED' and next_attempt_at <= ? "
					+ "order by id fetch first " + settings.batchSize() + " rows only for update skip locked", Long.class,
					Timestamp.from(now));
			if (ids.isEmpty()) {
				return List.of();
			}
			named.update("update mail_outbox set status = 'SENDING', claimed_at = :now, attempts = attempts + 1 "
					+ "where id in (:ids)", Map.of("now", Timestamp.from(now), "ids", ids));
			return outbox.findAllById(ids);
		});
		return claimed == null ? List.of() : claimed;
	}

	private int send(JavaMailSender sender, List<OutboxMail> claimed) {
		Map<MimeMessage, OutboxMail> messages = new IdentityHashMap<>();
		Map<OutboxMail, Exception> failures = new IdentityHashMap<>();
		Map<OutboxMail, Exception> unwritable = new IdentityHashMap<>();
		for (OutboxMail mail : claimed) {
			try {
				messages.put(message(sender, mail), mail);
			}
			catch (MessagingException | RuntimeException ex) {
				unwritable.put(mail, ex);
			}
		}
		if (!messages.isEmpty()) {
			try {
				sender.send(messages.keySet().toArray(MimeMessage[]::new));
			}
			catch (MailSendException ex) {
				ex.getFailedMessages().forEach((message, failure) -> {
					OutboxMail mail = messages.get(message);
					if (mail != null) {
						failures.put(mail, failure);
					}
				});
				if (ex.getFailedMessages().isEmpty()) {
					messages.values().forEach(mail -> failures.put(mail, ex));
				}
			}
			catch (RuntimeException ex) {
				messages.values().forEach(mail -> failures.put(mail, ex));
			}
		}
		List<Long> sent = new ArrayList<>();
		for (OutboxMail mail : claimed) {
			if (!failures.containsKey(mail) && !unwritable.containsKey(mail)) {
				sent.add(mail.getId());
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
	private void failed(OutboxMail mail, Exception failure, boolean unwritable, Instant now) {
		int attempts = mail.getAttempts();
		boolean permanent = unwritable || SmtpFailures.permanent(failure) || attempts >= settings.maxAttempts();
		String description = SmtpFailures.describe(failure);
		if (permanent) {
			log.warn("Mail {} to {} given up after {} attempts: {}", mail.getMessageId(), mail.getRecipient(), attempts,
					description);
			jdbc.update("update mail_outbox set status = 'FAILED', claimed_at = null, last_error = ? "
					+ "where id = ? and status = 'SENDING'", description, mail.getId());
		}
		else {
			jdbc.update("update mail_outbox set status = 'QUEUED', claimed_at = null, last_error = ?, next_attempt_at = ? "
					+ "where id = ? and status = 'SENDING'", description, Timestamp.from(now.plus(backoff(attempts))),
					mail.getId());
		}
	}

	/** The wait after the given number of failed attempts: {@code first-retry}, doubled each time, at most {@code max-retry}. */
	Duration backoff(int attempts) {
		Duration wait = settings.firstRetry();
		for (int i = 1; i < attempts && wait.compareTo(settings.maxRetry()) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(settings.maxRetry()) > 0 ? settings.maxRetry() : wait;
	}

	private MimeMessage message(JavaMailSender sender, OutboxMail mail) throws MessagingException {
		MimeMessage message = new IdentifiedMessage(sender.createMimeMessage(), mail.getMessageId());
		MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8") {

			@Override
			protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
				return FILE_TYPES;
			}

		};
		helper.setFrom(settings.fromAddress());
		InternetAddress replyTo = settings.replyToAddress();
		if (replyTo != null) {
			helper.setReplyTo(replyTo);
		}
		helper.setTo(new InternetAddress(mail.getRecipient(), true));
		helper.setSubject(mail.getSubject());
		helper.setSentDate(Date.from(clock.instant()));
		helper.setText(mail.getTextBody(), mail.getHtmlBody());
		if (mail.getInReplyTo() != null) {
			message.setHeader("In-Reply-To", mail.getInReplyTo());
		}
		if (mail.getReferenceIds() != null) {
			message.setHeader("References", mail.getReferenceIds());
		}
		if (mail.isAutoSubmitted()) {
			message.setHeader("Auto-Submitted", Objects.requireNonNullElse(mail.getKind().autoSubmitted(), "auto-generated"));
		}
		message.setHeader("Content-Language", mail.getLanguage());
		message.setHeader(MailKind.HEADER, mail.getKind().key());
		return message;
	}

	/** A message whose {@code Message-ID} is the one Guichet recorded, not one made up when it is sent. */
	private static final class IdentifiedMessage extends MimeMessage {

		private final String messageId;

		IdentifiedMessage(MimeMessage empty, String messageId) {
			super(empty.getSession());
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", messageId);
		}

	}

}
