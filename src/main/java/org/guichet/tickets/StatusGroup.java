package org.guichet.tickets;

/**
 * The statuses a requester filters their tickets on, in their own words.
 */
public enum StatusGroup {

	/** Not finished yet: new, assigned, in progress or pending, for whatever reason. */
	OPEN,
	/** Pending on the requester's answer ({@link PendingReason#USER}): a subset of {@link #OPEN}. */
	WAITING_ON_REQUESTER,
	/** Resolved: waiting for the requester to accept or refuse the solution. */
	RESOLVED,
	/** Closed or cancelled. */
	CLOSED;

	/** The condition on the ticket {@code t} of a list query. */
	String condition() {
		return switch (this) {
			case OPEN -> "t.status in (org.guichet.tickets.Status.NEW, org.guichet.tickets.Status.ASSIGNED,"
					+ " org.guichet.tickets.Status.IN_PROGRESS, org.guichet.tickets.Status.PENDING)";
			case WAITING_ON_REQUESTER -> "t.status = org.guichet.tickets.Status.PENDING"
					+ " and t.pendingReason = org.guichet.tickets.PendingReason.USER";
			case RESOLVED -> "t.status = org.guichet.tickets.Status.RESOLVED";
			case CLOSED -> "t.status in (org.guichet.tickets.Status.CLOSED, org.guichet.tickets.Status.CANCELLED)";
		};
	}

}
