package org.guichet.tickets;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Field changes an agent makes; a null field is left as it is.
 *
 * @param priority with {@code priorityOverrideReason}, overrides the matrix
 * @param clearPriorityOverride gives the priority back to the matrix
 */
public record TicketChanges(@Nullable String title, @Nullable String description, @Nullable TicketType type,
		@Nullable Long categoryId, @Nullable Urgency urgency, @Nullable Impact impact, @Nullable Priority priority,
		@Nullable String priorityOverrideReason, boolean clearPriorityOverride, @Nullable List<Long> observerIds) {
}
