package org.guichet.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.guichet.directory.SupportGroupRepository;
import org.guichet.system.InputChecks;
import org.guichet.system.InvalidInputException;
import org.guichet.system.KeptKeys;
import org.guichet.system.NotFoundException;
import org.guichet.system.OneLine;
import org.guichet.system.SecretCipher;
import org.guichet.tickets.CategoryRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The webhooks administrators define (docs/WEBHOOKS.md): creating one (its secret typed or
 * generated, shown once, kept encrypted), changing, deleting it; its delivery log and sending a
 * delivery again.
 */
@Service
public class Webhooks {

	/** How many deliveries the log shows, newest first. */
	public static final int LOG_SIZE = 50;

	/** The shortest secret an administrator may type. */
	public static final int MIN_SECRET_LENGTH = 16;

	static final String KEY_PROPERTY = "guichet.webhooks.secret-key";

	static final SecretCipher.Use SIGNING_SECRETS = new SecretCipher.Use("guichet webhook secrets",
			"guichet webhook key id", "webhook's secret", KEY_PROPERTY, "type a new secret on the webhook's page");

	private static final SecureRandom RANDOM = new SecureRandom();

	/** A webhook just created, with its secret in clear: the only time it is shown. */
	public record Created(Webhook webhook, String secret) {
	}

	/**
	 * One delivery of the log.
	 *
	 * @param eventId the payload's id (for the receiver's deduplication)
	 * @param status {@code PENDING}, {@code SENDING}, {@code DELIVERED} or {@code FAILED}
	 * @param responseStatus the last attempt's HTTP status; null before any answer
	 * @param attemptLog every attempt, oldest first
	 */
	public record Delivery(long id, long webhookId, String eventId, String eventType, long ticketId, String payload,
			String status, int attempts, Instant createdAt, Instant nextAttemptAt, @Nullable Instant deliveredAt,
			@Nullable Integer responseStatus, @Nullable String lastError, List<Attempt> attemptLog) {

		/** Whether it may be sent again now (neither waiting nor being sent). */
		public boolean resendable() {
			return "DELIVERED".equals(status) || "FAILED".equals(status);
		}

	}

	/**
	 * One attempt of a delivery.
	 *
	 * @param responseStatus the HTTP status; null when no answer came (timeout, refused connection)
	 * @param excerpt the beginning of the answer's body, at most {@link WebhookSendingJob#EXCERPT} characters
	 * @param durationMillis how long the attempt took
	 * @param error why it failed; null when it succeeded
	 */
	public record Attempt(Instant at, @Nullable Integer responseStatus, @Nullable String excerpt, long durationMillis,
			@Nullable String error) {
	}

	private final JdbcClient jdbc;

	private final SupportGroupRepository groups;

	private final CategoryRepository categories;

	private final SecretCipher cipher;

	private final WebhookSubscriptions subscriptions;

	private final Clock clock;

	private final WebhookTargets targets;

	Webhooks(JdbcClient jdbc, WebhookSubscriptions subscriptions, SupportGroupRepository groups,
			CategoryRepository categories, Environment environment, Clock clock, WebhookTargets targets) {
		this.jdbc = jdbc;
		this.subscriptions = subscriptions;
		this.groups = groups;
		this.categories = categories;
		this.cipher = new SecretCipher(KeptKeys.configuredOrKept(environment, KEY_PROPERTY, "webhooks.key",
				SecretCipher.MIN_SECRET_BYTES, "encrypts the webhooks' signing secrets"), SIGNING_SECRETS);
		this.clock = clock;
		this.targets = targets;
	}

	/** Every webhook, by name. */
	@Transactional(readOnly = true)
	public List<Webhook> list() {
		return read(null);
	}

	/** @throws NotFoundException when no webhook has this id */
	@Transactional(readOnly = true)
	public Webhook get(long id) {
		return read(id).stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("webhooks.not-found", "No webhook with this number", id));
	}

	/**
	 * Creates a webhook.
	 *
	 * @param createdBy the administrator's user id
	 * @throws InvalidInputException naming every field at fault ({@code name}, {@code url},
	 *         {@code secret}, {@code events}, {@code groupIds}, {@code categoryIds})
	 */
	@Transactional
	public Created create(WebhookDefinition definition, long createdBy) {
		check(definition);
		String secret = blank(definition.secret()) ? generatedSecret() : definition.secret().strip();
		Timestamp now = Timestamp.from(clock.instant());
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("insert into webhook (name, url, secret, events, active, created_at, created_by, updated_at,"
				+ " version) values (:name, :url, :secret, :events, :active, :now, :by, :now, 0)")
			.param("name", definition.name())
			.param("url", definition.url())
			.param("secret", cipher.encrypt(secret))
			.param("events", names(definition.events()))
			.param("active", definition.active())
			.param("now", now)
			.param("by", createdBy)
			.update(key, "id");
		long created = key.getKeyAs(Number.class).longValue();
		writeFilters(created, definition);
		subscriptions.changed();
		return new Created(get(created), secret);
	}

	/**
	 * Replaces a webhook's definition; a blank secret keeps the one in force.
	 *
	 * @throws NotFoundException when no webhook has this id
	 * @throws InvalidInputException as {@link #create}
	 */
	@Transactional
	public Webhook update(long id, WebhookDefinition definition) {
		get(id);
		check(definition);
		jdbc.sql("update webhook set name = :name, url = :url, events = :events, active = :active, updated_at = :now,"
				+ " version = version + 1 where id = :id")
			.param("name", definition.name())
			.param("url", definition.url())
			.param("events", names(definition.events()))
			.param("active", definition.active())
			.param("now", Timestamp.from(clock.instant()))
			.param("id", id)
			.update();
		if (!blank(definition.secret())) {
			jdbc.sql("update webhook set secret = :secret where id = :id")
				.param("secret", cipher.encrypt(definition.secret().strip()))
				.param("id", id)
				.update();
		}
		jdbc.sql("delete from webhook_group where webhook_id = :id").param("id", id).update();
		jdbc.sql("delete from webhook_category where webhook_id = :id").param("id", id).update();
		writeFilters(id, definition);
		subscriptions.changed();
		return get(id);
	}

	/**
	 * Deletes a webhook with its delivery log; what it had not delivered yet is not delivered.
	 *
	 * @throws NotFoundException when no webhook has this id
	 */
	@Transactional
	public void delete(long id) {
		get(id);
		jdbc.sql("delete from webhook where id = :id").param("id", id).update();
		subscriptions.changed();
	}

	/** The webhook's newest {@value #LOG_SIZE} deliveries, each with its attempts. */
	@Transactional(readOnly = true)
	public List<Delivery> deliveries(long webhookId) {
		get(webhookId);
		List<Delivery> deliveries = jdbc.sql("""
				select id, webhook_id, event_id, event_type, ticket_id, payload, status, attempts, created_at,
				       next_attempt_at, delivered_at, response_status, last_error
				from webhook_delivery where webhook_id = :webhook order by id desc fetch first %d rows only"""
			.formatted(LOG_SIZE))
			.param("webhook", webhookId)
			.query((row, n) -> new Delivery(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4),
					row.getLong(5), row.getString(6), row.getString(7), row.getInt(8), row.getTimestamp(9).toInstant(),
					row.getTimestamp(10).toInstant(), instant(row.getTimestamp(11)), integer(row.getInt(12), row.wasNull()),
					row.getString(13), List.of()))
			.list();
		if (deliveries.isEmpty()) {
			return deliveries;
		}
		Map<Long, List<Attempt>> attempts = new HashMap<>();
		jdbc.sql("select delivery_id, attempted_at, response_status, response_excerpt, duration_ms, error"
				+ " from webhook_attempt where delivery_id in (:ids) order by id")
			.param("ids", deliveries.stream().map(Delivery::id).toList())
			.query(row -> {
				int status = row.getInt(3);
				Integer responseStatus = row.wasNull() ? null : status;
				attempts.computeIfAbsent(row.getLong(1), k -> new ArrayList<>())
					.add(new Attempt(row.getTimestamp(2).toInstant(), responseStatus, row.getString(4), row.getLong(5),
							row.getString(6)));
			});
		return deliveries.stream()
			.map(d -> new Delivery(d.id(), d.webhookId(), d.eventId(), d.eventType(), d.ticketId(), d.payload(),
					d.status(), d.attempts(), d.createdAt(), d.nextAttemptAt(), d.deliveredAt(), d.responseStatus(),
					d.lastError(), attempts.getOrDefault(d.id(), List.of())))
			.toList();
	}

	/**
	 * Queues a delivered or failed delivery again, as it was written (same payload and event id,
	 * a fresh signature), its attempts counted afresh. One waiting or being sent is left as it is.
	 *
	 * @return false when it was waiting or being sent already
	 * @throws NotFoundException when the webhook has no delivery with this id
	 */
	@Transactional
	public boolean resend(long webhookId, long deliveryId) {
		int queued = jdbc.sql("update webhook_delivery set status = 'PENDING', attempts = 0, next_attempt_at = :now,"
				+ " claimed_at = null where id = :id and webhook_id = :webhook and status in ('DELIVERED', 'FAILED')")
			.param("now", Timestamp.from(clock.instant()))
			.param("id", deliveryId)
			.param("webhook", webhookId)
			.update();
		if (queued == 0 && jdbc.sql("select count(*) from webhook_delivery where id = :id and webhook_id = :webhook")
			.param("id", deliveryId)
			.param("webhook", webhookId)
			.query(Integer.class)
			.single() == 0) {
			throw new NotFoundException("webhooks.delivery.not-found", "No delivery with this number for this webhook",
					deliveryId);
		}
		return queued > 0;
	}

	/** The secret in clear, for the sender job. */
	String secretOf(String stored) {
		return cipher.decrypt(stored);
	}

	private void check(WebhookDefinition definition) {
		InputChecks checks = new InputChecks();
		checks.check(() -> {
			if (definition.name().isEmpty() || definition.name().length() > 100) {
				throw new InvalidInputException("name", "webhooks.name.invalid",
						"Give the webhook a name of 1 to 100 characters");
			}
			OneLine.Check.check("name", definition.name());
		});
		checks.check(() -> {
			checkUrl(definition.url());
			targets.checkSaved(definition.url());
		});
		checks.check(() -> {
			String secret = definition.secret();
			if (!blank(secret) && (secret.strip().length() < MIN_SECRET_LENGTH || secret.strip().length() > 200)) {
				throw new InvalidInputException("secret", "webhooks.secret.invalid",
						"Type a secret of 16 to 200 characters, or leave it empty", MIN_SECRET_LENGTH);
			}
		});
		checks.check(() -> {
			if (definition.events().isEmpty()) {
				throw new InvalidInputException("events", "webhooks.events.empty", "Choose at least one event");
			}
		});
		checks.check(() -> {
			if (definition.groupIds().stream().anyMatch(id -> !groups.existsById(id))) {
				throw new InvalidInputException("groupIds", "webhooks.groups.unknown",
						"A support group chosen does not exist any more: choose again");
			}
		});
		checks.check(() -> {
			if (definition.categoryIds().stream().anyMatch(id -> !categories.existsById(id))) {
				throw new InvalidInputException("categoryIds", "webhooks.categories.unknown",
						"A category chosen does not exist any more: choose again");
			}
		});
		checks.refuseIfAny();
	}

	/** @throws InvalidInputException (field {@code url}) unless an absolute http(s) URL with a host */
	static void checkUrl(String url) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			uri = null;
		}
		String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (uri == null || url.length() > 2000 || !Set.of("http", "https").contains(scheme) || uri.getHost() == null
				|| uri.getRawUserInfo() != null) {
			throw new InvalidInputException("url", "webhooks.url.invalid",
					"Type an http:// or https:// address with a host, e.g. https://tools.example.org/guichet", url);
		}
	}

	private void writeFilters(long id, WebhookDefinition definition) {
		for (long group : definition.groupIds()) {
			jdbc.sql("insert into webhook_group (webhook_id, group_id) values (:id, :group)")
				.param("id", id)
				.param("group", group)
				.update();
		}
		for (long category : definition.categoryIds()) {
			jdbc.sql("insert into webhook_category (webhook_id, category_id) values (:id, :category)")
				.param("id", id)
				.param("category", category)
				.update();
		}
	}

	private List<Webhook> read(@Nullable Long id) {
		String where = id == null ? "" : " where id = :id";
		JdbcClient.StatementSpec webhooks = jdbc
			.sql("select id, name, url, events, active, created_at, updated_at from webhook" + where + " order by name, id");
		JdbcClient.StatementSpec groupRows = jdbc
			.sql("select webhook_id, group_id from webhook_group" + where.replace("id", "webhook_id") + " order by group_id");
		JdbcClient.StatementSpec categoryRows = jdbc.sql("select webhook_id, category_id from webhook_category"
				+ where.replace("id", "webhook_id") + " order by category_id");
		if (id != null) {
			webhooks = webhooks.param("id", id);
			groupRows = groupRows.param("webhook_id", id);
			categoryRows = categoryRows.param("webhook_id", id);
		}
		Map<Long, List<Long>> groupsOf = pairs(groupRows);
		Map<Long, List<Long>> categoriesOf = pairs(categoryRows);
		return webhooks.query((row, n) -> new Webhook(row.getLong(1), row.getString(2), row.getString(3),
				events(row.getString(4)), row.getBoolean(5), groupsOf.getOrDefault(row.getLong(1), List.of()),
				categoriesOf.getOrDefault(row.getLong(1), List.of()), row.getTimestamp(6).toInstant(),
				row.getTimestamp(7).toInstant()))
			.list();
	}

	private static Map<Long, List<Long>> pairs(JdbcClient.StatementSpec rows) {
		return rows.query((row, n) -> Map.entry(row.getLong(1), row.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
	}

	/** The events stored as comma-separated names; a name no longer known is skipped. */
	static List<WebhookEvent> events(String stored) {
		return Arrays.stream(stored.split(","))
			.map(String::strip)
			.flatMap(name -> WebhookEvent.of(name).stream())
			.distinct()
			.sorted(Comparator.naturalOrder())
			.toList();
	}

	private static String names(Set<WebhookEvent> events) {
		return events.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
	}

	private static String generatedSecret() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static @Nullable Integer integer(int value, boolean wasNull) {
		return wasNull ? null : value;
	}

}
