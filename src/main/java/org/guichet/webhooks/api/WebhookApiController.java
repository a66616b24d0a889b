package org.guichet.webhooks.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.guichet.directory.CurrentUser;
import org.guichet.system.InvalidInputException;
import org.guichet.webhooks.Webhook;
import org.guichet.webhooks.WebhookDefinition;
import org.guichet.webhooks.WebhookEvent;
import org.guichet.webhooks.Webhooks;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The webhooks for administrators (403 problem+json for anyone else), docs/API.md#webhooks: list,
 * read, create (the answer carries the secret, the only time it is shown), replace, delete; a
 * webhook's delivery log and sending a delivery again. A refused definition answers 400
 * problem+json naming each field at fault ({@code name}, {@code url}, {@code secret},
 * {@code events}, {@code groupIds}, {@code categoryIds}); an unknown webhook or delivery 404.
 */
@RestController
@RequestMapping(path = "/api/v1/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasRole('ADMINISTRATOR')")
@Tag(name = "Webhooks", description = "Signed posts to other tools on ticket events, their delivery log")
class WebhookApiController {

	private final Webhooks webhooks;

	WebhookApiController(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	/**
	 * A webhook as sent or replaced.
	 *
	 * @param secret write-only: null, absent or empty: generated at creation, kept at a replacement
	 * @param events the events' names, {@code ticket.created} or {@code TICKET_CREATED}
	 * @param groupIds the groups whose tickets' events are sent; empty for all
	 * @param categoryIds the categories whose tickets' events are sent; empty for all
	 */
	record DefinitionJson(String name, String url, @Nullable String secret, List<String> events, boolean active,
			Set<Long> groupIds, Set<Long> categoryIds) {
	}

	/** @param events the events' payload names, e.g. {@code ticket.created} */
	record WebhookJson(long id, String name, String url, List<String> events, boolean active, List<Long> groupIds,
			List<Long> categoryIds, Instant createdAt, Instant updatedAt) {

		static WebhookJson of(Webhook webhook) {
			return new WebhookJson(webhook.id(), webhook.name(), webhook.url(),
					webhook.events().stream().map(WebhookEvent::type).toList(), webhook.active(), webhook.groupIds(),
					webhook.categoryIds(), webhook.createdAt(), webhook.updatedAt());
		}

	}

	/** A webhook just created with its secret: keep it, it is never shown again. */
	record CreatedJson(WebhookJson webhook, String secret) {
	}

	/** @param queued false when the delivery was already waiting or being sent */
	record ResendJson(long deliveryId, boolean queued) {
	}

	@GetMapping
	@Operation(summary = "Every webhook, by name (never its secret)")
	List<WebhookJson> list() {
		return webhooks.list().stream().map(WebhookJson::of).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One webhook (never its secret)")
	WebhookJson one(@PathVariable long id) {
		return WebhookJson.of(webhooks.get(id));
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Creates a webhook; the answer carries its secret (typed or generated), the only time it is shown")
	ResponseEntity<CreatedJson> create(@RequestBody DefinitionJson definition, @AuthenticationPrincipal CurrentUser me) {
		Webhooks.Created created = webhooks.create(definition(definition), me.id());
		return ResponseEntity.status(HttpStatus.CREATED)
			.header("Location", "/api/v1/webhooks/" + created.webhook().id())
			.body(new CreatedJson(WebhookJson.of(created.webhook()), created.secret()));
	}

	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Replaces a webhook's definition; an empty secret keeps the one in force")
	WebhookJson replace(@PathVariable long id, @RequestBody DefinitionJson definition) {
		return WebhookJson.of(webhooks.update(id, definition(definition)));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Deletes a webhook with its delivery log")
	ResponseEntity<Void> delete(@PathVariable long id) {
		webhooks.delete(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/deliveries")
	@Operation(summary = "The webhook's 50 newest deliveries, newest first, each with its payload and attempts")
	List<Webhooks.Delivery> deliveries(@PathVariable long id) {
		return webhooks.deliveries(id);
	}

	@PostMapping("/{id}/deliveries/{deliveryId}/resend")
	@Operation(summary = "Sends a delivered or given-up delivery again (same payload and event id, a fresh signature)")
	ResponseEntity<ResendJson> resend(@PathVariable long id, @PathVariable long deliveryId) {
		return ResponseEntity.accepted().body(new ResendJson(deliveryId, webhooks.resend(id, deliveryId)));
	}

	private static WebhookDefinition definition(DefinitionJson json) {
		Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
		List<String> unknown = new ArrayList<>();
		for (String name : json.events()) {
			WebhookEvent.of(name).ifPresentOrElse(events::add, () -> unknown.add(name));
		}
		if (!unknown.isEmpty()) {
			throw new InvalidInputException("events", "webhooks.events.unknown",
					"Unknown event(s): use the names of docs/WEBHOOKS.md, e.g. ticket.created", String.join(", ", unknown));
		}
		return new WebhookDefinition(json.name(), json.url(), json.secret(), events, json.active(), json.groupIds(),
				json.categoryIds());
	}

}
