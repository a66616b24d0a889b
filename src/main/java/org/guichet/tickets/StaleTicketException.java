package org.guichet.tickets;

import org.guichet.system.VersionMismatchException;
import org.jspecify.annotations.Nullable;

/**
 * A change of a ticket was made on an older version than the one stored: someone changed the
 * ticket since it was read. Nothing was saved. A page keeps what was typed ({@code ticket.stale});
 * the API answers 412 {@code ticket.version-stale} with the current version, to send again in
 * {@code If-Match}.
 */
public class StaleTicketException extends VersionMismatchException {

	private final TicketId ticket;

	/**
	 * @param ticket the ticket changed
	 * @param currentVersion its version now
	 */
	public StaleTicketException(TicketId ticket, long currentVersion) {
		super(currentVersion, "ticket.stale", "Ticket " + ticket + " was changed by someone else since you opened it",
				ticket.toString());
		this.ticket = ticket;
	}

	/**
	 * @param ticket the ticket as stored now
	 * @param expectedVersion the version the change was made on; null checks nothing
	 * @throws StaleTicketException when {@code expectedVersion} is given and is not the ticket's
	 */
	public static void check(Ticket ticket, @Nullable Long expectedVersion) {
		if (expectedVersion != null && expectedVersion != ticket.getVersion()) {
			throw new StaleTicketException(ticket.id(), ticket.getVersion());
		}
	}

	@Override
	public String apiMessageKey() {
		return "ticket.version-stale";
	}

	@Override
	public Object[] apiArguments() {
		return new Object[] { ticket.toString(), currentVersion() };
	}

}
