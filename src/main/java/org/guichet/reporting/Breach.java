package org.guichet.reporting;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A ticket that missed an SLA deadline falling in the report's period.
 *
 * @param ticketId the ticket
 * @param title its title now
 * @param clock {@code TTO} (taking in charge) or {@code TTR} (resolution)
 * @param deadline the deadline missed (UTC)
 * @param doneAt when the ticket was owned (TTO) or resolved (TTR), null while it is not
 * @param groupId the ticket's group now, null when none
 * @param assigneeId the ticket's technician now, null when none
 */
public record Breach(long ticketId, String title, String clock, Instant deadline, @Nullable Instant doneAt,
		@Nullable Long groupId, @Nullable Long assigneeId) {
}
