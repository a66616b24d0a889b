package org.guichet.tickets;

import java.util.Optional;

import org.guichet.directory.CurrentUser;

/**
 * Another module's view of a ticket, shown with the ticket under a name of its own (e.g. the SLA
 * module's deadlines under {@code sla}), without the tickets module depending on that module.
 */
public interface TicketDetails {

	/** The name the details appear under, e.g. in the ticket's JSON. */
	String name();

	/**
	 * The details of that ticket as {@code reader} may see them, or empty when the module has
	 * nothing to say about it, or nothing that reader may see. The reader may see the ticket.
	 */
	Optional<Object> of(TicketId ticket, CurrentUser reader);

}
