package org.guichet.presentation.examples;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A ticket marked as an example, referenced by its id only (the row goes with its ticket), with
 * why, by whom and when.
 */
@Entity
@Table(name = "example_ticket")
class ExampleTicket {

	@Id
	@Column(name = "ticket_id")
	private Long ticketId;

	private String reason;

	@Enumerated(EnumType.STRING)
	private @Nullable ExampleKind kind;

	private long markedById;

	private Instant markedAt;

	@SuppressWarnings("NullAway")
	protected ExampleTicket() {
	}

	ExampleTicket(long ticketId, String reason, @Nullable ExampleKind kind, long markedById, Instant markedAt) {
		this.ticketId = ticketId;
		mark(reason, kind, markedById, markedAt);
	}

	/** Marks it again: the new reason, kind, agent and instant replace the earlier ones. */
	void mark(String newReason, @Nullable ExampleKind newKind, long byId, Instant at) {
		this.reason = newReason;
		this.kind = newKind;
		this.markedById = byId;
		this.markedAt = at;
	}

	long ticketId() {
		return ticketId;
	}

	String reason() {
		return reason;
	}

	@Nullable ExampleKind kind() {
		return kind;
	}

	long markedById() {
		return markedById;
	}

	Instant markedAt() {
		return markedAt;
	}

}
