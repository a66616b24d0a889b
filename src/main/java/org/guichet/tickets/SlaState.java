package org.guichet.tickets;

/**
 * Where a ticket stands against its SLA.
 */
public enum SlaState {

	/** Open, and less than the at-risk share of the target used. */
	ON_TRACK,
	/** Open, with the at-risk share of the target used. */
	AT_RISK,
	/** Open and waiting for a reason that pauses the clocks, no deadline passed: nothing counts. */
	PAUSED,
	/** Open, and a deadline has passed (a time to own missed counts until the resolution). */
	BREACHED,
	/** Done within the deadlines. */
	MET,
	/** Done, but after a deadline; or cancelled after a deadline passed. */
	MISSED,
	/** Cancelled before a deadline passed: neither met nor missed, counted in no compliance rate. */
	STOPPED;

	/** Whether the clock said its last word: met, missed or stopped, nothing left to count. */
	public boolean isVerdict() {
		return this == MET || this == MISSED || this == STOPPED;
	}

}
