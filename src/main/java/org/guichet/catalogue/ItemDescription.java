package org.guichet.catalogue;

import java.util.List;

import org.guichet.tickets.TicketType;
import org.jspecify.annotations.Nullable;

/**
 * What a catalogue item is and what it produces, as administrators write it.
 *
 * @param icon a Bootstrap Icons name without its {@code bi-} prefix, e.g. {@code laptop}
 * @param categoryId the ticket's category, null for none
 * @param groupId the group the ticket goes to when routing names none; null for routing alone
 * @param titleTemplate the ticket's title, {@code {key}} standing for the answer of that field
 * @param tasks the tasks' titles created with the ticket, in order
 */
public record ItemDescription(String labelFr, String labelEn, @Nullable String descriptionFr,
		@Nullable String descriptionEn, String icon, TicketType ticketType, @Nullable Long categoryId,
		@Nullable Long groupId, String titleTemplate, List<String> tasks) {

	public ItemDescription {
		tasks = tasks == null ? List.of() : List.copyOf(tasks);
	}

}
