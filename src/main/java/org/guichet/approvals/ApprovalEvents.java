package org.guichet.approvals;

import java.time.Instant;
import java.util.List;

import org.guichet.tickets.TicketId;
import org.jspecify.annotations.Nullable;

/** What happened to approvals, for the modules that react (notifications, reporting). */
public final class ApprovalEvents {

	private ApprovalEvents() {
	}

	/**
	 * A step of a ticket's approval opened: those people are asked.
	 *
	 * @param approvalId the approval's id, null only before it is stored
	 */
	public record ApprovalStepOpened(TicketId ticket, @Nullable Long approvalId, int position, List<Long> approverIds,
			Instant at) {
	}

	/** A ticket's approval was approved or refused; requested and decided in UTC instants. */
	public record ApprovalEnded(TicketId ticket, ApprovalOutcome outcome, Instant requestedAt, Instant decidedAt) {
	}

}
