package org.guichet.webhooks;

import java.time.Instant;
import java.util.List;

/**
 * A webhook as administrators see it; its secret is never shown back.
 *
 * @param events the event types it is told of, in the enum's order, never empty
 * @param groupIds the support groups a ticket must be in to be told of; empty: any group, or none
 * @param categoryIds the categories a ticket must be in (at any depth below them); empty: any
 * @param createdAt when it was created (UTC)
 * @param updatedAt when it was last saved (UTC)
 */
public record Webhook(long id, String name, String url, List<WebhookEvent> events, boolean active, List<Long> groupIds,
		List<Long> categoryIds, Instant createdAt, Instant updatedAt) {

	public Webhook {
		events = List.copyOf(events);
		groupIds = List.copyOf(groupIds);
		categoryIds = List.copyOf(categoryIds);
	}

}
