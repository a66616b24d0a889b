package org.guichet.tickets;

/**
 * How many tickets a queue lists for its reader, counted up to a bound.
 *
 * @param count the number of tickets, exact when {@code more} is false; the bound otherwise
 * @param more whether the queue holds more than {@code count} tickets (shown as "99+")
 */
public record QueueCount(int count, boolean more) {

}
