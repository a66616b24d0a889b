package org.guichet.calendars.api;

import java.util.UUID;

import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Business calendars through the REST API, as an administrator defines them and an agent tests
 * them, on H2 and on PostgreSQL.
 */
@GuichetIntegrationTest
class CalendarApiIT {

	private static final String FRENCH_OFFICE_RANGES = """
			[{"day": "MONDAY", "from": "08:30", "to": "12:00"}, {"day": "MONDAY", "from": "13:30", "to": "17:30"},
			 {"day": "TUESDAY", "from": "08:30", "to": "12:00"}, {"day": "TUESDAY", "from": "13:30", "to": "17:30"},
			 {"day": "WEDNESDAY", "from": "08:30", "to": "12:00"}, {"day": "WEDNESDAY", "from": "13:30", "to": "17:30"},
			 {"day": "THURSDAY", "from": "08:30", "to": "12:00"}, {"day": "THURSDAY", "from": "13:30", "to": "17:30"},
			 {"day": "FRIDAY", "from": "08:30", "to": "12:00"}, {"day": "FRIDAY", "from": "13:30", "to": "17:30"}]""";

	private static final String FRENCH_PUBLIC_HOLIDAYS = """
			[{"monthDay": "01-01", "label": "Jour de l'an"}, {"monthDay": "05-01"}, {"monthDay": "05-08"},
			 {"monthDay": "07-14"}, {"monthDay": "08-15"}, {"monthDay": "11-01"}, {"monthDay": "11-11"},
			 {"monthDay": "12-25", "label": "Noël"}, {"daysAfterEaster": 1, "label": "Lundi de Pâques"},
			 {"daysAfterEaster": 39}, {"daysAfterEaster": 50},
			 {"date": "2027-05-07", "label": "Pont"}, {"from": "2027-08-09", "to": "2027-08-13"}]""";

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private UserRepository users;

	@LocalServerPort
	private int port;

	private RestClient api;

	private String administrator;

	private String technician;

	private String requester;

	@BeforeEach
	void setUp() {
		this.api = RestClient.builder()
			.baseUrl("http://localhost:" + this.port + "/api/v1/calendars")
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
		this.administrator = this.fixtures.token(this.fixtures.user("admin", Role.ADMINISTRATOR));
		this.technician = this.fixtures.token(this.fixtures.user("tech", Role.TECHNICIAN));
		this.requester = this.fixtures.token(this.fixtures.user("requester", Role.REQUESTER));
	}

	@Test
	void administratorCreatesTheFrenchOfficeCalendarAndAgentsReadItBack() {
		String name = uniqueName("Bureaux France");
		ResponseEntity<JsonNode> created = call(HttpMethod.POST, "", this.administrator, """
				{"name": "%s", "timeZone": "Europe/Paris", "ranges": %s, "holidays": %s,
				 "exceptionalOpenings": [{"date": "2027-12-04", "ranges": [{"from": "09:00", "to": "12:00"}]}]}"""
			.formatted(name, FRENCH_OFFICE_RANGES, FRENCH_PUBLIC_HOLIDAYS));

		assertThat(created.getStatusCode().value()).isEqualTo(201);
		JsonNode calendar = created.getBody();
		long id = calendar.get("id").asLong();
		assertThat(created.getHeaders().getLocation()).hasToString("/api/v1/calendars/" + id);
		assertThat(calendar.get("name").asString()).isEqualTo(name);
		assertThat(calendar.get("timeZone").asString()).isEqualTo("Europe/Paris");
		assertThat(calendar.get("ranges")).hasSize(10);
		assertThat(calendar.get("ranges").get(1).toString())
			.isEqualTo("{\"day\":\"MONDAY\",\"from\":\"13:30\",\"to\":\"17:30\"}");
		assertThat(calendar.get("holidays")).hasSize(13);
		assertThat(calendar.get("holidays").get(7).toString()).isEqualTo("{\"monthDay\":\"12-25\",\"label\":\"Noël\"}");
		assertThat(calendar.get("holidays").get(8).toString())
			.isEqualTo("{\"daysAfterEaster\":1,\"label\":\"Lundi de Pâques\"}");
		assertThat(calendar.get("holidays").get(12).toString()).isEqualTo("{\"from\":\"2027-08-09\",\"to\":\"2027-08-13\"}");
		assertThat(calendar.get("exceptionalOpenings").get(0).get("ranges").get(0).get("to").asString()).isEqualTo("12:00");

		ResponseEntity<JsonNode> read = call(HttpMethod.GET, "/" + id, this.technician, null);
		assertThat(read.getStatusCode().value()).isEqualTo(200);
		assertThat(read.getBody()).isEqualTo(calendar);
		ResponseEntity<JsonNode> list = call(HttpMethod.GET, "", this.technician, null);
		assertThat(list.getBody().valueStream().map((each) -> each.get("name").asString())).contains(name);
	}

	@Test
	void deadlineSkipsTheWeekendAndEasterMonday2027() {
		long id = createFrenchOffice();

		// Friday 16:00-17:30 gives 1.5 h; Monday March 29 is Easter Monday; Tuesday 08:30-11:00 the other 2.5 h.
		// Clocks went forward on Sunday: the answer is in summer time.
		JsonNode result = call(HttpMethod.POST, "/" + id + "/deadline", this.technician,
				"{\"start\": \"2027-03-26T16:00\", \"duration\": \"PT4H\"}")
			.getBody();

		assertThat(result.get("start").asString()).isEqualTo("2027-03-26T16:00:00+01:00");
		assertThat(result.get("deadline").asString()).isEqualTo("2027-03-30T11:00:00+02:00");
	}

	@Test
	void localTimeSkippedByTheSpringForwardIsReadAfterTheGap() {
		long id = call(HttpMethod.POST, "", this.administrator, """
				{"name": "%s", "holidays": [], "exceptionalOpenings": [], "timeZone": "Europe/Paris", "ranges": [
				 {"day": "SUNDAY", "from": "00:00", "to": "24:00"}, {"day": "MONDAY", "from": "00:00", "to": "24:00"}]}"""
			.formatted(uniqueName("Nuit"))).getBody().get("id").asLong();

		JsonNode result = call(HttpMethod.POST, "/" + id + "/deadline", this.technician,
				"{\"start\": \"2027-03-28T02:30\", \"duration\": \"PT1H\"}")
			.getBody();

		assertThat(result.get("start").asString()).isEqualTo("2027-03-28T03:30:00+02:00");
		assertThat(result.get("deadline").asString()).isEqualTo("2027-03-28T04:30:00+02:00");
	}

	@Test
	void businessTimeCountsOnlyTheWorkingRanges() {
		long id = createFrenchOffice();

		// Friday 7.5 h, nothing on the weekend nor on Easter Monday, Tuesday 08:30-12:00 3.5 h.
		ResponseEntity<JsonNode> result = call(HttpMethod.POST, "/" + id + "/business-time", this.technician,
				"{\"from\": \"2027-03-26T07:00\", \"to\": \"2027-03-30T12:00\"}");

		assertThat(result.getStatusCode().value()).isEqualTo(200);
		assertThat(result.getBody().get("duration").asString()).isEqualTo("PT11H");
		assertThat(result.getBody().get("seconds").asLong()).isEqualTo(39_600);
	}

	@Test
	void dayBasedDurationIsRefusedSinceABusinessDayHasNoFixedLength() {
		long id = createFrenchOffice();

		ResponseEntity<JsonNode> refused = call(HttpMethod.POST, "/" + id + "/deadline", this.technician,
				"{\"start\": \"2027-03-26T16:00\", \"duration\": \"P2D\"}");

		assertProblem(refused, 400, "duration", "calendar.tester.duration");
		assertThat(refused.getBody().get("detail").asString()).contains("PT4H");
	}

	@Test
	void updateOnAStaleVersionIsRefusedWithAConflict() {
		long id = createFrenchOffice();
		String name = uniqueName("Support étendu");
		String change = """
				{"name": "%s", "holidays": [], "exceptionalOpenings": [], "timeZone": "Europe/Paris", "version": %d,
				 "ranges": [{"day": "SATURDAY", "from": "00:00", "to": "24:00"}, {"day": "MONDAY", "from": "08:00", "to": "18:00"}]}""";

		assertThat(deadline(id, "2027-03-27T23:00", "PT2H")).isEqualTo("2027-03-30T10:30:00+02:00");

		ResponseEntity<JsonNode> updated = call(HttpMethod.PUT, "/" + id, this.administrator, change.formatted(name, 0));
		assertThat(updated.getStatusCode().value()).isEqualTo(200);
		assertThat(updated.getBody().get("version").asLong()).isEqualTo(1);
		assertThat(updated.getBody().get("ranges").get(1).toString())
			.isEqualTo("{\"day\":\"SATURDAY\",\"from\":\"00:00\",\"to\":\"24:00\"}");
		assertThat(deadline(id, "2027-03-27T23:00", "PT2H")).isEqualTo("2027-03-29T09:00:00+02:00");

		ResponseEntity<JsonNode> stale = call(HttpMethod.PUT, "/" + id, this.administrator, change.formatted(name, 0));
		// the body named the stale version: the refusal names it
		assertProblem(stale, 412, "version", "record.version-stale");
	}

	@Test
	void calendarWithoutWorkingTimeIsRefusedNamingItsRanges() {
		ResponseEntity<JsonNode> refused = call(HttpMethod.POST, "", this.administrator,
				"{\"name\": \"%s\", \"holidays\": [], \"exceptionalOpenings\": [], \"timeZone\": \"Europe/Paris\", \"ranges\": []}".formatted(uniqueName("Vide")));

		assertProblem(refused, 400, "ranges", "calendar.invalid.no-working-time");
		assertThat(refused.getBody().get("detail").asString()).contains("add working ranges");
	}

	@Test
	void refusalsReadInTheAdministratorsLanguage() {
		User french = this.fixtures.user("admin-fr", Role.ADMINISTRATOR);
		french.setLanguage("fr");
		this.users.save(french);

		ResponseEntity<JsonNode> refused = call(HttpMethod.POST, "", this.fixtures.token(french),
				"{\"name\": \"%s\", \"holidays\": [], \"exceptionalOpenings\": [], \"ranges\": []}".formatted(uniqueName("Vide")));

		assertThat(refused.getBody().get("detail").asString()).startsWith("Un calendrier doit avoir du temps ouvré");
	}

	@Test
	void unknownTimeZoneIsRefused() {
		ResponseEntity<JsonNode> refused = call(HttpMethod.POST, "", this.administrator,
				"{\"name\": \"%s\", \"holidays\": [], \"exceptionalOpenings\": [], \"timeZone\": \"Europe/Atlantis\", \"ranges\": %s}".formatted(uniqueName("Atlantide"),
						FRENCH_OFFICE_RANGES));

		assertProblem(refused, 400, "timeZone", "calendar.invalid.time-zone");
	}

	@Test
	void rangeThatEndsBeforeItStartsIsRefusedNamingTheRange() {
		ResponseEntity<JsonNode> refused = call(HttpMethod.POST, "", this.administrator, """
				{"name": "%s", "holidays": [], "exceptionalOpenings": [], "ranges": [{"day": "MONDAY", "from": "08:30", "to": "12:00"},
				                          {"day": "MONDAY", "from": "17:30", "to": "13:30"}]}"""
			.formatted(uniqueName("À l'envers")));

		assertProblem(refused, 400, "ranges[1]", "calendar.invalid.range-order");
		assertThat(refused.getBody().get("detail").asString()).contains("17:30-13:30");
	}

	@Test
	void holidayWithTwoFormsIsRefusedNamingTheHoliday() {
		ResponseEntity<JsonNode> refused = call(HttpMethod.POST, "", this.administrator,
				"{\"name\": \"%s\", \"exceptionalOpenings\": [], \"ranges\": %s, \"holidays\": [{\"monthDay\": \"12-25\"}, {\"monthDay\": \"12-26\", \"daysAfterEaster\": 1}]}"
					.formatted(uniqueName("Ambigu"), FRENCH_OFFICE_RANGES));

		assertProblem(refused, 400, "holidays[1]", "calendar.invalid.holiday-kind");
	}

	@Test
	void duplicateNameIsRefusedWithAConflict() {
		String name = uniqueName("Doublon");
		String body = "{\"name\": \"%s\", \"holidays\": [], \"exceptionalOpenings\": [], \"ranges\": %s}".formatted(name, FRENCH_OFFICE_RANGES);
		assertThat(call(HttpMethod.POST, "", this.administrator, body).getStatusCode().value()).isEqualTo(201);

		assertProblem(call(HttpMethod.POST, "", this.administrator, body), 409, null, "calendar.name-taken");
	}

	@Test
	void onlyAdministratorsChangeCalendarsAndOnlyAgentsReadThem() {
		long id = createFrenchOffice();
		String body = "{\"name\": \"%s\", \"holidays\": [], \"exceptionalOpenings\": [], \"ranges\": %s}".formatted(uniqueName("Interdit"), FRENCH_OFFICE_RANGES);

		assertProblem(call(HttpMethod.POST, "", this.technician, body), 403, null, "calendar.administrators-only");
		assertProblem(call(HttpMethod.DELETE, "/" + id, this.requester, null), 403, null, "calendar.administrators-only");
		assertProblem(call(HttpMethod.GET, "/" + id, this.requester, null), 403, null, "calendar.agents-only");
		assertProblem(call(HttpMethod.POST, "/" + id + "/deadline", this.requester,
				"{\"start\": \"2027-03-26T16:00\", \"duration\": \"PT4H\"}"), 403, null, "calendar.agents-only");
	}

	@Test
	void deletedCalendarIsGone() {
		long id = createFrenchOffice();

		assertThat(call(HttpMethod.DELETE, "/" + id, this.administrator, null).getStatusCode().value()).isEqualTo(204);

		assertProblem(call(HttpMethod.GET, "/" + id, this.technician, null), 404, null, "calendar.not-found");
		assertProblem(call(HttpMethod.POST, "/" + id + "/business-time", this.technician,
				"{\"from\": \"2027-03-26T07:00\", \"to\": \"2027-03-30T12:00\"}"), 404, null, "calendar.not-found");
	}

	private long createFrenchOffice() {
		ResponseEntity<JsonNode> created = call(HttpMethod.POST, "", this.administrator,
				"{\"name\": \"%s\", \"exceptionalOpenings\": [], \"timeZone\": \"Europe/Paris\", \"ranges\": %s, \"holidays\": %s}"
					.formatted(uniqueName("Bureaux"), FRENCH_OFFICE_RANGES, FRENCH_PUBLIC_HOLIDAYS));
		assertThat(created.getStatusCode().value()).isEqualTo(201);
		return created.getBody().get("id").asLong();
	}

	private String deadline(long id, String start, String duration) {
		return call(HttpMethod.POST, "/" + id + "/deadline", this.technician,
				"{\"start\": \"%s\", \"duration\": \"%s\"}".formatted(start, duration))
			.getBody()
			.get("deadline")
			.asString();
	}

	private ResponseEntity<JsonNode> call(HttpMethod method, String path, String token, String json) {
		RestClient.RequestBodySpec request = this.api.method(method)
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(json);
		}
		return request.retrieve().toEntity(JsonNode.class);
	}

	private static void assertProblem(ResponseEntity<JsonNode> response, int status, String field, String code) {
		assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody().get("code").asString()).isEqualTo(code);
		if (field != null) {
			assertThat(response.getBody().get("field").asString()).isEqualTo(field);
		}
	}

	private static String uniqueName(String prefix) {
		return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
	}

}
