package org.guichet.tickets;

import java.util.List;

/**
 * A ticket with the parts of its timeline the reader may see.
 */
public record TicketView(Ticket ticket, List<Comment> comments, List<Attachment> attachments, List<Task> tasks,
		boolean observer) {
}
