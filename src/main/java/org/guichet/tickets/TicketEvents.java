package org.guichet.tickets;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What happened to a ticket, published when the change is saved, for other modules to react to.
 */
public final class TicketEvents {

	private TicketEvents() {
	}

	public record TicketCreated(TicketId ticket, Instant at) {
	}

	public record TicketStatusChanged(TicketId ticket, Status from, Status to, Instant at) {
	}

	public record TicketAssigned(TicketId ticket, @Nullable Long groupId, @Nullable Long assigneeId, Instant at) {
	}

	public record TicketPriorityChanged(TicketId ticket, Priority from, Priority to, Instant at) {
	}

	public record TicketCommented(TicketId ticket, boolean internal, boolean byRequester, Instant at) {
	}

}
