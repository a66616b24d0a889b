package org.guichet.approvals;

/** Where an approval stands as a whole. */
public enum ApprovalOutcome {

	/** A step is open: the ticket waits. */
	PENDING,
	/** Every step was approved or skipped: the ticket went to its group. */
	APPROVED,
	/** A step was refused: the ticket was cancelled. */
	REFUSED,
	/** The ticket was cancelled or merged into another before the approval ended: nobody is asked any more. */
	WITHDRAWN

}
