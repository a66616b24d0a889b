package org.guichet.tickets.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.guichet.directory.Role;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.notifications.Notification;
import org.guichet.notifications.Notifications;
import org.guichet.testing.ApiClient;
import org.guichet.testing.ApiClient.Response;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.ShiftableClock;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.ClosureSettings;
import org.guichet.tickets.DeskSettings;
import org.guichet.tickets.SurveySettings;
import org.guichet.tickets.Surveys;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lifecycle settings through the API, with what they do to tickets: requester validation off
 * (the resolution closes the ticket), and the satisfaction survey (who is asked, when, until when),
 * down to the facts the KPIs count and the flowchart.
 */
@GuichetIntegrationTest
class LifecycleSettingsIT {

	@Autowired
	TestFixtures fixtures;

	@Autowired
	DeskSettings settings;

	@Autowired
	Surveys surveys;

	@Autowired
	TicketManagement tickets;

	@Autowired
	Notifications notifications;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ShiftableClock clock;

	@LocalServerPort
	int port;

	User requesterUser;

	User technicianUser;

	ApiClient requester;

	ApiClient technician;

	ApiClient admin;

	@BeforeEach
	void setUp() {
		requesterUser = fixtures.user("surveyed", Role.REQUESTER);
		technicianUser = fixtures.user("closer", Role.TECHNICIAN);
		fixtures.group(SupportLevel.N1, technicianUser);
		requester = ApiClient.bearer(port, fixtures.token(requesterUser));
		technician = ApiClient.bearer(port, fixtures.token(technicianUser));
		admin = ApiClient.bearer(port, fixtures.token(fixtures.user("settings", Role.ADMINISTRATOR)));
	}

	/** The settings are shared by every test of the application context. */
	@AfterEach
	void restore() {
		clock.reset();
		settings.saveClosure(ClosureSettings.DEFAULT);
		settings.saveSurvey(SurveySettings.DEFAULT);
	}

	@Test
	void administratorsReadAndReplaceTheSettingsAndAWrongFieldIsNamed() {
		assertThat(admin.get("/api/v1/admin/settings/closure").json().get("requesterValidation").asBoolean()).isTrue();
		assertThat(technician.get("/api/v1/admin/settings/closure").status()).isEqualTo(403);
		assertThat(technician.put("/api/v1/admin/settings/survey", Map.of("enabled", false, "sharePercent", 0,
				"delayHours", 0, "validityDays", 1)).status()).isEqualTo(403);

		Response tooLong = admin.put("/api/v1/admin/settings/closure",
				Map.of("requesterValidation", false, "autoCloseDays", 400));
		assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(400);
		assertThat(tooLong.header("Content-Type")).startsWith("application/problem+json");
		assertThat(tooLong.json().get("field").asString()).isEqualTo("autoCloseDays");
		assertThat(tooLong.json().get("code").asString()).isEqualTo("settings.auto-close.range");
		assertThat(settings.closure()).isEqualTo(ClosureSettings.DEFAULT);

		Response missing = admin.put("/api/v1/admin/settings/closure", Map.of("autoCloseDays", 3));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().get("field").asString()).isEqualTo("requesterValidation");
		assertThat(missing.json().get("code").asString()).isEqualTo("field.required");

		Response outOfRange = admin.put("/api/v1/admin/settings/survey",
				Map.of("enabled", true, "sharePercent", 101, "delayHours", 2, "validityDays", 0));
		assertThat(outOfRange.status()).isEqualTo(400);
		assertThat(outOfRange.json().get("field").asString()).isEqualTo("sharePercent");
		assertThat(settings.survey()).isEqualTo(SurveySettings.DEFAULT);

		JsonNode saved = admin.put("/api/v1/admin/settings/survey",
				Map.of("enabled", true, "sharePercent", 40, "delayHours", 48, "validityDays", 10)).json();
		assertThat(saved.get("sharePercent").asInt()).isEqualTo(40);
		assertThat(settings.survey()).isEqualTo(new SurveySettings(true, 40, 48, 10));
		JsonNode closure = admin.put("/api/v1/admin/settings/closure",
				Map.of("requesterValidation", false, "autoCloseDays", 0)).json();
		assertThat(closure.get("autoCloseDays").asInt()).isZero();
		assertThat(settings.closure()).isEqualTo(new ClosureSettings(false, 0));
	}

	@Test
	void everyWrongFieldIsReportedAtOnce() {
		Response survey = admin.put("/api/v1/admin/settings/survey",
				Map.of("enabled", true, "sharePercent", 150, "delayHours", -2, "validityDays", 0));
		assertThat(survey.status()).isEqualTo(400);
		assertThat(survey.json().get("field").asString()).isEqualTo("sharePercent");
		assertThat(fields(survey)).containsExactly("sharePercent:settings.survey.share-range",
				"delayHours:settings.survey.delay-range", "validityDays:settings.survey.validity-range");
		assertThat(survey.json().get("errors").get(1).get("detail").asString()).contains("720");

		// every missing field at once, before any value is read (docs/API.md, Request bodies)
		Response closure = admin.put("/api/v1/admin/settings/closure", Map.of("autoCloseDays", 400));
		assertThat(fields(closure)).containsExactly("requesterValidation:field.required");
		Response partly = admin.put("/api/v1/admin/settings/survey", Map.of("sharePercent", 101, "validityDays", 0));
		assertThat(fields(partly)).containsExactly("enabled:field.required", "delayHours:field.required");
		assertThat(settings.survey()).isEqualTo(SurveySettings.DEFAULT);
		assertThat(settings.closure()).isEqualTo(ClosureSettings.DEFAULT);
	}

	@Test
	void aChangeMadeOnSettingsReadBeforeAnotherChangeIsRefusedWhenItSaysWhatItRead() {
		for (String path : List.of("/api/v1/admin/settings/closure", "/api/v1/admin/settings/survey")) {
			Map<String, Object> first = path.endsWith("closure") ? Map.of("requesterValidation", false, "autoCloseDays", 3)
					: Map.of("enabled", true, "sharePercent", 50, "delayHours", 1, "validityDays", 5);
			Map<String, Object> second = path.endsWith("closure") ? Map.of("requesterValidation", true, "autoCloseDays", 9)
					: Map.of("enabled", false, "sharePercent", 10, "delayHours", 0, "validityDays", 2);
			Response read = admin.get(path);
			String tag = read.header("ETag");
			assertThat(tag).as(path).matches("\"[0-9a-f]{32}\"");
			assertThat(admin.get(path).header("ETag")).as("the same settings, the same tag").isEqualTo(tag);

			Response saved = admin.put(path, first, "If-Match", tag);
			assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
			String newTag = saved.header("ETag");
			assertThat(newTag).isNotEqualTo(tag).isEqualTo(admin.get(path).header("ETag"));

			Response stale = admin.put(path, second, "If-Match", tag);
			assertThat(stale.status()).as(path).isEqualTo(412);
			assertThat(stale.header("Content-Type")).startsWith("application/problem+json");
			assertThat(stale.json().get("code").asString()).isEqualTo("record.tag-stale");
			assertThat(stale.json().get("currentETag").asString()).isEqualTo(newTag);
			assertThat(admin.get(path).json().toString()).as("nothing changed").isEqualTo(saved.json().toString());

			assertThat(admin.put(path, second, "If-Match", newTag).status()).isEqualTo(200);
			assertThat(admin.put(path, first).status()).as("without If-Match: replaced as before").isEqualTo(200);
		}
	}

	private static List<String> fields(Response problem) {
		List<String> found = new java.util.ArrayList<>();
		problem.json().get("errors").forEach(e -> found.add(e.get("field").asString() + ":" + e.get("code").asString()));
		return found;
	}

	@Test
	void withoutRequesterValidationTheResolutionClosesTheTicketAndTheFlowchartHasNoValidation() {
		assertThat(flowchart()).contains("data-node=\"decision.validation\"");
		admin.put("/api/v1/admin/settings/closure", Map.of("requesterValidation", false, "autoCloseDays", 7));

		long id = created();
		transition(technician, id, Map.of("action", "TAKE"));
		JsonNode closed = transition(technician, id,
				Map.of("action", "RESOLVE", "solution", "Restarted the spooler", "solutionKind", "WORKAROUND"));
		assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
		assertThat(closed.get("solution").asString()).isEqualTo("Restarted the spooler");
		assertThat(closed.get("solutionKind").asString()).isEqualTo("WORKAROUND");
		assertThat(closed.get("resolvedAt").asString()).isEqualTo(closed.get("closedAt").asString());

		Response accept = requester.post("/api/v1/tickets/" + id + "/transitions", Map.of("action", "ACCEPT"));
		assertThat(accept.status()).as("nothing to accept").isEqualTo(409);
		Response reply = requester.post("/api/v1/tickets/" + id + "/comments",
				Map.of("body", "It works, thanks", "internal", false));
		assertThat(reply.status()).as("a closed ticket's rules").isEqualTo(409);
		assertThat(reply.json().get("code").asString()).isEqualTo("ticket.reply.closed");
		assertThat(keys(requesterUser, id)).containsExactly("notification.requester.resolved-closed");

		JsonNode facts = facts(id);
		assertThat(facts.get("resolved").asBoolean()).isTrue();
		assertThat(facts.get("closedAtResolution").asBoolean()).isTrue();
		assertThat(facts.get("reopenCount").asInt()).isZero();

		assertThat(flowchart()).doesNotContain("data-node=\"decision.validation\"");
	}

	@Test
	void anAutoCloseDelayOfZeroNeverClosesAResolvedTicket() {
		admin.put("/api/v1/admin/settings/closure", Map.of("requesterValidation", true, "autoCloseDays", 0));
		long id = created();
		resolve(id);
		clock.advance(Duration.ofDays(400));
		assertThat(tickets.closeUnanswered(200)).isZero();
		assertThat(requester.get("/api/v1/tickets/" + id).json().get("status").asString()).isEqualTo("RESOLVED");
	}

	@Test
	void aSurveyedTicketIsRatedOnlyOnceClosedAndUntilItsSurveyExpiresAndItsRequesterIsInvitedAfterTheDelay() {
		admin.put("/api/v1/admin/settings/survey",
				Map.of("enabled", true, "sharePercent", 100, "delayHours", 2, "validityDays", 1));
		long id = created();
		resolve(id);
		Response early = requester.post("/api/v1/tickets/" + id + "/satisfaction", Map.of("rating", 4));
		assertThat(early.status()).as("resolved: not surveyed yet").isEqualTo(400);
		assertThat(early.json().get("code").asString()).isEqualTo("ticket.rating.not-surveyed");
		transition(requester, id, Map.of("action", "ACCEPT"));

		invite();
		assertThat(keys(requesterUser, id)).doesNotContain("notification.requester.survey");
		clock.advance(Duration.ofHours(2));
		invite();
		assertThat(keys(requesterUser, id)).containsOnlyOnce("notification.requester.survey");
		invite();
		assertThat(keys(requesterUser, id)).containsOnlyOnce("notification.requester.survey");

		Response rated = requester.post("/api/v1/tickets/" + id + "/satisfaction", Map.of("rating", 4, "comment", "Fast"));
		assertThat(rated.status()).as(rated.toString()).isEqualTo(200);
		assertThat(rated.json().get("satisfaction").get("rating").asInt()).isEqualTo(4);
		assertThat(facts(id).get("surveyed").asBoolean()).isTrue();

		clock.advance(Duration.ofDays(1));
		Response late = requester.post("/api/v1/tickets/" + id + "/satisfaction", Map.of("rating", 2));
		assertThat(late.status()).isEqualTo(400);
		assertThat(late.json().get("field").asString()).isEqualTo("rating");
		assertThat(late.json().get("code").asString()).isEqualTo("ticket.rating.survey-expired");
		assertThat(requester.get("/api/v1/tickets/" + id).json().get("satisfaction").get("rating").asInt()).isEqualTo(4);
	}

	@Test
	void aTicketOutsideTheShareOrClosedWithTheSurveyOffCannotBeRatedAndIsNotSurveyed() {
		admin.put("/api/v1/admin/settings/survey",
				Map.of("enabled", false, "sharePercent", 100, "delayHours", 0, "validityDays", 30));
		long id = created();
		resolve(id);
		transition(requester, id, Map.of("action", "ACCEPT"));
		Response refused = requester.post("/api/v1/tickets/" + id + "/satisfaction", Map.of("rating", 5));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("code").asString()).isEqualTo("ticket.rating.not-surveyed");
		assertThat(facts(id).get("surveyed").asBoolean()).isFalse();
		invite();
		assertThat(keys(requesterUser, id)).doesNotContain("notification.requester.survey");
		assertThat(surveys.of(new TicketId(id))).isEmpty();
	}

	@Test
	void theResponseRateIsTheRatedShareOfTheSurveyedTickets() {
		settings.saveSurvey(new SurveySettings(true, 50, 0, 30));
		int surveyed = 0;
		int rated = 0;
		for (int i = 0; i < 6; i++) {
			long id = created();
			resolve(id);
			transition(requester, id, Map.of("action", "ACCEPT"));
			boolean inShare = Surveys.sampled(id, 50);
			assertThat(facts(id).get("surveyed").asBoolean()).isEqualTo(inShare);
			if (inShare) {
				surveyed++;
				if (surveyed % 2 == 1) {
					assertThat(requester.post("/api/v1/tickets/" + id + "/satisfaction", Map.of("rating", 5)).status())
						.isEqualTo(200);
					rated++;
				}
			}
		}
		JsonNode rate = ApiClient.bearer(port, fixtures.token(technicianUser))
			.get("/api/v1/kpis?period=LAST_30_DAYS&technician=" + technicianUser.getId())
			.json()
			.get("kpis")
			.get("satisfaction")
			.get("details")
			.get("satisfaction.responseRate");
		assertThat(rate.get("count").asInt()).isEqualTo(surveyed);
		if (surveyed > 0) {
			assertThat(rate.get("value").asDouble()).isEqualTo((double) rated / surveyed);
		}
	}

	private long created() {
		Response created = requester.post("/api/v1/tickets", TicketApiIT.newTicket("Printer " + UUID.randomUUID()));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private void resolve(long id) {
		transition(technician, id, Map.of("action", "TAKE"));
		transition(technician, id,
				Map.of("action", "RESOLVE", "solution", "Restarted the spooler", "solutionKind", "PERMANENT"));
	}

	private void invite() {
		while (surveys.inviteDue(200) == 200) {
			// every due survey of the shared database, in batches
		}
	}

	private String flowchart() {
		return admin.get("/api/v1/flowchart?format=svg&lang=en").text();
	}

	/** The ticket's facts as the KPIs count them. */
	private JsonNode facts(long id) {
		Map<String, Object> row = jdbc.sql("select resolved_at is not null resolved, closed_at = resolved_at"
				+ " closed_at_resolution, reopen_count, surveyed from ticket_fact where ticket_id = ?")
			.param(id)
			.query()
			.singleRow();
		return ApiClient.JSON.valueToTree(Map.of("resolved", row.get("resolved"), "closedAtResolution",
				Boolean.TRUE.equals(row.get("closed_at_resolution")), "reopenCount", row.get("reopen_count"),
				"surveyed", row.get("surveyed")));
	}

	private List<String> keys(User user, long ticketId) {
		return notifications.newest(user.getId())
			.stream()
			.filter(n -> Long.valueOf(ticketId).equals(n.getTicketId()))
			.map(Notification::getMessageKey)
			.toList();
	}

	private static JsonNode transition(ApiClient client, long id, Map<String, Object> body) {
		Response response = client.post("/api/v1/tickets/" + id + "/transitions", body);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

}
