package org.guichet.tickets;

import org.guichet.directory.SupportGroupDeleting;
import org.guichet.system.ConflictException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps a support group that tickets are assigned to: their history and reports refer to it.
 */
@Component
class GroupDeletionGuard {

	private final TicketRepository tickets;

	GroupDeletionGuard(TicketRepository tickets) {
		this.tickets = tickets;
	}

	@EventListener
	void on(SupportGroupDeleting deleting) {
		if (tickets.existsByGroupId(deleting.groupId())) {
			throw new ConflictException("group.delete.has-tickets",
					"Tickets are assigned to the group: reassign them first", deleting.name());
		}
	}

}
