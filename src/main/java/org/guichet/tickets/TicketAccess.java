package org.guichet.tickets;

import java.util.List;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroupRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who sees which ticket, and which member of the IT team works on it; the one rule for the
 * pages and the API ({@link TicketSearch} writes the same rule into the list queries).
 * <ul>
 * <li>A requester sees the tickets they requested or observe.</li>
 * <li>An agent <em>works on</em> the tickets of their groups, those with no group yet, those
 * assigned to them and those they requested (or every ticket, when
 * {@code guichet.tickets.agents-see-all-tickets} is set); an administrator works on them all.</li>
 * <li>An agent also <em>reads</em> the tickets they took part in ({@link ParticipantRole}:
 * registered, were assigned to, took, resolved, dispatched, escalated, were called in on, were
 * made an observer of, wrote in), wherever routing or an escalation moved them since. On such a
 * ticket they may reply and add notes (with files); every other action is refused with 403.</li>
 * </ul>
 */
@Component
class TicketAccess {

	private final SupportGroupRepository groups;

	private final TicketRepository tickets;

	private final TicketParticipants participants;

	private final boolean agentsSeeAllTickets;

	TicketAccess(SupportGroupRepository groups, TicketRepository tickets, TicketParticipants participants,
			@Value("${guichet.tickets.agents-see-all-tickets:false}") boolean agentsSeeAllTickets) {
		this.groups = groups;
		this.tickets = tickets;
		this.participants = participants;
		this.agentsSeeAllTickets = agentsSeeAllTickets;
	}

	/**
	 * Whether the user reads every ticket of the desk: administrators and supervisors (who answer
	 * for the whole desk and see every figure of the KPIs, which must drill down to the tickets
	 * they count), and every member of the IT team when {@code agents-see-all-tickets} is set.
	 * Reading is not working: {@link #canWorkOn} decides that.
	 */
	boolean seesEveryTicket(CurrentUser user) {
		return user.role().includes(Role.SUPERVISOR) || (user.isAgent() && agentsSeeAllTickets);
	}

	List<Long> groupsOf(CurrentUser user) {
		return groups.findGroupIdsOfMember(user.id());
	}

	/** Whether the user may read the ticket; a ticket they may not read is answered with 404. */
	boolean canSee(Ticket ticket, CurrentUser user) {
		if (seesEveryTicket(user) || canWorkOn(ticket, user)) {
			return true;
		}
		if (user.isAgent()) {
			return participants.tookPart(ticket.id().value(), user.id());
		}
		return ticket.getRequester().getId() == user.id() || tickets.isObserver(ticket.id().value(), user.id());
	}

	/**
	 * Whether a member of the IT team may act on the ticket beyond replying and adding notes: it is
	 * in their groups, unrouted, theirs, or they requested it. False for anyone outside the team.
	 */
	boolean canWorkOn(Ticket ticket, CurrentUser user) {
		if (user.role() == Role.ADMINISTRATOR || (user.isAgent() && agentsSeeAllTickets)) {
			return true;
		}
		if (!user.isAgent()) {
			return false;
		}
		long me = user.id();
		return ticket.getRequester().getId() == me || ticket.getGroup() == null
				|| (ticket.getAssignee() != null && ticket.getAssignee().getId() == me)
				|| groupsOf(user).contains(ticket.getGroup().getId());
	}

}
