package org.guichet.reporting.recurring;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.testing.ApiClient;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.KpiDayMarks;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Category;
import org.guichet.tickets.CategoryRepository;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recurring incidents read from the ticket facts through the API, on tickets and facts
 * written directly in SQL (as the facts keeper would write them), in January 2019 in Paris so
 * that no other test's tickets fall in the period, each test under its own categories.
 */
@GuichetIntegrationTest
class RecurringIncidentsIT {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final String PERIOD = "from=2019-01-07&to=2019-01-20";

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private UserRepository users;

	@Autowired
	private CategoryRepository categories;

	@Autowired
	private JdbcClient jdbc;

	private User supervisor;

	private Category parent;

	private Category network;

	private Category workstation;

	@BeforeEach
	void setUp() {
		supervisor = fixtures.user("supervisor", Role.SUPERVISOR);
		parent = fixtures.category("IT");
		network = categories.save(new Category("Network " + parent.getId(), parent));
		workstation = categories.save(new Category("Workstation " + parent.getId(), parent));
	}

	private User requester(@Nullable String location) {
		User user = fixtures.user("requester", Role.REQUESTER);
		user.setLocation(location);
		user.setDepartment("Accounting");
		return users.save(user);
	}

	/** A ticket and its facts, created at this local time in Paris. */
	private long ticket(String type, String title, LocalDateTime createdInParis, Category category, User requester,
			@Nullable SupportGroup group, String channel, boolean merged) {
		Instant created = createdInParis.atZone(PARIS).toInstant();
		OffsetDateTime at = OffsetDateTime.ofInstant(created, ZoneOffset.UTC);
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into ticket (type, title, description, requester_id, registered_by_id, channel, category_id,
				    urgency, impact, priority, group_id, status, created_at, updated_at)
				values (:type, :title, 'Described', :requester, :requester, :channel, :category, 'MEDIUM', 'MEDIUM',
				    'MEDIUM', :group, :status, :at, :at)""")
			.param("type", type)
			.param("title", title)
			.param("requester", requester.getId())
			.param("channel", channel)
			.param("category", category.getId())
			.param("group", group == null ? null : group.getId())
			.param("status", merged ? "CANCELLED" : "NEW")
			.param("at", at)
			.update(key, "id");
		long id = key.getKeyAs(Number.class).longValue();
		jdbc.sql("""
				insert into ticket_fact (ticket_id, type, channel, priority, category_id, group_id, department, status,
				    created_at, created_day, created_hour, created_weekday, merged)
				values (:id, :type, :channel, 'MEDIUM', :category, :group, :department, :status, :at, :day, :hour,
				    :weekday, :merged)""")
			.param("id", id)
			.param("type", type)
			.param("channel", channel)
			.param("category", category.getId())
			.param("group", group == null ? null : group.getId())
			.param("department", requester.getDepartment())
			.param("status", merged ? "CANCELLED" : "NEW")
			.param("at", at)
			.param("day", createdInParis.toLocalDate())
			.param("hour", createdInParis.getHour())
			.param("weekday", createdInParis.getDayOfWeek().getValue())
			.param("merged", merged)
			.update();
		KpiDayMarks.markDaysOf(jdbc, events, id);
		return id;
	}

	private long incident(String title, LocalDateTime createdInParis, Category category, User requester) {
		return ticket("INCIDENT", title, createdInParis, category, requester, null, "PORTAL", false);
	}

	private static LocalDateTime jan(int day, int hour, int minute) {
		return LocalDateTime.of(2019, 1, day, hour, minute);
	}

	private ApiClient api(User user) {
		return ApiClient.basic(port, user.getUsername(), TestFixtures.PASSWORD);
	}

	private static List<List<Long>> clusterIds(JsonNode body) {
		List<List<Long>> clusters = new ArrayList<>();
		for (JsonNode cluster : body.get("clusters")) {
			List<Long> ids = new ArrayList<>();
			cluster.get("tickets").forEach(ticket -> ids.add(ticket.get("id").asLong()));
			clusters.add(ids);
		}
		return clusters;
	}

	@Test
	void listsTheIncidentsOfThePeriodThatCameBackAsClustersWithTheirReasons() {
		User often = requester("Bâtiment B – 3e étage");
		long keyboard = incident("Clavier qui ne répond plus", jan(8, 9, 0), workstation, often);
		long screen = incident("Écran noir au démarrage", jan(10, 14, 0), workstation, often);
		// the last day ends at midnight in Paris, not in UTC
		long mouse = incident("Souris sans fil perdue", jan(20, 23, 30), workstation, often);
		incident("Dock USB-C muet", jan(21, 0, 10), workstation, often);
		incident("Portable lent", jan(6, 23, 50), workstation, often);
		long vpn1 = incident("VPN disconnects every morning", jan(9, 8, 0), network, requester(null));
		long vpn2 = incident("VPN keeps disconnecting", jan(12, 8, 30), network, requester("Usine Lyon"));
		long vpn3 = incident("Le VPN se déconnecte — vpn disconnecting", jan(15, 8, 15), network, requester(null));
		// near-identical, but in another category: another incident
		incident("VPN keeps disconnecting", jan(16, 8, 0), workstation, requester(null));
		User someoneElse = requester(null);
		ticket("SERVICE_REQUEST", "VPN keeps disconnecting", jan(16, 9, 0), network, someoneElse, null, "PORTAL",
				false);
		ticket("INCIDENT", "VPN keeps disconnecting", jan(17, 9, 0), network, someoneElse, null, "PORTAL", true);

		ApiClient.Response response = api(supervisor)
			.get("/api/v1/kpis/recurring-incidents?" + PERIOD + "&category=" + parent.getId() + "&minOccurrences=3");

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(clusterIds(body)).containsExactly(List.of(mouse, screen, keyboard), List.of(vpn3, vpn2, vpn1));
		assertThat(body.get("clusters").get(0).get("reasons").toString())
			.isEqualTo("[\"SAME_REQUESTER\"]");
		assertThat(body.get("clusters").get(1).get("reasons").toString()).isEqualTo("[\"SIMILAR_TITLES\"]");
		assertThat(body.get("clusters").get(1).get("label").asString()).isEqualTo("disconnecting vpn");
		assertThat(body.get("clusters").get(1).get("size").asInt()).isEqualTo(3);
		assertThat(Instant.parse(body.get("clusters").get(1).get("firstOccurrence").asString()))
			.isEqualTo(jan(9, 8, 0).atZone(PARIS).toInstant());
		assertThat(body.get("incidents").asInt()).isEqualTo(7);
		assertThat(body.get("totalClusters").asInt()).isEqualTo(2);
		assertThat(body.get("recurringIncidents").asInt()).isEqualTo(6);
		assertThat(body.get("from").asString()).isEqualTo("2019-01-07");
		assertThat(body.get("minOccurrences").asInt()).isEqualTo(3);
	}

	/**
	 * A site's burst is measured against its usual rate, counted in SQL over the 28 days before the
	 * period (guichet.kpis.recurring.burst-baseline) with the same filter: four printing incidents
	 * one morning at a quiet site (its location written two ways) are a burst; at a site with 45 in
	 * the four weeks before (and four a day in the period, steady) they are an ordinary day. Each of
	 * the busy site's incidents has its own requester, so that no requester recurs.
	 */
	@Test
	void aSiteIsRecurringOnlyWhenItsIncidentsBurstAboveItsUsualRate() {
		User quietA = requester("Agence Nantes");
		User quietB = requester("agence nantes");
		List<Long> burst = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			burst.add(0, incident("Souci n" + i + " m" + i, jan(14, 9, 10 * i), workstation, i % 2 == 0 ? quietA : quietB));
			incident("Panne x" + i + " y" + i, jan(14, 9, 10 * i), workstation, requester("Siège Lyon"));
		}
		// the busy site's four weeks before the period (Dec 10 to Jan 6) and its other days
		for (int i = 0; i < 45; i++) {
			incident("Avant a" + i + " b" + i, LocalDateTime.of(2018, 12, 10, 9, 0).plusHours(14 * i), workstation,
					requester("Siège Lyon"));
		}
		incident("Avant hors base", LocalDateTime.of(2018, 12, 9, 9, 0), workstation, quietA);
		for (int day = 7; day <= 20; day++) {
			if (day != 14) {
				for (int i = 0; i < 4; i++) {
					incident("Jour d" + day + " k" + i, jan(day, 8 + 2 * i, 0), workstation, requester("Siège Lyon"));
				}
			}
		}

		JsonNode body = api(supervisor)
			.get("/api/v1/kpis/recurring-incidents?" + PERIOD + "&category=" + workstation.getId() + "&minOccurrences=3")
			.json();

		assertThat(body.get("incidents").asInt()).isEqualTo(8 + 13 * 4);
		assertThat(clusterIds(body)).containsExactly(burst);
		assertThat(body.get("clusters").get(0).get("reasons").toString()).isEqualTo("[\"SAME_LOCATION\"]");
	}

	/**
	 * Users who report one outage in their own words are attached to the major incident as its
	 * children: the outage is one incident, not a cluster of its reports.
	 */
	@Test
	void aMajorIncidentCountsOnceAndItsChildrenAreNotOccurrencesOfTheirOwn() {
		long major = incident("Messagerie en panne", jan(9, 9, 0), network, requester(null));
		List<Long> reports = new ArrayList<>();
		for (String title : List.of("Messagerie en panne ce matin", "Plus de messagerie, panne ?",
				"La messagerie est en panne")) {
			reports.add(incident(title, jan(9, 9, 10 + reports.size()), network, requester(null)));
		}
		String path = "/api/v1/kpis/recurring-incidents?" + PERIOD + "&category=" + network.getId() + "&minOccurrences=";
		assertThat(clusterIds(api(supervisor).get(path + 2).json())).as("before they are attached: similar titles")
			.singleElement()
			.satisfies(ids -> assertThat(ids).containsExactlyInAnyOrder(major, reports.get(0), reports.get(1),
					reports.get(2)));

		jdbc.sql("update ticket set major_incident = true where id = :id").param("id", major).update();
		for (long report : reports) {
			jdbc.sql("""
					insert into ticket_link (kind, source_ticket_id, target_ticket_id, created_at)
					values ('CHILD_OF', :child, :major, :at)""")
				.param("child", report)
				.param("major", major)
				.param("at", OffsetDateTime.now(ZoneOffset.UTC))
				.update();
		}

		// another threshold: the KPIs keep a result for a minute (guichet.kpis.max-age)
		JsonNode body = api(supervisor).get(path + 3).json();
		assertThat(body.get("incidents").asInt()).isEqualTo(1);
		assertThat(clusterIds(body)).isEmpty();
	}

	@Test
	void theFiltersNarrowTheIncidentsLookedAt() {
		User often = requester("Bâtiment C");
		incident("Clavier qui ne répond plus", jan(8, 9, 0), workstation, often);
		incident("Écran noir au démarrage", jan(10, 14, 0), workstation, often);
		long vpn1 = incident("VPN disconnects every morning", jan(9, 8, 0), network, requester(null));
		long vpn2 = incident("VPN keeps disconnecting", jan(12, 8, 30), network, requester(null));
		long byPhone = ticket("INCIDENT", "VPN disconnecting", jan(13, 8, 0), network, requester(null), null, "PHONE",
				false);

		JsonNode twice = api(supervisor)
			.get("/api/v1/kpis/recurring-incidents?" + PERIOD + "&category=" + parent.getId() + "&minOccurrences=2")
			.json();
		JsonNode network = api(supervisor)
			.get("/api/v1/kpis/recurring-incidents?" + PERIOD + "&category=" + this.network.getId()).json();
		JsonNode byPortal = api(supervisor)
			.get("/api/v1/kpis/recurring-incidents?" + PERIOD + "&category=" + this.network.getId()
					+ "&channel=portal&minOccurrences=2")
			.json();

		assertThat(clusterIds(twice)).hasSize(2);
		assertThat(clusterIds(network)).containsExactly(List.of(byPhone, vpn2, vpn1));
		assertThat(clusterIds(byPortal)).containsExactly(List.of(vpn2, vpn1));
		assertThat(byPortal.get("incidents").asInt()).isEqualTo(2);
	}

	@Test
	void aTechnicianHasTheScopeOfTheKpisTheirOwnIncidentsOrOneOfTheirGroups() {
		User technician = fixtures.user("technician", Role.TECHNICIAN);
		SupportGroup mine = fixtures.group(SupportLevel.N1, technician);
		SupportGroup other = fixtures.group(SupportLevel.N2);
		List<Long> ours = new ArrayList<>();
		for (int day = 8; day <= 10; day++) {
			ours.add(0, ticket("INCIDENT", "Imprimante du 2e étage bloquée", jan(day, 10, 0), workstation,
					requester(null), mine, "PORTAL", false));
			ticket("INCIDENT", "Wi-Fi salle de réunion coupé", jan(day, 11, 0), workstation, requester(null), other,
					"PORTAL", false);
		}
		String query = "/api/v1/kpis/recurring-incidents?" + PERIOD + "&category=" + parent.getId();

		JsonNode own = api(technician).get(query).json();
		JsonNode group = api(technician).get(query + "&group=" + mine.getId()).json();
		ApiClient.Response outside = api(technician).get(query + "&group=" + other.getId());
		ApiClient.Response colleague = api(technician).get(query + "&technician=" + supervisor.getId());
		JsonNode all = api(supervisor).get(query).json();

		// none of these incidents is assigned to the technician: their own figures are empty
		assertThat(own.get("incidents").asInt()).isZero();
		assertThat(clusterIds(group)).containsExactly(ours);
		assertThat(outside.status()).isEqualTo(403);
		assertThat(outside.header("Content-Type")).startsWith("application/problem+json");
		assertThat(outside.json().get("code").asString()).isEqualTo("kpis.other-group");
		assertThat(colleague.status()).isEqualTo(403);
		assertThat(colleague.json().get("code").asString()).isEqualTo("kpis.other-technician");
		assertThat(clusterIds(all)).hasSize(2);
	}

	@Test
	void theKpiReportLinksToTheRecurringIncidentsOfTheSameFilter() {
		User often = requester("Bâtiment D");
		for (int day = 8; day <= 10; day++) {
			incident("Poste " + day + " en panne", jan(day, 9, 0), workstation, often);
		}

		JsonNode report = api(supervisor).get("/api/v1/kpis?" + PERIOD + "&category=" + parent.getId()).json();
		String link = report.get("recurringIncidents").get("link").asString();
		JsonNode recurring = api(supervisor).get(link).json();

		assertThat(link).isEqualTo("/api/v1/kpis/recurring-incidents?" + PERIOD + "&category=" + parent.getId());
		assertThat(recurring.get("clusters").get(0).get("size").asInt()).isEqualTo(3);
	}

	@Test
	void aPeriodPresetGivesTheSamePeriodAsForTheKpis() {
		for (String preset : List.of("LAST_12_MONTHS", "LAST_90_DAYS", "last_week")) {
			JsonNode recurring = api(supervisor).get("/api/v1/kpis/recurring-incidents?period=" + preset).json();
			JsonNode kpis = api(supervisor).get("/api/v1/kpis?period=" + preset).json();

			assertThat(recurring.get("from").asString()).as(preset)
				.isEqualTo(kpis.get("period").get("from").asString());
			assertThat(recurring.get("to").asString()).as(preset).isEqualTo(kpis.get("period").get("to").asString());
		}
		JsonNode year = api(supervisor).get("/api/v1/kpis/recurring-incidents?period=LAST_12_MONTHS").json();
		JsonNode byDefault = api(supervisor).get("/api/v1/kpis/recurring-incidents").json();
		assertThat(year.get("from").asString()).isNotEqualTo(byDefault.get("from").asString());
	}

	@Test
	void anUnknownPeriodIsRefusedNamingPeriod() {
		ApiClient.Response bogus = api(supervisor).get("/api/v1/kpis/recurring-incidents?period=BOGUS");

		assertThat(bogus.status()).as(bogus.text()).isEqualTo(400);
		assertThat(bogus.header("Content-Type")).startsWith("application/problem+json");
		assertThat(bogus.json().get("field").asString()).isEqualTo("period");
		assertThat(bogus.json().get("code").asString()).isEqualTo("filter.choice-unknown");
		assertThat(bogus.json().get("detail").asString()).contains("BOGUS", "LAST_12_MONTHS");
	}

	@Test
	void aRequesterIsRefused() {
		ApiClient.Response response = api(requester(null)).get("/api/v1/kpis/recurring-incidents?" + PERIOD);

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
	}

	@Test
	void valuesThatDoNotFitAreRefusedNamingEachParameterAsForTheKpis() {
		ApiClient.Response malformed = api(supervisor)
			.get("/api/v1/kpis/recurring-incidents?from=2019-13-01&channel=FAX&minOccurrences=many&group=-4");
		ApiClient.Response reversed = api(supervisor)
			.get("/api/v1/kpis/recurring-incidents?from=2019-02-01&to=2019-01-01");
		ApiClient.Response tooLong = api(supervisor)
			.get("/api/v1/kpis/recurring-incidents?from=2016-01-01&to=2019-01-01");
		ApiClient.Response presetAndDates = api(supervisor)
			.get("/api/v1/kpis/recurring-incidents?period=LAST_MONTH&from=2019-01-01");
		ApiClient.Response once = api(supervisor).get("/api/v1/kpis/recurring-incidents?" + PERIOD + "&minOccurrences=1");

		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.header("Content-Type")).startsWith("application/problem+json");
		List<String> fields = new ArrayList<>();
		malformed.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
		assertThat(fields).containsExactly("from", "group", "channel", "minOccurrences");
		assertThat(malformed.json().get("detail").asString()).contains("from", "2019-13-01", "yyyy-MM-dd");
		assertThat(reversed.status()).isEqualTo(400);
		assertThat(reversed.json().get("field").asString()).isEqualTo("to");
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.json().get("code").asString()).isEqualTo("kpis.filter.period-too-long");
		assertThat(presetAndDates.status()).isEqualTo(400);
		assertThat(presetAndDates.json().get("field").asString()).isEqualTo("period");
		assertThat(once.status()).isEqualTo(400);
		assertThat(once.json().get("field").asString()).isEqualTo("minOccurrences");
		assertThat(once.json().get("code").asString()).isEqualTo("kpis.recurring.min-occurrences-invalid");
	}

}
