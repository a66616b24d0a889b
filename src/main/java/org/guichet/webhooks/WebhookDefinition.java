package org.guichet.webhooks;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What an administrator types for a webhook, checked by {@link Webhooks#create} and
 * {@link Webhooks#update}.
 *
 * @param url where to post: an {@code http} or {@code https} URL
 * @param secret the secret that signs the posts; null or blank: generated at creation, kept at an update
 * @param events the event types it is told of, at least one
 * @param groupIds the support groups to filter on; empty for every group
 * @param categoryIds the categories to filter on (their sub-categories included); empty for every category
 */
public record WebhookDefinition(String name, String url, @Nullable String secret, Set<WebhookEvent> events,
		boolean active, Set<Long> groupIds, Set<Long> categoryIds) {

	public WebhookDefinition {
		name = name == null ? "" : name.strip();
		url = url == null ? "" : url.strip();
		events = events == null ? Set.of() : Set.copyOf(events);
		groupIds = groupIds == null ? Set.of() : Set.copyOf(groupIds);
		categoryIds = categoryIds == null ? Set.of() : Set.copyOf(categoryIds);
	}

}
