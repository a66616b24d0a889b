package org.guichet.sla;

/**
 * When an automatic escalation level fires on its clock.
 */
public enum EscalationTrigger {

	/** At a share of the target, e.g. 75 %. */
	SHARE,
	/** A business duration before the deadline. */
	BEFORE,
	/** A business duration after the deadline. */
	AFTER

}
