package org.guichet.approvals;

/**
 * How many approvals of a period stand where, now.
 *
 * @param pending still waiting for a decision
 * @param approved every step approved or skipped: their tickets went to their groups
 * @param refused refused at a step: their tickets were cancelled
 */
public record ApprovalTally(long pending, long approved, long refused) {

	/** Every approval of the period, whatever it became. */
	public long requested() {
		return pending + approved + refused;
	}

}
