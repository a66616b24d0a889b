package org.guichet.tickets;

import java.util.EnumSet;
import java.util.Set;

import static org.guichet.tickets.Status.ASSIGNED;
import static org.guichet.tickets.Status.CLOSED;
import static org.guichet.tickets.Status.IN_PROGRESS;
import static org.guichet.tickets.Status.NEW;
import static org.guichet.tickets.Status.PENDING;
import static org.guichet.tickets.Status.RESOLVED;

/**
 * The transitions of the ticket state machine, each with the statuses it may start from.
 * The status a transition leads to is decided by {@link Ticket}, as some depend on the ticket.
 */
public enum TicketAction {

	ASSIGN(EnumSet.of(NEW, ASSIGNED, IN_PROGRESS, Status.PENDING)),
	TAKE(EnumSet.of(NEW, ASSIGNED)),
	PENDING(EnumSet.of(ASSIGNED, IN_PROGRESS)),
	RESUME(EnumSet.of(Status.PENDING)),
	RESOLVE(EnumSet.of(NEW, ASSIGNED, IN_PROGRESS, Status.PENDING)),
	ACCEPT(EnumSet.of(RESOLVED)),
	REFUSE(EnumSet.of(RESOLVED)),
	REOPEN(EnumSet.of(RESOLVED, CLOSED)),
	CANCEL(EnumSet.of(NEW, ASSIGNED, IN_PROGRESS, Status.PENDING)),
	ESCALATE(EnumSet.of(NEW, ASSIGNED, IN_PROGRESS, Status.PENDING)),
	AUTO_CLOSE(EnumSet.of(RESOLVED));

	private final Set<Status> from;

	TicketAction(Set<Status> from) {
		this.from = from;
	}

	public boolean allowedFrom(Status status) {
		return from.contains(status);
	}

	/** Actions that only the requester (or an observer standing in) takes. */
	public boolean isRequesterAnswer() {
		return this == ACCEPT || this == REFUSE;
	}

	/** Actions a person asks for through a transition; assignment, escalation and automatic closure are not. */
	public boolean isTransition() {
		return this != ASSIGN && this != ESCALATE && this != AUTO_CLOSE;
	}

}
