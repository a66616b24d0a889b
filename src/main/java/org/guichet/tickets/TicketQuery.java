package org.guichet.tickets;

import org.jspecify.annotations.Nullable;

/**
 * What a list of tickets is filtered on. Every criterion is optional.
 *
 * @param categoryId lists the tickets of this category and of all its sub-categories, at any depth
 * @param page zero-based
 */
public record TicketQuery(@Nullable Queue queue, @Nullable Status status, @Nullable TicketType type,
		@Nullable Priority priority, @Nullable Long groupId, @Nullable Long assigneeId, @Nullable Long requesterId,
		@Nullable Long categoryId, @Nullable String text, TicketSort sort, int page, int size) {

	public static final int MAX_SIZE = 100;

	public TicketQuery {
		if (page < 0) {
			page = 0;
		}
		if (size < 1 || size > MAX_SIZE) {
			size = 25;
		}
		if (text != null && text.isBlank()) {
			text = null;
		}
	}

}
