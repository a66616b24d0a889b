package org.guichet.tickets;

import java.util.List;

/**
 * One page of a ticket list. Lists are paged without counting, so that the first page of a
 * queue stays fast on millions of tickets.
 */
public record TicketSlice(List<Ticket> tickets, int page, int size, boolean hasNext) {

	public boolean hasPrevious() {
		return page > 0;
	}

}
