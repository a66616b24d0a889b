package org.guichet.tickets;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
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
 * One line of a ticket's audit trail: who changed which field, when, from what to what.
 * Entries are only ever added.
 */
@EntityListeners(TicketFactsListener.class)
@Entity
@Immutable
@Table(name = "ticket_history")
public class HistoryEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "ticket_id")
	private Ticket ticket;

	private Instant at;

	/** Null when Guichet itself acted (automatic closure). */
	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "actor_id")
	private @Nullable User actor;

	private String field;

	private @Nullable String oldValue;

	private @Nullable String newValue;

	@SuppressWarnings("NullAway")
	protected HistoryEntry() {
		this.at = Instant.EPOCH;
		this.field = "";
	}

	HistoryEntry(Ticket ticket, Instant at, @Nullable User actor, String field, @Nullable String oldValue,
			@Nullable String newValue) {
		this.ticket = ticket;
		this.at = at;
		this.actor = actor;
		this.field = field;
		this.oldValue = truncate(oldValue);
		this.newValue = truncate(newValue);
	}

	private static @Nullable String truncate(@Nullable String value) {
		return value == null || value.length() <= 2000 ? value : value.substring(0, 1999) + "…";
	}

	/** The ticket's id; null while the ticket is not saved. */
	@Nullable Long ticketId() {
		return ticket.getId();
	}

	public @Nullable Long getId() {
		return id;
	}

	public Instant getAt() {
		return at;
	}

	public @Nullable User getActor() {
		return actor;
	}

	public String getField() {
		return field;
	}

	public @Nullable String getOldValue() {
		return oldValue;
	}

	public @Nullable String getNewValue() {
		return newValue;
	}

}
