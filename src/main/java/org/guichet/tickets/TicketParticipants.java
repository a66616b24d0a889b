package org.guichet.tickets;

import java.util.Collection;

import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Component;

/**
 * Keeps the table of who took part in which ticket, in the transaction of the action. A role
 * already recorded is not recorded again (a primary-key look-up each). Only the same person
 * acting twice at the same instant on one ticket, in the same role for the first time, could
 * write the same row twice; the primary key refuses the second, whose transaction the ticket's
 * optimistic lock would refuse anyway.
 */
@Component
class TicketParticipants {

	private final EntityManager em;

	TicketParticipants(EntityManager em) {
		this.em = em;
	}

	/** Records the ticket's participations of its last actions, once each. */
	void record(Ticket ticket) {
		Collection<Ticket.Participation> participations = ticket.pullParticipations();
		for (Ticket.Participation participation : participations) {
			TicketParticipant.Key key = new TicketParticipant.Key(ticket.id().value(), participation.userId(),
					participation.role());
			if (em.find(TicketParticipant.class, key) == null) {
				em.persist(new TicketParticipant(key));
			}
		}
	}

	/** Records who took part in a ticket just persisted, which has no participant yet: no look-up. */
	void recordNew(Ticket ticket) {
		for (Ticket.Participation participation : ticket.pullParticipations()) {
			em.persist(new TicketParticipant(
					new TicketParticipant.Key(ticket.id().value(), participation.userId(), participation.role())));
		}
	}

	/** Whether the person took part in the ticket, in any role. */
	boolean tookPart(long ticketId, long userId) {
		return !em.createQuery("select 1 from TicketParticipant p where p.ticketId = :ticketId and p.userId = :userId",
				Integer.class)
			.setParameter("ticketId", ticketId)
			.setParameter("userId", userId)
			.setMaxResults(1)
			.getResultList()
			.isEmpty();
	}

}
