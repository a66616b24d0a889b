package org.guichet.tickets;

import org.jspecify.annotations.Nullable;

/**
 * A request to move a ticket along its lifecycle.
 *
 * @param reason why, for REFUSE (free text)
 * @param pendingReason what the ticket waits for, for PENDING
 */
public record Transition(TicketAction action, @Nullable String reason, @Nullable PendingReason pendingReason,
		@Nullable String solution, @Nullable SolutionKind solutionKind) {

	public static Transition of(TicketAction action) {
		return new Transition(action, null, null, null, null);
	}

}
