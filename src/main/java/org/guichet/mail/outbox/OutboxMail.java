package org.guichet.mail.outbox;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.guichet.mail.MailKind;
import org.jspecify.annotations.Nullable;

/**
 * One mail of the outbox without its bodies (headers, subject, status), written with them
 * ({@link OutboxWriter}) in the transaction of the change that caused it. The sender job changes its
 * status with plain SQL ({@link MailSendingJob}).
 */
@Entity
@Table(name = "mail_outbox")
public class OutboxMail {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private String messageId;

	private @Nullable Long ticketId;

	private @Nullable Long recipientId;

	private String recipient;

	private String language;

	@Enumerated(EnumType.STRING)
	private MailKind kind;

	private String subject;

	private @Nullable String inReplyTo;

	private @Nullable String referenceIds;

	private boolean autoSubmitted;

	@Enumerated(EnumType.STRING)
	private OutboxStatus status;

	private int attempts;

	private Instant nextAttemptAt;

	private @Nullable Instant claimedAt;

	private @Nullable Instant sentAt;

	@Column(name = "last_error")
	private @Nullable String lastError;

	private Instant createdAt;

	@SuppressWarnings("NullAway")
	protected OutboxMail() {
	}

	OutboxMail(String messageId, @Nullable Long ticketId, @Nullable Long recipientId, String recipient,
			String language, MailKind kind, String subject, @Nullable String inReplyTo,
			@Nullable String referenceIds, Instant now) {
		this.messageId = messageId;
		this.ticketId = ticketId;
		this.recipientId = recipientId;
		this.recipient = recipient;
		this.language = language;
		this.kind = kind;
		this.subject = subject;
		this.inReplyTo = inReplyTo;
		this.referenceIds = referenceIds;
		this.autoSubmitted = kind.automatic();
		this.status = OutboxStatus.QUEUED;
		this.nextAttemptAt = now;
		this.createdAt = now;
	}

	public @Nullable Long getId() {
		return id;
	}

	public String getMessageId() {
		return messageId;
	}

	public @Nullable Long getTicketId() {
		return ticketId;
	}

	public String getRecipient() {
		return recipient;
	}

	public String getLanguage() {
		return language;
	}

	public MailKind getKind() {
		return kind;
	}

	public String getSubject() {
		return subject;
	}

	public @Nullable String getInReplyTo() {
		return inReplyTo;
	}

	public @Nullable String getReferenceIds() {
		return referenceIds;
	}

	public boolean isAutoSubmitted() {
		return autoSubmitted;
	}

	public OutboxStatus getStatus() {
		return status;
	}

	public int getAttempts() {
		return attempts;
	}

	public Instant getNextAttemptAt() {
		return nextAttemptAt;
	}

	public @Nullable Instant getSentAt() {
		return sentAt;
	}

	public @Nullable String getLastError() {
		return lastError;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

}
