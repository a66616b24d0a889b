package org.guichet.tickets;

/**
 * Identifies a ticket; its value is also the human-readable number shown as {@code #1042}.
 */
public record TicketId(long value) {

	@Override
	public String toString() {
		return "#" + value;
	}

}
