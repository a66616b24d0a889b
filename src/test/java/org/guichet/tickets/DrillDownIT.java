package org.guichet.tickets;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.testing.ApiClient;
import org.guichet.testing.ApiClient.Response;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.testing.TicketFactRows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, drill-down: each criterion of the one ticket filter selects exactly the tickets whose
 * facts say so, in the API's list and in its CSV export alike, on the desk's local days, with the
 * list's visibility rules unchanged. The facts are written by the test ({@link TicketFactRows}),
 * so that this tests the reading, not the deriving.
 */
@GuichetIntegrationTest
class DrillDownIT {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private JdbcTemplate jdbc;

	@LocalServerPort
	private int port;

	private ApiClient admin;

	private long categoryId;

	private User caller;

	private User otherCaller;

	/** The tickets by their letter; G has no facts yet. */
	private final Map<String, Long> tickets = new HashMap<>();

	@BeforeEach
	void seed() {
		User agent = fixtures.user("drill-admin", Role.ADMINISTRATOR);
		admin = ApiClient.bearer(port, fixtures.token(agent));
		caller = fixtures.user("drill-caller", Role.REQUESTER);
		otherCaller = fixtures.user("drill-other", Role.REQUESTER);
		categoryId = fixtures.category("Drill-down").getId();
		Instant now = Instant.now();
		TicketFactRows facts = new TicketFactRows(jdbc, PARIS, events);

		// created on 1 Oct at 00:30 in Paris, still 30 Sep in UTC
		ticket("A", caller, "PHONE", "CLOSED", local("2026-10-01T00:30:00+02:00"));
		facts.write(tickets.get("A"), Map.ofEntries(Map.entry("resolved_at", utc("2026-10-02T10:00:00Z")),
				Map.entry("closed_at", utc("2026-10-05T10:00:00Z")),
				Map.entry("tto_deadline", utc("2026-10-01T08:00:00Z")), Map.entry("tto_met", true),
				Map.entry("ttr_deadline", utc("2026-10-03T08:00:00Z")), Map.entry("ttr_met", true),
				Map.entry("resolved_first_level", true), Map.entry("resolved_first_contact", true),
				Map.entry("rating", 5), Map.entry("department", "Finance")));
		// created on 31 Oct at 23:30 in Paris; resolved on 1 Nov at 00:30 in Paris, still 31 Oct in UTC
		ticket("B", caller, "EMAIL", "RESOLVED", local("2026-10-31T23:30:00+01:00"));
		facts.write(tickets.get("B"), Map.ofEntries(Map.entry("resolved_at", utc("2026-10-31T23:30:00Z")),
				Map.entry("tto_deadline", utc("2026-10-31T23:30:00Z")), Map.entry("tto_met", false),
				Map.entry("ttr_deadline", utc("2026-11-02T12:00:00Z")), Map.entry("ttr_met", false),
				Map.entry("reopen_count", 1), Map.entry("refusal_count", 1), Map.entry("functional_escalations", 1),
				Map.entry("resolved_first_level", false), Map.entry("resolved_first_contact", false),
				Map.entry("department", "Accounts & Payroll")));
		// created on Sunday 1 Nov at 00:10 in Paris, still 31 Oct in UTC
		ticket("C", caller, "PHONE", "CLOSED", local("2026-11-01T00:10:00+01:00"));
		facts.write(tickets.get("C"), Map.ofEntries(Map.entry("resolved_at", utc("2026-11-02T10:00:00Z")),
				Map.entry("closed_at", utc("2026-11-03T10:00:00Z")),
				Map.entry("tto_deadline", utc("2026-11-01T08:00:00Z")), Map.entry("tto_met", true),
				Map.entry("ttr_deadline", utc("2026-11-03T08:00:00Z")), Map.entry("ttr_met", false),
				Map.entry("hierarchical_escalations", 1), Map.entry("automatic_escalations", 2),
				Map.entry("resolved_first_level", false), Map.entry("resolved_first_contact", false),
				Map.entry("rating", 2)));
		ticket("D", caller, "PORTAL", "NEW", now.minus(Duration.ofDays(2)));
		facts.write(tickets.get("D"), Map.of());
		ticket("E", caller, "PORTAL", "PENDING", now.minus(Duration.ofDays(10)));
		facts.write(tickets.get("E"), Map.of());
		ticket("F", caller, "PORTAL", "CLOSED", local("2026-11-10T10:00:00Z"));
		facts.write(tickets.get("F"), Map.of("resolved_at", utc("2026-11-19T10:00:00Z"), "closed_at",
				utc("2026-11-20T10:00:00Z")));
		ticket("G", caller, "PHONE", "NEW", local("2026-10-15T12:00:00Z"));
		facts.write(tickets.get("G"), Map.of());
		ticket("H", otherCaller, "PORTAL", "IN_PROGRESS", local("2026-10-10T10:00:00Z"));
		facts.write(tickets.get("H"), Map.of("reopen_count", 2));
	}

	@Test
	void aPeriodIsOfLocalDaysBothIncludedOnTheInstantItNames() {
		assertSelected("from=2026-10-01&to=2026-10-31", "A", "B", "G", "H");
		assertSelected("from=2026-10-01&to=2026-10-31&periodBy=created", "A", "B", "G", "H");
		assertSelected("from=2026-11-01&to=2026-11-01", "C");
		assertSelected("from=2026-10-01&to=2026-10-31&periodBy=RESOLVED", "A");
		assertSelected("from=2026-11-01&periodBy=RESOLVED", "B", "C", "F");
		assertSelected("periodBy=RESOLVED", "A", "B", "C", "F");
		assertSelected("from=2026-11-01&periodBy=CLOSED", "C", "F");
		assertSelected("to=2026-10-31&periodBy=CLOSED", "A");
		assertSelected("from=2026-10-01&to=2026-10-31&periodBy=TTO_DUE", "A");
		assertSelected("to=2026-11-02&periodBy=TTR_DUE", "A", "B");
	}

	@Test
	void theChannelIsTheTicketsAndTheDepartmentTheFactsExactly() {
		assertSelected("channel=phone", "A", "C", "G");
		assertSelected("department=Finance", "A");
		assertSelected("department=Accounts%20%26%20Payroll", "B");
		assertSelected("department=Accounts");
	}

	@Test
	void theSlaVerdictsSelectTheirClocksMetOrMissed() {
		assertSelected("tto=MET", "A", "C");
		assertSelected("tto=MISSED", "B");
		assertSelected("ttr=MET", "A");
		assertSelected("ttr=MISSED", "B", "C");
		assertSelected("channel=PHONE&ttr=MISSED", "C");
	}

	@Test
	void reopenedEscalatedAndResolvedAtFirstLevelOrContactReadTheFacts() {
		assertSelected("reopened=true", "B", "H");
		assertSelected("reopened=false", "A", "C", "D", "E", "F", "G");
		assertSelected("escalated=ANY", "B", "C");
		assertSelected("escalated=NONE", "A", "D", "E", "F", "G", "H");
		assertSelected("escalated=FUNCTIONAL", "B");
		assertSelected("escalated=HIERARCHICAL", "C");
		assertSelected("escalated=AUTOMATIC", "C");
		assertSelected("firstLevel=true", "A");
		assertSelected("firstLevel=false", "B", "C");
		assertSelected("firstContact=true", "A");
		assertSelected("firstContact=false", "B", "C");
	}

	@Test
	void theAgeIsOfOpenTicketsNowAndTheRatingOfTheSurvey() {
		assertSelected("age=D1_3", "D");
		assertSelected("age=D7_30", "E");
		assertSelected("age=UNDER_1D");
		assertSelected("age=OVER_30D", "G", "H");
		assertSelected("rating=SATISFIED", "A");
		assertSelected("rating=UNSATISFIED", "C");
		assertSelected("rating=RATED", "A", "C");
		assertSelected("rating=UNRATED", "F");
	}

	@Test
	void theWeekdayAndHourAreTheCreationsOnTheDesksClock() {
		assertSelected("to=2026-11-01&weekday=7", "C");
		assertSelected("to=2026-11-01&weekday=4", "A", "G");
		assertSelected("to=2026-11-01&hour=0", "A", "C");
		assertSelected("to=2026-11-01&hour=23", "B");
	}

	@Test
	void theOrderByPriorityReadsTheSameTicketsLevelByLevel() {
		jdbc.update("update ticket set priority = 'HIGH' where id = ?", tickets.get("H"));

		Response list = admin.get(list("/api/v1/tickets", "reopened=true&sort=PRIORITY"));

		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		assertThat(StreamSupport.stream(list.json().get("items").spliterator(), false)
			.map(item -> item.get("id").asLong())
			.toList()).containsExactly(tickets.get("H"), tickets.get("B"));
	}

	@Test
	void aRequesterDrillingDownStillSeesOnlyTheirOwnTickets() {
		assertThat(ids(ApiClient.bearer(port, fixtures.token(caller)), "reopened=true")).containsExactly(letters("B"));
		assertThat(ids(ApiClient.bearer(port, fixtures.token(otherCaller)), "reopened=true"))
			.containsExactly(letters("H"));
	}

	@Test
	void everyDrillDownValueThatDoesNotFitIsRefusedByTheListAndTheExportNamingItsField() {
		for (String path : List.of("/api/v1/tickets", "/api/v1/tickets.csv")) {
			Response refused = admin.get(path + "?from=2026-10-31&to=2026-10-01&weekday=8&periodBy=UPDATED",
					"Accept-Language", "en");

			assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
			JsonNode errors = refused.json().get("errors");
			assertThat(StreamSupport.stream(errors.spliterator(), false).map(e -> e.get("field").asString()).toList())
				.containsExactly("to", "periodBy", "weekday");
			assertThat(refused.json().get("detail").asString()).contains("2026-10-01", "2026-10-31");
		}
	}

	/** The API's list and its CSV export both hold exactly these tickets of the test's category. */
	private void assertSelected(String criteria, String... expected) {
		assertThat(ids(admin, criteria)).as("API list of " + criteria).containsExactlyInAnyOrder(letters(expected));
		Response csv = admin.get(list("/api/v1/tickets.csv", criteria));
		assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
		List<Long> exported = new String(csv.bytes(), StandardCharsets.UTF_8).lines()
			.skip(1)
			.map(row -> Long.parseLong(row.substring(0, row.indexOf(',')).replaceAll("[^0-9]", "")))
			.toList();
		assertThat(exported).as("CSV export of " + criteria).containsExactlyInAnyOrder(letters(expected));
	}

	private List<Long> ids(ApiClient client, String criteria) {
		Response list = client.get(list("/api/v1/tickets", criteria));
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		return StreamSupport.stream(list.json().get("items").spliterator(), false)
			.map(item -> item.get("id").asLong())
			.toList();
	}

	private String list(String path, String criteria) {
		return path + "?categoryId=" + categoryId + "&size=100&" + criteria;
	}

	private Long[] letters(String... letters) {
		return List.of(letters).stream().map(tickets::get).toArray(Long[]::new);
	}

	private void ticket(String letter, User requester, String channel, String status, Instant createdAt) {
		String title = "Drill " + letter + " " + categoryId;
		OffsetDateTime created = OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC);
		jdbc.update("insert into ticket (type, title, description, requester_id, registered_by_id, channel,"
				+ " category_id, urgency, impact, priority, status, created_at, updated_at) values ('INCIDENT', ?,"
				+ " 'For the drill-down', ?, ?, ?, ?, 'LOW', 'LOW', 'LOW', ?, ?, ?)", title, requester.getId(),
				requester.getId(), channel, categoryId, status, created, created);
		tickets.put(letter, jdbc.queryForObject("select id from ticket where title = ?", Long.class, title));
	}

	private static Instant local(String offsetDateTime) {
		return OffsetDateTime.parse(offsetDateTime).toInstant();
	}

	private static Instant utc(String instant) {
		return Instant.parse(instant);
	}

}
