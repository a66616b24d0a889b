package org.guichet.tickets;

import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Tells the {@link TicketFactsKeeper} of every write of a ticket, of its audit trail, its comments
 * and its escalations, whichever way it came (an action, a merge, a macro, a bulk action, the demo
 * data): the one place no change of a ticket can go around. A loaded ticket registers its
 * transaction with the keeper too, because Hibernate writes a changed ticket only when it flushes,
 * which may be the commit's own flush. Instantiated by Hibernate through
 * Spring; the keeper is looked up when first needed, after the persistence unit is built.
 */
class TicketFactsListener {

	private final ObjectProvider<TicketFactsKeeper> keeper;

	TicketFactsListener(ObjectProvider<TicketFactsKeeper> keeper) {
		this.keeper = keeper;
	}

	/** A loaded ticket may change before the commit: its transaction must look before it commits. */
	@PostLoad
	void loaded(Object entity) {
		if (entity instanceof Ticket) {
			keeper.getObject().loaded();
		}
	}

	/** A ticket new in this transaction has no facts stored yet: they are inserted without looking. */
	@PostPersist
	void persisted(Object entity) {
		written(entity);
		if (entity instanceof Ticket ticket) {
			keeper.getObject().created(ticket.getId());
		}
	}

	@PostUpdate
	@PostRemove
	void written(Object entity) {
		Long ticketId = ticketOf(entity);
		if (ticketId != null) {
			keeper.getObject().changed(ticketId);
		}
	}

	private static @Nullable Long ticketOf(Object entity) {
		if (entity instanceof Ticket ticket) {
			return ticket.getId();
		}
		if (entity instanceof HistoryEntry entry) {
			return entry.ticketId();
		}
		if (entity instanceof Comment comment) {
			return comment.ticketId();
		}
		if (entity instanceof Escalation escalation) {
			return escalation.ticketId();
		}
		throw new IllegalArgumentException("Not a part of a ticket: " + entity.getClass().getName());
	}

}
