package org.guichet.tickets;

import org.jspecify.annotations.Nullable;

/**
 * What a list of tickets is filtered on. Every criterion is optional.
 *
 * @param categoryId lists the tickets of this category and of all its sub-categories, at any depth
 * (of this category only with the drill-down criterion {@link DrillDown#subcategories()} false)
 * @param text {@code #1042} finds that ticket; other text is looked for in the titles; in one
 * requester's tickets (a requester reading, or {@code requesterId} given) also in the
 * descriptions, and a bare number also finds the ticket of that number
 * @param page zero-based
 * @param statusGroup the statuses of a group, as the portal offers them; null for any
 * @param drillDown the criteria of a KPI's drill-down, {@link DrillDown#NONE} for none (null is taken
 * as none)
 */
public record TicketQuery(@Nullable Queue queue, @Nullable Status status, @Nullable TicketType type,
		@Nullable Priority priority, @Nullable Long groupId, @Nullable Long assigneeId, @Nullable Long requesterId,
		@Nullable Long categoryId, @Nullable String text, TicketSort sort, int page, int size,
		@Nullable StatusGroup statusGroup, DrillDown drillDown) {

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
		if (drillDown == null) {
			drillDown = DrillDown.NONE;
		}
	}

	/** A query without drill-down criteria. */
	public TicketQuery(@Nullable Queue queue, @Nullable Status status, @Nullable TicketType type,
			@Nullable Priority priority, @Nullable Long groupId, @Nullable Long assigneeId, @Nullable Long requesterId,
			@Nullable Long categoryId, @Nullable String text, TicketSort sort, int page, int size,
			@Nullable StatusGroup statusGroup) {
		this(queue, status, type, priority, groupId, assigneeId, requesterId, categoryId, text, sort, page, size,
				statusGroup, DrillDown.NONE);
	}

	/** A query on no status group, without drill-down criteria. */
	public TicketQuery(@Nullable Queue queue, @Nullable Status status, @Nullable TicketType type,
			@Nullable Priority priority, @Nullable Long groupId, @Nullable Long assigneeId, @Nullable Long requesterId,
			@Nullable Long categoryId, @Nullable String text, TicketSort sort, int page, int size) {
		this(queue, status, type, priority, groupId, assigneeId, requesterId, categoryId, text, sort, page, size, null,
				DrillDown.NONE);
	}

}
