package org.guichet.announcements;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.testing.ApiClient;
import org.guichet.testing.ApiClient.Response;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Announcements through the REST API and the whole application: who writes them, the refusals
 * naming their field, which are current, "me too" making an observer once, and a major
 * incident's announcement ending when it is resolved.
 */
@GuichetIntegrationTest
class AnnouncementsApiIT {

	private static final String PATH = "/api/v1/announcements";

	@Autowired
	TestFixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void removeTheAnnouncements() {
		fixtures.removeAnnouncements();
	}

	@LocalServerPort
	int port;

	User aliceUser;

	ApiClient alice;

	ApiClient bob;

	ApiClient technician;

	ApiClient supervisor;

	@BeforeEach
	void setUp() {
		aliceUser = fixtures.user("alice", Role.REQUESTER);
		alice = ApiClient.bearer(port, fixtures.token(aliceUser));
		bob = ApiClient.bearer(port, fixtures.token(fixtures.user("bob", Role.REQUESTER)));
		technician = ApiClient.bearer(port, fixtures.token(fixtures.user("ann-tech", Role.TECHNICIAN)));
		supervisor = ApiClient.bearer(port, fixtures.token(fixtures.user("ann-sup", Role.SUPERVISOR)));
	}

	@Test
	void refusalsAreProblemsNamingTheFieldAndOnlyManagersWrite() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		assertProblem(supervisor.post(PATH, body("INFORMATION", "Info", now, now.minusSeconds(60), null)), 400, "endsAt",
				"announcement.period.end-before-start");
		assertProblem(supervisor.post(PATH, body("INFORMATION", null, now, null, null)), 400, "titleFr",
				"announcement.title.required");
		assertProblem(supervisor.post(PATH, body("MAJOR_INCIDENT", "Panne", now, null, 999_999_999L)), 400,
				"ticketId", "announcement.ticket.not-major");
		long notMajor = ticket(bob, "Slow laptop");
		assertProblem(supervisor.post(PATH, body("MAJOR_INCIDENT", "Panne", now, null, notMajor)), 400, "ticketId",
				"announcement.ticket.not-major");
		assertProblem(supervisor.post(PATH, body("INFORMATION", "Info", now, null, notMajor)), 400, "ticketId",
				"announcement.ticket.not-major-kind");
		// a missing kind is refused before anything else is read (docs/API.md, Request bodies)
		Response all = supervisor.post(PATH, body(null, null, null, null, null));
		assertProblem(all, 400, "kind", "field.required");
		assertThat(StreamSupport.stream(all.json().get("errors").spliterator(), false)
			.map(e -> e.get("field").asString())).containsExactly("kind");
		Response untitled = supervisor.post(PATH, body("INFORMATION", null, null, null, null));
		assertProblem(untitled, 400, "titleFr", "announcement.title.required");
		assertProblem(technician.post(PATH, body("INFORMATION", "Info", now, null, null)), 403, null, null);
		assertProblem(alice.get(PATH + "?all=true"), 403, null, null);
	}

	@Test
	void everyoneReadsTheCurrentOnesInTheirLanguageNotThePlannedNorTheEndedOnes() {
		Instant now = Instant.now();
		String word = UUID.randomUUID().toString().substring(0, 8);
		Map<String, Object> current = body("INFORMATION", null, now.minusSeconds(60), now.plusSeconds(3_600), null);
		current.put("titleFr", "Nouveaux écrans " + word);
		current.put("titleEn", "New screens " + word);
		long currentId = created(supervisor.post(PATH, current));
		long planned = created(supervisor.post(PATH,
				body("PLANNED_MAINTENANCE", "Maintenance " + word, now.plusSeconds(86_400), null, null)));
		long ended = created(supervisor.post(PATH, body("INFORMATION", "Ended " + word, now.minusSeconds(60), null, null)));
		assertThat(supervisor.post(PATH + "/" + ended + "/end", Map.of()).status()).isEqualTo(200);

		List<JsonNode> seen = list(alice.get(PATH).json());
		assertThat(seen).extracting(a -> a.get("id").asLong()).contains(currentId).doesNotContain(planned, ended);
		assertThat(seen).filteredOn(a -> a.get("id").asLong() == currentId)
			.singleElement()
			.satisfies(a -> {
				assertThat(a.get("title").asString()).isEqualTo("New screens " + word);
				assertThat(a.get("phase").asString()).isEqualTo("CURRENT");
			});
		assertThat(list(supervisor.get(PATH + "?all=true").json())).extracting(a -> a.get("id").asLong())
			.contains(currentId, planned, ended);
		assertThat(supervisor.delete(PATH + "/" + planned).status()).isEqualTo(204);
		assertThat(supervisor.get(PATH + "/" + planned).status()).isEqualTo(404);
	}

	@Test
	void meTooMakesTheRequesterAnObserverOnceAndTheAnnouncementEndsWhenTheIncidentIsResolved() {
		long major = ticket(bob, "Mail down");
		assertThat(supervisor.put("/api/v1/tickets/" + major + "/major-incident", Map.of()).status()).isEqualTo(200);
		long id = created(supervisor.post(PATH, body("MAJOR_INCIDENT", "Messagerie en panne", null, null, major)));
		assertThat(alice.get("/api/v1/tickets/" + major).status()).isEqualTo(404);

		Response first = alice.post(PATH + "/" + id + "/me-too", Map.of());
		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		assertThat(first.json().get("newlyFollowing").asBoolean()).isTrue();
		Response again = alice.post(PATH + "/" + id + "/me-too", Map.of());
		assertThat(again.json().get("newlyFollowing").asBoolean()).isFalse();
		assertThat(bob.post(PATH + "/" + id + "/me-too", Map.of()).json().get("newlyFollowing").asBoolean()).isFalse();
		assertProblem(supervisor.post(PATH + "/" + id + "/me-too", Map.of()), 403, null, "ticket.major.follow-team");
		assertThat(jdbc.queryForObject("select count(*) from ticket_observer where ticket_id = ? and user_id = ?",
				Integer.class, major, aliceUser.getId())).isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from ticket_history where ticket_id = ? and field = 'observers'"
				+ " and new_value = ?", Integer.class, major, aliceUser.getUsername())).isEqualTo(1);
		assertThat(alice.get("/api/v1/tickets/" + major).status()).isEqualTo(200);

		Response resolved = supervisor.post("/api/v1/tickets/" + major + "/transitions",
				Map.of("action", "RESOLVE", "solution", "Restarted the mail server", "solutionKind", "WORKAROUND"));
		assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
		assertThat(list(alice.get(PATH).json())).extracting(a -> a.get("id").asLong()).doesNotContain(id);
		assertThat(supervisor.get(PATH + "/" + id).json().get("phase").asString()).isEqualTo("PAST");
		assertProblem(alice.post(PATH + "/" + id + "/me-too", Map.of()), 404, null, "announcement.not-current");
	}

	@Test
	void aMajorIncidentsAnnouncementEndsWhenItIsNoLongerMajorOrMergedIntoAnotherTicket() {
		long unflagged = ticket(bob, "ERP down");
		supervisor.put("/api/v1/tickets/" + unflagged + "/major-incident", Map.of());
		long first = created(supervisor.post(PATH, body("MAJOR_INCIDENT", "ERP en panne", null, null, unflagged)));
		long merged = ticket(bob, "Phones down");
		long into = ticket(bob, "Telephony outage");
		supervisor.put("/api/v1/tickets/" + merged + "/major-incident", Map.of());
		long second = created(supervisor.post(PATH, body("MAJOR_INCIDENT", "Téléphonie en panne", null, null, merged)));

		assertThat(supervisor.delete("/api/v1/tickets/" + unflagged + "/major-incident").status()).isEqualTo(200);
		assertThat(supervisor.post("/api/v1/tickets/" + merged + "/merge", Map.of("into", into)).status()).isEqualTo(200);
		assertThat(list(alice.get(PATH).json())).extracting(a -> a.get("id").asLong()).doesNotContain(first, second);
		assertThat(supervisor.get(PATH + "/" + first).json().get("phase").asString()).isEqualTo("PAST");
		assertThat(supervisor.get(PATH + "/" + second).json().get("phase").asString()).isEqualTo("PAST");
	}

	private static Map<String, Object> body(String kind, String titleFr, Instant startsAt, Instant endsAt,
			Long ticketId) {
		Map<String, Object> body = new HashMap<>();
		body.put("kind", kind);
		body.put("titleFr", titleFr);
		body.put("startsAt", startsAt == null ? null : startsAt.toString());
		body.put("endsAt", endsAt == null ? null : endsAt.toString());
		body.put("ticketId", ticketId);
		return body;
	}

	private static long created(Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("id").asLong();
	}

	private long ticket(ApiClient client, String title) {
		Response created = client.post("/api/v1/tickets", Map.of("type", "INCIDENT", "title",
				title + " " + UUID.randomUUID(), "description", "It does not work", "urgency", "MEDIUM"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private static void assertProblem(Response response, int status, String field, String code) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		if (field != null) {
			assertThat(response.json().get("field").asString()).isEqualTo(field);
		}
		if (code != null) {
			assertThat(response.json().get("code").asString()).isEqualTo(code);
		}
	}

	private static List<JsonNode> list(JsonNode array) {
		return StreamSupport.stream(array.spliterator(), false).toList();
	}

}
