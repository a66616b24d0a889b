package org.guichet.tickets;

import java.util.List;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroupRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who sees which ticket. A requester sees the tickets they requested or observe; an agent sees
 * the tickets of their groups, those with no group yet, and their own (or every ticket, when
 * {@code guichet.tickets.agents-see-all-tickets} is set); an administrator sees them all.
 */
@Component
class TicketAccess {

	private final SupportGroupRepository groups;

	private final TicketRepository tickets;

	private final boolean agentsSeeAllTickets;

	TicketAccess(SupportGroupRepository groups, TicketRepository tickets,
			@Value("${guichet.tickets.agents-see-all-tickets:false}") boolean agentsSeeAllTickets) {
		this.groups = groups;
		this.tickets = tickets;
		this.agentsSeeAllTickets = agentsSeeAllTickets;
	}

	boolean agentsSeeAllTickets() {
		return agentsSeeAllTickets;
	}

	List<Long> groupsOf(CurrentUser user) {
		return groups.findGroupIdsOfMember(user.id());
	}

	boolean canSee(Ticket ticket, CurrentUser user) {
		if (user.role() == Role.ADMINISTRATOR || (user.isAgent() && agentsSeeAllTickets)) {
			return true;
		}
		long me = user.id();
		if (ticket.getRequester().getId() == me) {
			return true;
		}
		if (user.isAgent()) {
			return ticket.getGroup() == null || (ticket.getAssignee() != null && ticket.getAssignee().getId() == me)
					|| groupsOf(user).contains(ticket.getGroup().getId());
		}
		return tickets.isObserver(ticket.id().value(), me);
	}

}
