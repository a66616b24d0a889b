package org.guichet.replies;

import org.guichet.tickets.TicketAction;

/**
 * The status change a macro may make, each one the ticket lifecycle's own transition: it is
 * refused from a status the lifecycle does not allow it from.
 */
public enum MacroStatus {

	/** Take the ticket in charge (assigned to the agent, in progress). */
	TAKE(TicketAction.TAKE),
	/** Put it pending, with the macro's pending reason. */
	PENDING(TicketAction.PENDING),
	/** Resume a pending ticket. */
	RESUME(TicketAction.RESUME),
	/** Resolve it, with the macro's solution. */
	RESOLVE(TicketAction.RESOLVE);

	private final TicketAction action;

	MacroStatus(TicketAction action) {
		this.action = action;
	}

	public TicketAction action() {
		return action;
	}

}
