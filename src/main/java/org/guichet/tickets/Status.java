package org.guichet.tickets;

import java.util.EnumSet;
import java.util.Set;

public enum Status {

	NEW, ASSIGNED, IN_PROGRESS, PENDING, RESOLVED, CLOSED, CANCELLED;

	/** Statuses in which the IT team still owes work on the ticket. */
	public static final Set<Status> OPEN = EnumSet.of(NEW, ASSIGNED, IN_PROGRESS, PENDING);

}
