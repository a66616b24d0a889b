package org.guichet.tickets;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.guichet.directory.User;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/**
 * A link between two tickets, read "source {@link TicketLinkKind kind} target". Made by
 * {@link Ticket#link}, which records it in both tickets' history.
 */
@Entity
@Immutable
@Table(name = "ticket_link")
public class TicketLink {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Enumerated(EnumType.STRING)
	private TicketLinkKind kind;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "source_ticket_id")
	private Ticket source;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "target_ticket_id")
	private Ticket target;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "created_by_id")
	private @Nullable User createdBy;

	@Column(updatable = false)
	private Instant createdAt;

	@SuppressWarnings("NullAway")
	protected TicketLink() {
		this.kind = TicketLinkKind.FOLLOW_UP_OF;
		this.createdAt = Instant.EPOCH;
	}

	TicketLink(TicketLinkKind kind, Ticket source, Ticket target, @Nullable User createdBy, Instant createdAt) {
		this.kind = kind;
		this.source = source;
		this.target = target;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
	}

	public @Nullable Long getId() {
		return id;
	}

	public TicketLinkKind getKind() {
		return kind;
	}

	public Ticket getSource() {
		return source;
	}

	public Ticket getTarget() {
		return target;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

}
