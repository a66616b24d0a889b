package org.guichet.tickets;

/**
 * How a solved ticket closes (Administration › Settings › Closure).
 *
 * @param requesterValidation true (the default): a resolved ticket waits for its requester to
 * accept the solution (closed) or refuse it (reopened); false: the technician's resolution closes
 * the ticket at the same instant, and the requester is offered no answer
 * @param autoCloseDays days after which a resolved ticket its requester left unanswered is closed,
 * 0 to 365; 0 = never. Only read while requester validation is on
 */
public record ClosureSettings(boolean requesterValidation, int autoCloseDays) {

	/** The delay's bounds, in days. */
	public static final int MAX_AUTO_CLOSE_DAYS = 365;

	/** Today's behaviour: the requester validates; closed automatically after 7 days. */
	public static final ClosureSettings DEFAULT = new ClosureSettings(true, 7);

}
