package org.guichet.webhooks;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.guichet.approvals.ApprovalEvents.ApprovalEnded;
import org.guichet.approvals.ApprovalOutcome;
import org.guichet.sla.SlaAtRisk;
import org.guichet.sla.SlaBreached;
import org.guichet.tickets.Categories;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketEvents.TicketAssigned;
import org.guichet.tickets.TicketEvents.TicketCommented;
import org.guichet.tickets.TicketEvents.TicketCreated;
import org.guichet.tickets.TicketEvents.TicketStatusChanged;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.webhooks.WebhookSubscriptions.Subscription;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a delivery ({@code webhook_delivery}) for each active webhook that takes an event and
 * whose filters the ticket passes, in the transaction of the change that published the event: the
 * delivery is committed with the change or not at all (docs/WEBHOOKS.md#payload). A comment is told
 * only when public: an internal note never leaves Guichet, and no payload carries a comment's text.
 * An event published outside a transaction gets one of its own (the ticket's group and category
 * are read lazily).
 */
@Component
@Transactional
class WebhookOutbox {

	private final JdbcClient jdbc;

	private final WebhookSubscriptions subscriptions;

	private final TicketManagement tickets;

	private final Categories categories;

	private final JsonMapper json;

	private final Clock clock;

	private final String baseUrl;

	WebhookOutbox(JdbcClient jdbc, WebhookSubscriptions subscriptions, TicketManagement tickets,
			Categories categories, JsonMapper json, Clock clock,
			@Value("${guichet.mail.base-url:http://localhost:8080}") String baseUrl) {
		this.jdbc = jdbc;
		this.subscriptions = subscriptions;
		this.tickets = tickets;
		this.categories = categories;
		this.json = json;
		this.clock = clock;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	@EventListener
	void on(TicketCreated created) {
		queue(WebhookEvent.TICKET_CREATED, created.ticket(), created.at(),
				Map.of("channel", created.channel().name(), "type", created.type().name()));
	}

	@EventListener
	void on(TicketStatusChanged changed) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("from", changed.from().name());
		data.put("to", changed.to().name());
		data.put("pendingReason", changed.pendingReason() == null ? null : changed.pendingReason().name());
		queue(WebhookEvent.TICKET_STATUS_CHANGED, changed.ticket(), changed.at(), data);
	}

	@EventListener
	void on(TicketAssigned assigned) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("groupId", assigned.groupId());
		data.put("assigneeId", assigned.assigneeId());
		queue(WebhookEvent.TICKET_ASSIGNED, assigned.ticket(), assigned.at(), data);
	}

	/** Public comments only; an internal note is never told. */
	@EventListener
	void on(TicketCommented commented) {
		if (!commented.internal()) {
			queue(WebhookEvent.TICKET_COMMENTED, commented.ticket(), commented.at(),
					Map.of("byRequester", commented.byRequester()));
		}
	}

	@EventListener
	void on(SlaAtRisk atRisk) {
		queue(WebhookEvent.SLA_AT_RISK, atRisk.ticket(), atRisk.at(), Map.of());
	}

	@EventListener
	void on(SlaBreached breached) {
		queue(WebhookEvent.SLA_BREACHED, breached.ticket(), breached.at(), Map.of());
	}

	/** Approved or refused; a withdrawn approval (the ticket cancelled or merged) decided nothing. */
	@EventListener
	void on(ApprovalEnded ended) {
		if (ended.outcome() == ApprovalOutcome.APPROVED || ended.outcome() == ApprovalOutcome.REFUSED) {
			queue(WebhookEvent.APPROVAL_DECIDED, ended.ticket(), ended.decidedAt(),
					Map.of("outcome", ended.outcome().name(), "requestedAt", ended.requestedAt().toString()));
		}
	}

	private void queue(WebhookEvent event, TicketId id, Instant at, Map<String, @Nullable Object> data) {
		List<Subscription> subscribed = subscriptions.to(event);
		if (subscribed.isEmpty()) {
			return;
		}
		Ticket ticket = tickets.find(id);
		Long groupId = ticket.getGroup() == null ? null : ticket.getGroup().getId();
		Set<Long> lineage = new HashSet<>(
				categories.lineage(ticket.getCategory() == null ? null : ticket.getCategory().getId()));
		List<Subscription> matching = subscribed.stream()
			.filter(s -> s.groupIds().isEmpty() || (groupId != null && s.groupIds().contains(groupId)))
			.filter(s -> s.categoryIds().isEmpty() || s.categoryIds().stream().anyMatch(lineage::contains))
			.toList();
		if (matching.isEmpty()) {
			return;
		}
		String eventId = UUID.randomUUID().toString();
		String payload = json.writeValueAsString(payload(eventId, event, at, ticket, data));
		Timestamp now = Timestamp.from(clock.instant());
		for (Subscription subscription : matching) {
			jdbc.sql("insert into webhook_delivery (webhook_id, event_id, event_type, ticket_id, payload, status,"
					+ " attempts, created_at, next_attempt_at) values (:webhook, :event, :type, :ticket, :payload,"
					+ " 'PENDING', 0, :now, :now)")
				.param("webhook", subscription.id())
				.param("event", eventId)
				.param("type", event.type())
				.param("ticket", id.value())
				.param("payload", payload)
				.param("now", now)
				.update();
		}
	}

	/** The document posted (docs/WEBHOOKS.md#payload); never a description, a comment or a note. */
	private Map<String, Object> payload(String eventId, WebhookEvent event, Instant at, Ticket ticket,
			Map<String, @Nullable Object> data) {
		Map<String, @Nullable Object> about = new LinkedHashMap<>();
		about.put("id", ticket.id().value());
		about.put("number", ticket.getNumber());
		about.put("title", ticket.getTitle());
		about.put("type", ticket.getType().name());
		about.put("status", ticket.getStatus().name());
		about.put("priority", ticket.getPriority().name());
		about.put("group", ticket.getGroup() == null ? null
				: Map.of("id", ticket.getGroup().getId(), "name", ticket.getGroup().getName()));
		about.put("category", ticket.getCategory() == null ? null
				: Map.of("id", ticket.getCategory().getId(), "path", ticket.getCategory().getPath()));
		about.put("url", baseUrl + "/agent/tickets/" + ticket.id().value());
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("id", eventId);
		document.put("type", event.type());
		document.put("occurredAt", at.toString());
		document.put("ticket", about);
		document.put("data", data);
		return document;
	}

}
