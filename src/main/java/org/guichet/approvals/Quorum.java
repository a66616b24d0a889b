package org.guichet.approvals;

/**
 * How many of a step's approvers must approve it. A step asking one person approves with them
 * whatever its quorum.
 */
public enum Quorum {

	/** Any one of them decides for all: the first answer, approval or refusal, closes the step. */
	ANY,
	/** Every one of them: a single refusal refuses the step. */
	ALL,
	/**
	 * At least a percentage of them (rounded up): the step is refused as soon as the approvals
	 * still possible can no longer reach it.
	 */
	PERCENT

}
