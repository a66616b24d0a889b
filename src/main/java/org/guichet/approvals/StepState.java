package org.guichet.approvals;

/** Where an approval step stands; only one step of an approval is open at a time. */
public enum StepState {

	/** A later step, not asked yet. */
	WAITING,
	/** Its approvers are asked now. */
	OPEN,
	APPROVED,
	REFUSED,
	/** Its skip condition held at filing: nobody is asked. */
	SKIPPED,
	/** The approval was withdrawn (the ticket cancelled or merged) before the step was decided. */
	WITHDRAWN;

	/** Whether the step is over (decided or skipped). */
	public boolean closed() {
		return this != WAITING && this != OPEN;
	}

}
