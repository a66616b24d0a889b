package org.guichet.tickets.web;

import java.io.Serializable;
import java.util.List;

import org.guichet.tickets.PendingReason;
import org.guichet.tickets.Priority;
import org.guichet.tickets.SolutionKind;
import org.guichet.tickets.TicketAction;
import org.jspecify.annotations.Nullable;

/**
 * An action on the tickets selected in a list.
 *
 * @param ticket each selected ticket as {@code id:version}, the version shown in the list
 * @param groupId, assigneeId for {@link Action#ASSIGN}: the group, the technician, or both
 * @param transition for {@link Action#STATUS}, one of {@link #TRANSITIONS}, with its
 * {@code pendingReason} or {@code solution} and {@code solutionKind}
 * @param priority for {@link Action#PRIORITY}, with the {@code reason} of the override
 * @param back the list to go back to
 */
record BulkForm(@Nullable List<String> ticket, @Nullable Action action, @Nullable Long groupId,
		@Nullable Long assigneeId, @Nullable TicketAction transition, @Nullable PendingReason pendingReason,
		@Nullable String solution, @Nullable SolutionKind solutionKind, @Nullable Priority priority,
		@Nullable String reason, @Nullable String back) implements Serializable {

	/** The most tickets one action takes: a page of the longest list. */
	static final int MAX_TICKETS = 100;

	/** The status changes a list offers; taking has its own action, the requester's answers are theirs. */
	static final List<TicketAction> TRANSITIONS = List.of(TicketAction.PENDING, TicketAction.RESUME,
			TicketAction.RESOLVE, TicketAction.REOPEN, TicketAction.CANCEL);

	/** What is done to each selected ticket (merging is added with linked tickets). */
	enum Action {

		ASSIGN, TAKE, STATUS, PRIORITY

	}

	List<String> tickets() {
		return ticket == null ? List.of() : ticket;
	}

}
