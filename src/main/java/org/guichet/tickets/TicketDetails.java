package org.guichet.tickets;

import java.util.Optional;

/**
 * Another module's view of a ticket, shown with the ticket under a name of its own (e.g. the SLA
 * module's deadlines under {@code sla}), without the tickets module depending on that module.
 */
public interface TicketDetails {

	/** The name the details appear under, e.g. in the ticket's JSON. */
	String name();

	/** The details of that ticket, or empty when the module has nothing to say about it. */
	Optional<Object> of(TicketId ticket);

}
