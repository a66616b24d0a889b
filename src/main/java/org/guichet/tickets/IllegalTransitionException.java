package org.guichet.tickets;

import org.guichet.system.ConflictException;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The state machine refuses an action in the ticket's current status.
 */
public class IllegalTransitionException extends ConflictException {

	public IllegalTransitionException(TicketId ticket, TicketAction action, Status status) {
		super("ticket.transition.illegal",
				"Ticket " + ticket + " cannot take action " + action + " while it is " + status, ticket.toString(),
				new DefaultMessageSourceResolvable(new String[] { "action." + action.name() }, action.name()),
				new DefaultMessageSourceResolvable(new String[] { "status." + status.name() }, status.name()));
	}

}
