package org.guichet.webhooks;

import org.guichet.directory.SupportGroupDeleting;
import org.guichet.system.ConflictException;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps a support group a webhook filters on: deleting it would silently widen the webhook to
 * every group.
 */
@Component
class WebhookGroupGuard {

	private final JdbcClient jdbc;

	WebhookGroupGuard(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(SupportGroupDeleting deleting) {
		if (jdbc.sql("select count(*) from webhook_group where group_id = :group")
			.param("group", deleting.groupId())
			.query(Integer.class)
			.single() > 0) {
			throw new ConflictException("webhooks.group.in-use",
					"Webhooks are filtered on this group: change them on Administration › Webhooks first", deleting.name());
		}
	}

}
