package org.guichet.tickets;

import java.util.function.IntFunction;

import org.guichet.system.Pager;

/**
 * How many tickets a queue lists for its reader, counted up to a bound.
 *
 * @param count the number of tickets, exact when {@code more} is false; the bound otherwise
 * @param more whether the queue holds more than {@code count} tickets (shown as "99+")
 */
public record QueueCount(int count, boolean more) {

	/**
	 * The pager of a list counted so: with its last page when the count is exact, with Previous and
	 * Next only past the bound.
	 *
	 * @param shown the page the list shows
	 * @param link the address of a page, by its number from 0
	 */
	public Pager pager(TicketSlice shown, IntFunction<String> link) {
		return more ? Pager.of(shown.page(), shown.tickets().isEmpty(), shown.hasNext(), link)
				: Pager.counted(shown.page(), count, shown.size(), link);
	}

}
