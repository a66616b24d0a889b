package org.guichet.approvals;

/** Who an approval step asks. */
public enum StepKind {

	/** The requester's manager in the directory. */
	MANAGER,
	/** A named person (the step's target is their user id). */
	USER,
	/** The members of a support group (the step's target is the group's id), with a quorum. */
	GROUP

}
