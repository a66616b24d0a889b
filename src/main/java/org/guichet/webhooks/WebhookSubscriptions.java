package org.guichet.webhooks;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.guichet.system.CacheGenerations;
import org.guichet.system.SharedCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The active webhooks with their events and filters, kept in each node's memory (every ticket
 * event asks them) until any node changes a webhook ({@link Webhooks} says so through
 * {@link #changed}).
 */
@Component
class WebhookSubscriptions {

	/** An active webhook's subscription and filters; empty filters take every group, every category. */
	record Subscription(long id, List<WebhookEvent> events, Set<Long> groupIds, Set<Long> categoryIds) {
	}

	private final JdbcClient jdbc;

	private final SharedCache<List<Subscription>> active;

	WebhookSubscriptions(JdbcClient jdbc, CacheGenerations generations) {
		this.jdbc = jdbc;
		this.active = new SharedCache<>(generations, "webhook-subscriptions", this::stored);
	}

	/** The active webhooks that take that event, by id. */
	List<Subscription> to(WebhookEvent event) {
		return active.get().stream().filter(subscription -> subscription.events().contains(event)).toList();
	}

	/** Says a webhook was created, changed or deleted in the current transaction. */
	void changed() {
		active.changed();
	}

	private List<Subscription> stored() {
		Map<Long, Subscription> active = new LinkedHashMap<>();
		jdbc.sql("select id, events from webhook where active = true order by id").query(row -> {
			active.put(row.getLong(1),
					new Subscription(row.getLong(1), Webhooks.events(row.getString(2)), new HashSet<>(), new HashSet<>()));
		});
		if (active.isEmpty()) {
			return List.of();
		}
		jdbc.sql("select webhook_id, group_id from webhook_group where webhook_id in (:ids)")
			.param("ids", active.keySet())
			.query(row -> {
				active.get(row.getLong(1)).groupIds().add(row.getLong(2));
			});
		jdbc.sql("select webhook_id, category_id from webhook_category where webhook_id in (:ids)")
			.param("ids", active.keySet())
			.query(row -> {
				active.get(row.getLong(1)).categoryIds().add(row.getLong(2));
			});
		return active.values()
			.stream()
			.map(s -> new Subscription(s.id(), s.events(), Set.copyOf(s.groupIds()), Set.copyOf(s.categoryIds())))
			.toList();
	}

}
