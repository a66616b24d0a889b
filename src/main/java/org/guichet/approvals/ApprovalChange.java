package org.guichet.approvals;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a move of an {@link Approval} changed, in order, for its history and for the ticket.
 */
sealed interface ApprovalChange {

	/** A step was skipped at filing, for that reason. */
	record Skipped(int position, String reason) implements ApprovalChange {
	}

	/**
	 * A step opened: those people are asked.
	 *
	 * @param fallback nobody of the step was in the directory any more: the administrators are asked
	 */
	record Opened(int position, StepKind kind, List<Long> approverIds, boolean fallback) implements ApprovalChange {
	}

	/** An answer was counted for {@code approverId}, taken by {@code decidedById}. */
	record Decided(int position, long approverId, long decidedById, Verdict verdict, @Nullable String comment)
			implements ApprovalChange {
	}

	/** The approval is over: approved (every step approved or skipped) or refused. */
	record Ended(ApprovalOutcome outcome) implements ApprovalChange {
	}

}
