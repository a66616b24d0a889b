package org.guichet.tickets;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/**
 * One escalation of a ticket, kept apart from its history so that reports can count them by
 * kind, level and group.
 */
@EntityListeners(TicketFactsListener.class)
@Entity
@Immutable
@Table(name = "ticket_escalation")
public class Escalation {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private long ticketId;

	@Enumerated(EnumType.STRING)
	private EscalationKind kind;

	@Enumerated(EnumType.STRING)
	private @Nullable SupportLevel fromLevel;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "from_group_id")
	private @Nullable SupportGroup fromGroup;

	@Enumerated(EnumType.STRING)
	private @Nullable SupportLevel toLevel;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "to_group_id")
	private @Nullable SupportGroup toGroup;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "to_user_id")
	private @Nullable User toUser;

	private @Nullable String reason;

	/** Null when Guichet escalated by itself. */
	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "by_id")
	private @Nullable User by;

	private Instant at;

	@SuppressWarnings("NullAway")
	protected Escalation() {
		this.kind = EscalationKind.FUNCTIONAL;
		this.at = Instant.EPOCH;
	}

	Escalation(long ticketId, EscalationKind kind, @Nullable SupportGroup fromGroup, @Nullable SupportGroup toGroup,
			@Nullable User toUser, @Nullable String reason, @Nullable User by, Instant at) {
		this.ticketId = ticketId;
		this.kind = kind;
		this.fromGroup = fromGroup;
		this.fromLevel = fromGroup == null ? null : fromGroup.getLevel();
		this.toGroup = toGroup;
		this.toLevel = toGroup == null ? null : toGroup.getLevel();
		this.toUser = toUser;
		this.reason = reason;
		this.by = by;
		this.at = at;
	}

	long ticketId() {
		return ticketId;
	}

	public @Nullable Long getId() {
		return id;
	}

	public EscalationKind getKind() {
		return kind;
	}

	public @Nullable SupportLevel getFromLevel() {
		return fromLevel;
	}

	public @Nullable SupportGroup getFromGroup() {
		return fromGroup;
	}

	public @Nullable SupportLevel getToLevel() {
		return toLevel;
	}

	public @Nullable SupportGroup getToGroup() {
		return toGroup;
	}

	public @Nullable User getToUser() {
		return toUser;
	}

	public @Nullable String getReason() {
		return reason;
	}

	public @Nullable User getBy() {
		return by;
	}

	public Instant getAt() {
		return at;
	}

}
