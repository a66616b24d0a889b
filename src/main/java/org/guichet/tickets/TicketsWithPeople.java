package org.guichet.tickets;

import java.util.Optional;

/** {@link TicketRepository}'s read of a ticket with the people and groups it names. */
public interface TicketsWithPeople {

	/**
	 * The ticket with its requester, registrar, assignee, group and category: the instance the
	 * current persistence context already holds when there is one (no statement, not refreshed),
	 * else read with them in one statement; empty when there is no such ticket.
	 */
	Optional<Ticket> findWithPeople(long id);

}
