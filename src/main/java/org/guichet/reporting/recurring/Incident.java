package org.guichet.reporting.recurring;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One incident as the recurring incidents compare it.
 *
 * @param id the ticket's id
 * @param title the ticket's title as written
 * @param createdAt when it was registered
 * @param categoryId its category now, null when it has none (it then recurs by its title only)
 * @param requesterId who asked
 * @param location the requester's location now ({@code app_user.location}), null or blank when
 * unknown (it then recurs by its requester or title only)
 */
public record Incident(long id, String title, Instant createdAt, @Nullable Long categoryId, long requesterId,
		@Nullable String location) {
}
