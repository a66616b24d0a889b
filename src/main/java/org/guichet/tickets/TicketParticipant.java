package org.guichet.tickets;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * A member of the IT team took part in a ticket in this role: one row per ticket, person and
 * role, never changed nor removed. Written by {@link TicketParticipants}, read by the visibility
 * rule ({@link TicketAccess}, {@link TicketSearch}).
 */
@Entity
@Immutable
@Table(name = "ticket_participant")
@IdClass(TicketParticipant.Key.class)
class TicketParticipant {

	@Id
	@Column(name = "ticket_id")
	private long ticketId;

	@Id
	@Column(name = "user_id")
	private long userId;

	@Id
	@Enumerated(EnumType.STRING)
	private ParticipantRole role;

	protected TicketParticipant() {
		this.role = ParticipantRole.WROTE;
	}

	TicketParticipant(Key key) {
		this.ticketId = key.ticketId();
		this.userId = key.userId();
		this.role = key.role();
	}

	/** The primary key: the ticket, the person, the role. */
	record Key(long ticketId, long userId, ParticipantRole role) implements Serializable {
	}

}
