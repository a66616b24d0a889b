package org.guichet.mail.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.guichet.system.ConflictException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Mail out for administrators, as the page {@code /admin/mail} shows it
 * ({@link MailOutboxAdministration}): {@code GET /api/v1/admin/mail} (configured or not, the
 * sender's addresses, the count of each state), {@code GET /api/v1/admin/mail/outbox?status=}
 * (the newest mails of a state, {@code FAILED} by default, at most 100) and
 * {@code POST /api/v1/admin/mail/outbox/{id}/resend} (a failed mail queued again; 409
 * {@code mail.outbox.not-failed} when it is no longer failed, 404 when no mail has that number).
 * Others get 403 problem+json.
 */
@RestController
@RequestMapping(path = "/api/v1/admin/mail", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasRole('ADMINISTRATOR')")
class MailOutboxApiController {

	private final MailOutboxAdministration administration;

	private final MailSendingJob sender;

	private final MailSettings settings;

	MailOutboxApiController(MailOutboxAdministration administration, MailSendingJob sender, MailSettings settings) {
		this.administration = administration;
		this.sender = sender;
		this.settings = settings;
	}

	/**
	 * @param configured whether an SMTP server is configured (without one, mails wait queued)
	 * @param replyTo where answers go, null when to the sender
	 * @param counts how many mails are in each state
	 */
	record MailOutJson(boolean configured, String from, @Nullable String replyTo, Map<OutboxStatus, Long> counts) {
	}

	/**
	 * One mail of the outbox; its body is not given (it may hold a signed link for its recipient).
	 *
	 * @param ticketId the ticket it is about, null for a mail about none (a password reset)
	 * @param attempts the attempts made since it was queued (again)
	 * @param nextAttemptAt when a queued mail is tried next (UTC)
	 * @param lastError why its last attempt failed, null when none did
	 */
	record MailJson(long id, String messageId, @Nullable Long ticketId, String recipient, String kind, String subject,
			OutboxStatus status, int attempts, Instant createdAt, Instant nextAttemptAt, @Nullable Instant sentAt,
			@Nullable String lastError) {

		static MailJson of(OutboxMail mail) {
			return new MailJson(mail.getId(), mail.getMessageId(), mail.getTicketId(), mail.getRecipient(),
					mail.getKind().name(), mail.getSubject(), mail.getStatus(), mail.getAttempts(), mail.getCreatedAt(),
					mail.getNextAttemptAt(), mail.getSentAt(), mail.getLastError());
		}

	}

	@GetMapping
	@Operation(summary = "Mail out: whether an SMTP server is configured, and how many mails are in each state")
	MailOutJson mailOut() {
		String replyTo = settings.replyTo().isBlank() ? null : settings.replyTo();
		return new MailOutJson(sender.configured(), settings.from(), replyTo, administration.counts());
	}

	@GetMapping("/outbox")
	@Operation(summary = "The newest mails of a state (FAILED by default), newest first, at most 100")
	@Transactional(readOnly = true)
	List<MailJson> outbox(@RequestParam(defaultValue = "FAILED") OutboxStatus status,
			@RequestParam(defaultValue = "100") int limit) {
		return administration.newest(status, limit).stream().map(MailJson::of).toList();
	}

	@PostMapping("/outbox/{id}/resend")
	@Operation(summary = "Queues a failed mail again, with the same Message-ID, for the sender's next round")
	@Transactional
	MailJson resend(@PathVariable long id) {
		if (!administration.resend(id)) {
			throw new ConflictException("mail.outbox.not-failed", "This mail is not failed", id);
		}
		return MailJson.of(administration.get(id));
	}

}
