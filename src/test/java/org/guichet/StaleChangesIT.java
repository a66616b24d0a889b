package org.guichet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;

import org.guichet.directory.Role;
import org.guichet.directory.SupportLevel;
import org.guichet.testing.ApiClient;
import org.guichet.testing.ApiClient.Response;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every change of a record with a version, swept over the OpenAPI description's {@code PUT} and
 * {@code PATCH} operations, refuses a change made on an old version the same way (docs/API.md,
 * "Versions"): its {@code GET} gives an {@code ETag}; {@code If-Match} alone is enough; an old
 * {@code If-Match}, even with the current {@code version} in the body, or an old body
 * {@code version} answers 412 problem+json naming where the old version came from, with
 * {@code currentVersion} and the current {@code ETag}, and changes nothing; the current ETag made weak
 * ({@code W/"3"}, which the strong comparison of If-Match never matches) answers 412
 * {@code request.if-match-weak}; neither answers 428. Six records once overwrote on an old
 * {@code If-Match} (they read only the body) and two refused {@code If-Match} alone with a 400.
 * An operation the description gains is swept or said not to be, with why. It runs on PostgreSQL
 * too: the versions of the mailboxes, mail texts and SMS settings are read and locked by queries
 * of their own, which this sweep proves there.
 */
@GuichetIntegrationTest
class StaleChangesIT {

	/** The API's wordings of a stale change: any record's, and the ticket's own. */
	private static final Set<String> API_STALE_CODES = Set.of("record.version-stale", "ticket.version-stale");

	/**
	 * The changes that are no record's version: settings (their ETag is a digest, If-Match
	 * optional), relations and lists, records without a version, and those swept elsewhere.
	 */
	private static final Map<String, String> NOT_SWEPT = Map.ofEntries(
			Map.entry("PATCH /api/v1/tickets/{id}/tasks/{taskId}", "a task has no version of its own"),
			Map.entry("PUT /api/v1/admin/assist", "settings: ETag a digest, If-Match optional"),
			Map.entry("PUT /api/v1/admin/assist/generative", "settings: ETag a digest, If-Match optional"),
			Map.entry("PUT /api/v1/admin/assist/self-service", "settings: ETag a digest, If-Match optional"),
			Map.entry("PUT /api/v1/admin/catalogue/items/{id}/approval-steps", "part of the item, no version of its own"),
			Map.entry("PUT /api/v1/admin/catalogue/items/{id}/form", "a stamp, not a version: CatalogueAdmin tests"),
			Map.entry("PUT /api/v1/admin/catalogue/sections/{id}", "a section has no version"),
			Map.entry("PUT /api/v1/admin/notification-defaults", "settings without a version"),
			Map.entry("PUT /api/v1/admin/settings/closure", "settings: ETag a digest, If-Match optional"),
			Map.entry("PUT /api/v1/admin/settings/priority-matrix", "settings: ETag a digest, If-Match optional"),
			Map.entry("PUT /api/v1/admin/settings/reply-to-resolved", "settings: ETag a digest, If-Match optional"),
			Map.entry("PUT /api/v1/admin/settings/requester-sla", "settings: ETag a digest, If-Match optional"),
			Map.entry("PUT /api/v1/admin/settings/survey", "settings: ETag a digest, If-Match optional"),
			Map.entry("PUT /api/v1/articles/{id}/feedback", "the reader's own vote, no version"),
			Map.entry("PUT /api/v1/directory/oidc", "one setting: SsoApi tests"),
			Map.entry("PUT /api/v1/groups/{id}/members/{userId}", "adds a member, no version"),
			Map.entry("PUT /api/v1/kpis/targets", "a list of targets, no version"),
			Map.entry("PUT /api/v1/me/notification-preferences", "the caller's own preferences, no version"),
			Map.entry("PUT /api/v1/routing-rules/order", "an order of rules, no version"),
			Map.entry("PUT /api/v1/tickets/{id}/example", "marks the ticket, no version"),
			Map.entry("PUT /api/v1/tickets/{id}/major-incident", "declares, no version"),
			Map.entry("PUT /api/v1/webhooks/{id}", "WebhooksIT"));

	@Autowired
	TestFixtures fixtures;

	@LocalServerPort
	int port;

	ApiClient administrator;

	long groupId;

	@BeforeEach
	void setUp() {
		administrator = ApiClient.bearer(port, fixtures.token(fixtures.user("stale-admin", Role.ADMINISTRATOR)));
		groupId = fixtures.group(SupportLevel.N1).getId();
	}

	/** What the sweep changed for everyone: announcements shown, mails' texts, SMS settings in force. */
	@AfterEach
	void putBackWhatEveryoneSees() {
		fixtures.removeAnnouncements();
		administrator.delete("/api/v1/mail-templates/PUBLIC_REPLY/fr", "If-Match",
				administrator.get("/api/v1/mail-templates/PUBLIC_REPLY/fr").header("ETag"));
		fixtures.removeSavedSmsSettings();
	}

	/**
	 * How to make one record of an operation, and the changes to send to it.
	 *
	 * @param created makes one, answers its id (0 for a record that is always there: settings, a
	 *        kind's texts)
	 * @param change the n-th change's body, without {@code version}
	 * @param variables the values of the path's variables other than {@code id}
	 */
	private record Swept(Function<ApiClient, Long> created, IntFunction<Map<String, Object>> change,
			Map<String, String> variables) {

		Swept(Function<ApiClient, Long> created, IntFunction<Map<String, Object>> change) {
			this(created, change, Map.of());
		}

	}

	private Map<String, Swept> swept() {
		String nobody = "Nobody's " + UUID.randomUUID();
		// what a change refers to, made with the record: the policy's calendar, the item's section
		long[] made = new long[1];
		Map<String, Swept> swept = new LinkedHashMap<>();
		swept.put("PATCH /api/v1/tickets/{id}", new Swept(api -> created(api, "/api/v1/tickets", Map.of("type",
				"INCIDENT", "title", "Black screen", "description", "Since this morning", "urgency", "MEDIUM")),
				n -> Map.of("title", "Black screen " + n)));
		swept.put("PUT /api/v1/announcements/{id}", new Swept(api -> created(api, "/api/v1/announcements",
				announcement(0)), StaleChangesIT::announcement));
		swept.put("PUT /api/v1/articles/{id}", new Swept(api -> created(api, "/api/v1/articles", article(0)),
				StaleChangesIT::article));
		swept.put("PUT /api/v1/calendars/{id}", new Swept(api -> created(api, "/api/v1/calendars", calendar(nobody, 0)),
				n -> calendar(nobody, n)));
		swept.put("PUT /api/v1/canned-replies/{id}", new Swept(api -> created(api, "/api/v1/canned-replies",
				Map.of("name", nobody, "body", "Hello")), n -> Map.of("name", nobody, "body", "Hello " + n)));
		swept.put("PUT /api/v1/macros/{id}", new Swept(api -> created(api, "/api/v1/macros",
				Map.of("name", nobody, "noteBody", "Seen")), n -> Map.of("name", nobody, "noteBody", "Seen " + n)));
		swept.put("PUT /api/v1/presentation/pages/{id}", new Swept(api -> created(api, "/api/v1/presentation/pages",
				Map.of("title", nobody, "body", "Our desk")), n -> Map.of("title", nobody, "body", "Our desk " + n)));
		swept.put("PUT /api/v1/routing-rules/{id}", new Swept(api -> created(api, "/api/v1/routing-rules",
				routingRule(nobody, 0)), n -> routingRule(nobody, n)));
		swept.put("PUT /api/v1/sla-policies/{id}", new Swept(api -> {
			made[0] = created(api, "/api/v1/calendars", calendar(nobody + " policy", 0));
			return created(api, "/api/v1/sla-policies", slaPolicy(made[0], nobody, 0));
		}, n -> slaPolicy(made[0], nobody, n)));
		swept.put("PUT /api/v1/users/{id}", new Swept(api -> created(api, "/api/v1/users", user(nobody, 0)),
				n -> user(nobody, n)));
		swept.put("PUT /api/v1/groups/{id}", new Swept(api -> created(api, "/api/v1/groups",
				Map.of("name", nobody, "level", "N2", "memberIds", List.of())),
				n -> Map.of("name", nobody + " " + n, "level", "N2", "memberIds", List.of())));
		swept.put("PUT /api/v1/categories/{id}", new Swept(api -> created(api, "/api/v1/categories",
				Map.of("name", nobody)), n -> Map.of("name", nobody + " " + n)));
		swept.put("PUT /api/v1/admin/catalogue/items/{id}", new Swept(api -> {
			made[0] = created(api, "/api/v1/admin/catalogue/sections", Map.of("labelFr", nobody, "labelEn", nobody));
			return created(api, "/api/v1/admin/catalogue/items", catalogueItem(made[0], nobody, 0));
		}, n -> catalogueItem(made[0], nobody, n)));
		Map<String, Object> mailbox = TestFixtures.disabledMailbox(nobody, groupId);
		swept.put("PUT /api/v1/mailboxes/{id}", new Swept(api -> created(api, "/api/v1/mailboxes", mailbox), n -> {
			Map<String, Object> changed = new LinkedHashMap<>(mailbox);
			changed.put("pollSeconds", 60 + n);
			return changed;
		}));
		swept.put("PUT /api/v1/mail-templates/{kind}/{language}", new Swept(api -> 0L,
				n -> Map.of("subject", "Réponse " + n + " : {title}", "body", "Bonjour {name}, " + n),
				Map.of("kind", "PUBLIC_REPLY", "language", "fr")));
		swept.put("PUT /api/v1/admin/sms/settings", new Swept(api -> 0L, StaleChangesIT::smsSettings));
		// the parts of a record that take its version: a policy's levels, a user's skills, a group's mode
		swept.put("PUT /api/v1/sla-policies/{id}/escalation-levels", new Swept(api -> {
			long calendar = created(api, "/api/v1/calendars", calendar(nobody + " levels", 0));
			return created(api, "/api/v1/sla-policies", slaPolicy(calendar, nobody + " levels", 0));
		}, n -> Map.of("levels", List.of(Map.of("clock", "TTR", "trigger", "SHARE", "percent", 50 + n,
				"notifyTechnician", true, "notifySupervisor", false, "notifyGroup", false, "raisePriority", false,
				"reassign", false)))));
		swept.put("PUT /api/v1/technicians/{id}/skills", new Swept(api -> {
			Map<String, Object> technician = user(nobody + " skills", 0);
			technician.put("role", "TECHNICIAN");
			return created(api, "/api/v1/users", technician);
		}, n -> Map.of("categoryIds", List.of())));
		swept.put("PUT /api/v1/groups/{id}/assignment", new Swept(api -> created(api, "/api/v1/groups",
				Map.of("name", nobody + " assignment", "level", "N2", "memberIds", List.of())),
				n -> Map.of("mode", n % 2 == 0 ? "NONE" : "LEAST_LOADED")));
		return swept;
	}

	@Test
	void everyChangeOfTheDescriptionIsSweptOrSaidNotToBe() {
		Set<String> changes = changes();
		Set<String> listed = new TreeSet<>(swept().keySet());
		listed.addAll(NOT_SWEPT.keySet());
		assertThat(changes).as("PUT and PATCH operations neither swept nor in NOT_SWEPT").isSubsetOf(listed);
		assertThat(listed).as("listed operations the description does not have").isSubsetOf(changes);
	}

	@Test
	void everyRecordRefusesAChangeOnAnOldVersionByIfMatchOrBodyAndWantsOne() {
		List<String> problems = new ArrayList<>();
		swept().forEach((operation, record) -> {
			try {
				problems.addAll(sweep(operation, record));
			}
			catch (AssertionError ex) {
				problems.add(operation + ": could not make one: " + ex.getMessage());
			}
		});
		assertThat(problems).as("docs/API.md, Versions: what each record answers").isEmpty();
	}

	private List<String> sweep(String operation, Swept record) {
		String method = operation.substring(0, operation.indexOf(' '));
		long id = record.created().apply(administrator);
		String path = operation.substring(method.length() + 1).replace("{id}", Long.toString(id));
		for (Map.Entry<String, String> variable : record.variables().entrySet()) {
			path = path.replace("{" + variable.getKey() + "}", variable.getValue());
		}
		List<String> problems = new ArrayList<>();
		String read = administrator.get(path).header("ETag");
		if (read == null) {
			return List.of(operation + ": its GET gives no ETag");
		}
		long first = version(read);
		IntFunction<Map<String, Object>> change = record.change();
		Response fresh = send(method, path, change.apply(1), null, "If-Match", read);
		if (fresh.status() != 200) {
			return List.of(operation + ": If-Match alone, the current one: " + fresh.status() + " " + fresh.text());
		}
		String current = fresh.header("ETag");
		if (current == null || current.equals(read)) {
			return List.of(operation + ": a change gives no new ETag: " + current);
		}
		long now = version(current);
		expectStale(problems, operation + ", old If-Match alone", send(method, path, change.apply(2), null,
				"If-Match", read), now, "If-Match");
		expectStale(problems, operation + ", old If-Match with the current body version",
				send(method, path, change.apply(2), now, "If-Match", read), now, "If-Match");
		expectStale(problems, operation + ", old body version", send(method, path, change.apply(2), first), now,
				"version");
		Response weak = send(method, path, change.apply(2), null, "If-Match", "W/" + current);
		if (weak.status() != 412 || !"request.if-match-weak".equals(weak.json().path("code").asString(""))
				|| !"If-Match".equals(weak.json().path("field").asString(""))) {
			problems.add(operation + ", the current ETag made weak: " + weak.status() + " " + weak.text()
					+ ", expected 412 request.if-match-weak naming If-Match");
		}
		Response neither = send(method, path, change.apply(2), null);
		if (neither.status() != 428) {
			problems.add(operation + ", no version: " + neither.status() + ", expected 428");
		}
		if (!current.equals(administrator.get(path).header("ETag"))) {
			problems.add(operation + ": a refused change changed the record");
		}
		return problems;
	}

	/**
	 * The refusal is the API's, never a page's ("your input is kept below"): {@code record.version-stale}
	 * or the ticket's own, whose detail says which If-Match to send again.
	 *
	 * @param field where the stale version came from, named by the refusal
	 */
	private static void expectStale(List<String> problems, String what, Response answer, long now, String field) {
		@Nullable JsonNode problem = answer.status() == 412 ? answer.json() : null;
		if (problem == null || !String.valueOf(answer.header("Content-Type")).startsWith("application/problem+json")
				|| problem.path("currentVersion").asLong(-1) != now || !String.valueOf(answer.header("ETag"))
					.equals("\"" + now + "\"") || !field.equals(problem.path("field").asString(""))
				|| !API_STALE_CODES.contains(problem.path("code").asString(""))
				|| !problem.path("detail").asString("").contains("If-Match \"" + now + "\"")) {
			problems.add(what + ": " + answer.status() + " " + answer.text() + " ETag " + answer.header("ETag")
					+ ", expected 412 " + API_STALE_CODES + " naming " + field + " with currentVersion and ETag " + now
					+ " and saying so in its detail");
		}
	}

	private Response send(String method, String path, Map<String, Object> body, @Nullable Long version,
			String... headers) {
		Map<String, Object> sent = new LinkedHashMap<>(body);
		if (version != null) {
			sent.put("version", version);
		}
		return method.equals("PATCH") ? administrator.patch(path, sent, headers) : administrator.put(path, sent, headers);
	}

	private Set<String> changes() {
		JsonNode paths = administrator.get("/v3/api-docs").json().get("paths");
		Set<String> changes = new TreeSet<>();
		paths.properties().forEach(path -> List.of("put", "patch").stream()
			.filter(method -> path.getValue().has(method))
			.forEach(method -> changes.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
		return changes;
	}

	private static long version(String etag) {
		return Long.parseLong(etag.replace("\"", ""));
	}

	private static long created(ApiClient api, String path, Map<String, Object> body) {
		Response created = api.post(path, body);
		assertThat(created.status()).as(path + ": " + created.text()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private static Map<String, Object> announcement(int n) {
		return Map.of("kind", "INFORMATION", "titleEn", "Stale changes " + n, "startsAt", "2026-01-01T00:00:00Z");
	}

	private static Map<String, Object> article(int n) {
		return Map.of("title", "Black screen " + n, "body", "Check the cable.", "kind", "SOLUTION", "audience",
				"PUBLIC", "language", "EN", "tags", List.of());
	}

	private static Map<String, Object> calendar(String name, int n) {
		return Map.of("name", name + " " + n, "ranges", List.of(Map.of("day", "MONDAY", "from", "08:30", "to", "12:00")),
				"holidays", List.of(), "exceptionalOpenings",
				List.of());
	}

	/** Inactive, and for a department no one has: it routes no other test's ticket. */
	private Map<String, Object> routingRule(String name, int n) {
		return Map.of("name", name + " " + n, "active", false, "stopHere", false, "conditions",
				Map.of("department", name), "actions", Map.of("groupId", groupId));
	}

	/** For a department no one has: it counts no other test's ticket. */
	private static Map<String, Object> slaPolicy(long calendarId, String name, int n) {
		return Map.of("name", name + " " + n, "calendarId", calendarId, "position", 0, "fallback", false,
				"conditions", Map.of("department", name), "targets",
				List.of(Map.of("type", "INCIDENT", "priority", "LOW", "timeToOwn", "PT1H", "timeToResolve", "PT4H")));
	}

	private static Map<String, Object> user(String name, int n) {
		Map<String, Object> user = new LinkedHashMap<>();
		user.put("username", "stale-" + Math.abs(name.hashCode()));
		user.put("fullName", "Stale " + n);
		user.put("role", "REQUESTER");
		user.put("vip", false);
		user.put("active", true);
		user.put("password", "A long enough passphrase 42");
		return user;
	}

	/** The channel off, no gateway: nothing is sent, whatever the version. */
	private static Map<String, Object> smsSettings(int n) {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("enabled", false);
		settings.put("provider", "NONE");
		settings.put("number", "");
		settings.put("defaultRegion", "FR");
		settings.put("followUpHours", 24 + n);
		settings.put("segments", 1);
		settings.put("httpUrl", "");
		settings.put("httpAuthHeaderName", "");
		settings.put("httpBodyTemplate", "");
		settings.put("twilioAccountSid", "");
		settings.put("twilioBaseUrl", "");
		settings.put("twilioWebhookUrl", "");
		return settings;
	}

	private Map<String, Object> catalogueItem(long section, String name, int n) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("sectionId", section);
		item.put("labelFr", name + " " + n);
		item.put("labelEn", name + " " + n);
		item.put("icon", "laptop");
		item.put("ticketType", "SERVICE_REQUEST");
		item.put("groupId", groupId);
		item.put("titleTemplate", "A laptop");
		item.put("tasks", List.of());
		item.put("departments", List.of());
		item.put("groups", List.of());
		item.put("active", false);
		return item;
	}

}
