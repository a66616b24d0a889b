package org.guichet.reporting;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.testing.ApiClient;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/kpis} over the whole application, on H2 and PostgreSQL: who sees which figures
 * (a requester nothing, a technician their own and their groups'), the JSON and CSV of the KPIs,
 * the refusals of a filter that does not fit, and the targets. Facts are written directly (their
 * keeper is the tickets module's), in a department of the test's own.
 */
@GuichetIntegrationTest
class KpiApiIT {

	private static final String WEEK = "from=2026-03-02&to=2026-03-08";

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private UserRepository users;

	private String department;

	private String inDepartment;

	private User technician;

	private User colleague;

	private User outsider;

	private SupportGroup group;

	private SupportGroup otherGroup;

	@BeforeEach
	void seed() {
		department = "KPI API " + UUID.randomUUID();
		inDepartment = "department=" + URLEncoder.encode(department, StandardCharsets.UTF_8);
		technician = fixtures.user("kpi-tech", Role.TECHNICIAN);
		colleague = fixtures.user("kpi-colleague", Role.TECHNICIAN);
		outsider = fixtures.user("kpi-outsider", Role.TECHNICIAN);
		group = fixtures.group(SupportLevel.N1, technician, colleague);
		otherGroup = fixtures.group(SupportLevel.N2, outsider);
		User requester = fixtures.user("kpi-requester", Role.REQUESTER);
		FactRows rows = new FactRows(jdbc, requester.getId(), department, ZoneId.of("Europe/Paris"), events);
		// the technician's ticket: resolved in an hour, closed, rated 5
		rows.ticket("INCIDENT", "PHONE", "HIGH", "CLOSED", "2026-03-02T08:00:00Z")
			.with("group_id", group.getId()).with("assignee_id", technician.getId())
			.with("owned_at", "2026-03-02T08:10:00Z").with("own_seconds", 600)
			.with("resolved_at", "2026-03-02T09:00:00Z").with("resolution_seconds", 3600)
			.with("closed_at", "2026-03-03T09:00:00Z").with("rating", 5).with("rated_at", "2026-03-03T09:00:00Z")
			.comment("=HYPERLINK(\"x\")")
			.span("2026-03-02T08:00:00Z", "2026-03-02T09:00:00Z").save();
		// the colleague's ticket in the same group, resolved in three hours
		rows.ticket("INCIDENT", "EMAIL", "MEDIUM", "RESOLVED", "2026-03-03T08:00:00Z")
			.with("group_id", group.getId()).with("assignee_id", colleague.getId())
			.with("resolved_at", "2026-03-03T11:00:00Z").with("resolution_seconds", 10800)
			.span("2026-03-03T08:00:00Z", "2026-03-03T11:00:00Z").save();
		// another group's ticket, still open
		rows.ticket("INCIDENT", "EMAIL", "MEDIUM", "ASSIGNED", "2026-03-04T08:00:00Z")
			.with("group_id", otherGroup.getId()).with("assignee_id", outsider.getId())
			.span("2026-03-04T08:00:00Z", null).save();
	}

	private ApiClient as(User user) {
		return ApiClient.bearer(port, fixtures.token(user));
	}

	private ApiClient as(Role role) {
		return as(fixtures.user("kpi-" + role.name().toLowerCase(), role));
	}

	@Test
	void aSupervisorGetsEveryKpiByItsNameWithItsUnitCountAndTicketList() {
		ApiClient.Response response = as(Role.SUPERVISOR).get("/api/v1/kpis?" + WEEK + "&" + inDepartment);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		JsonNode json = response.json();
		assertThat(json.get("asOf").asString()).isNotBlank();
		assertThat(json.get("period").get("from").asString()).isEqualTo("2026-03-02");
		assertThat(json.get("previousPeriod").get("to").asString()).isEqualTo("2026-03-01");
		JsonNode kpis = json.get("kpis");
		assertThat(kpis.propertyNames()).containsExactlyElementsOf(Kpi.HEADLINES);
		JsonNode mean = kpis.get("meanResolutionTime");
		assertThat(mean.get("unit").asString()).isEqualTo("DURATION");
		assertThat(mean.get("value").asString()).isEqualTo("PT2H"); // (3600 + 10800) / 2
		assertThat(mean.get("seconds").asLong()).isEqualTo(7200);
		assertThat(mean.get("count").asLong()).isEqualTo(2);
		assertThat(mean.get("link").asString()).isEqualTo(
				"/api/v1/tickets?from=2026-03-02&to=2026-03-08&periodBy=RESOLVED&department="
						+ department.replace(" ", "%20"));
		assertThat(kpis.get("backlog").get("value").asLong()).isEqualTo(1);
		assertThat(kpis.get("satisfaction").get("value").asDouble()).isEqualTo(1.0);
		assertThat(kpis.get("satisfaction").get("unit").asString()).isEqualTo("RATIO");
		assertThat(kpis.get("slaCompliance").get("value").isNull()).as("no SLA: no verdict").isTrue();
	}

	@Test
	void aRequesterSeesNoFigure() {
		ApiClient requester = as(Role.REQUESTER);
		for (String path : List.of("/api/v1/kpis", "/api/v1/kpis/backlog/trend", "/api/v1/kpis/volumes",
				"/api/v1/kpis/targets")) {
			ApiClient.Response response = requester.get(path);
			assertThat(response.status()).as(path).isEqualTo(403);
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		}
	}

	@Test
	void anApiCallsAcceptLanguageComesBeforeTheCallersProfileLanguage() throws Exception {
		User requester = fixtures.user("kpi-francophone", Role.REQUESTER);
		requester.setLanguage("fr");
		users.save(requester);
		String token = fixtures.token(requester);
		assertThat(refusal(token, "en")).isEqualTo("Only the IT team sees the desk’s figures.");
		assertThat(refusal(token, null)).as("no language asked: the profile's")
			.isEqualTo("Seule l’équipe informatique voit les chiffres du support.");
	}

	/** The detail of the refusal of {@code /api/v1/kpis}, asked in that language (none when null). */
	private String refusal(String token, String language) throws Exception {
		java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/kpis"))
			.header("Authorization", "Bearer " + token);
		if (language != null) {
			request.header("Accept-Language", language);
		}
		java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
			.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(403);
		return ApiClient.JSON.readTree(response.body()).get("detail").asString();
	}

	@Test
	void aTechnicianSeesTheirOwnFiguresByDefaultAndTheirGroups() {
		ApiClient.Response own = as(technician).get("/api/v1/kpis?" + WEEK + "&" + inDepartment);
		assertThat(own.status()).as(own.toString()).isEqualTo(200);
		assertThat(own.json().get("filter").get("technician").asString()).isEqualTo(String.valueOf(technician.getId()));
		assertThat(own.json().get("kpis").get("meanResolutionTime").get("value").asString()).isEqualTo("PT1H");
		ApiClient.Response team = as(technician)
			.get("/api/v1/kpis?" + WEEK + "&" + inDepartment + "&group=" + group.getId());
		assertThat(team.status()).isEqualTo(200);
		assertThat(team.json().get("kpis").get("meanResolutionTime").get("count").asLong()).isEqualTo(2);
	}

	@Test
	void aTechnicianAskingForAnotherGroupOrTechnicianIsRefused() {
		ApiClient client = as(technician);
		ApiClient.Response otherGroupFigures = client.get("/api/v1/kpis?group=" + otherGroup.getId());
		assertThat(otherGroupFigures.status()).isEqualTo(403);
		assertThat(otherGroupFigures.json().get("code").asString()).isEqualTo("kpis.other-group");
		ApiClient.Response colleagueFigures = client.get("/api/v1/kpis/volumes?technician=" + colleague.getId());
		assertThat(colleagueFigures.status()).isEqualTo(403);
		assertThat(colleagueFigures.json().get("code").asString()).isEqualTo("kpis.other-technician");
		assertThat(client.get("/api/v1/kpis/backlog/trend?group=" + otherGroup.getId()).status()).isEqualTo(403);
	}

	@Test
	void aFilterThatDoesNotFitIsRefusedNamingEveryParameter() {
		ApiClient.Response response = as(Role.SUPERVISOR).get("/api/v1/kpis?from=2026-13-01&channel=FAX&group=x");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("errors").valueStream().map(error -> error.get("field").asString()))
			.containsExactly("from", "group", "channel");
		ApiClient.Response inverted = as(Role.SUPERVISOR).get("/api/v1/kpis?from=2026-03-08&to=2026-03-02");
		assertThat(inverted.json().get("field").asString()).isEqualTo("to");
		assertThat(as(Role.SUPERVISOR).get("/api/v1/kpis?period=LAST_MONTH&from=2026-03-01").status()).isEqualTo(400);
	}

	@Test
	void idsThatNameNoGroupTechnicianOrCategoryAreRefusedNotCountedAsNothing() {
		long none = 999_999_999L;
		ApiClient.Response response = as(Role.SUPERVISOR)
			.get("/api/v1/kpis?group=" + none + "&technician=" + none + "&category=" + none);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").valueStream().map(error -> error.get("field").asString()))
			.containsExactly("group", "technician", "category");
		assertThat(response.json().get("errors").valueStream().map(error -> error.get("code").asString()))
			.containsExactly("kpis.filter.group-unknown", "kpis.filter.technician-unknown",
					"kpis.filter.category-unknown");
		assertThat(response.json().get("detail").asString()).contains("no such group");
		assertThat(as(Role.SUPERVISOR).get("/api/v1/kpis/backlog/trend?technician=" + none).status()).isEqualTo(400);
		assertThat(as(Role.SUPERVISOR).get("/api/v1/kpis?group=" + group.getId()).status()).isEqualTo(200);
	}

	@Test
	void everyKpiTableIsAlsoCsv() {
		ApiClient supervisor = as(Role.SUPERVISOR);
		ApiClient.Response kpis = supervisor.get("/api/v1/kpis?format=csv&" + WEEK + "&" + inDepartment);
		assertThat(kpis.status()).isEqualTo(200);
		assertThat(kpis.header("Content-Type")).startsWith("text/csv");
		assertThat(kpis.header("Content-Disposition")).isEqualTo("attachment; filename=\"kpis-2026-03-02-2026-03-08.csv\"");
		List<String> lines = kpis.text().lines().toList();
		assertThat(lines.get(0)).isEqualTo("\uFEFFkpi,unit,value,count,previousValue,comparison,target,met,link");
		assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("meanResolutionTime,DURATION,PT2H,2,,"));
		assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("backlog.status.ASSIGNED,COUNT,1,1,"));
		ApiClient.Response comments = supervisor.get("/api/v1/kpis?table=comments&" + WEEK + "&" + inDepartment,
				"Accept", "text/csv");
		assertThat(comments.text()).as("a formula is not run by a spreadsheet").contains("'=HYPERLINK");
		assertThat(comments.header("Content-Disposition"))
			.isEqualTo("attachment; filename=\"kpis-comments-2026-03-02-2026-03-08.csv\"");
		ApiClient.Response trend = supervisor.get("/api/v1/kpis/backlog/trend?format=csv&" + WEEK + "&" + inDepartment);
		assertThat(trend.text().lines().toList()).containsExactly("\uFEFFday,open", "2026-03-02,0", "2026-03-03,0",
				"2026-03-04,1", "2026-03-05,1", "2026-03-06,1", "2026-03-07,1", "2026-03-08,1");
		ApiClient.Response channels = supervisor
			.get("/api/v1/kpis/volumes?format=csv&table=channel&" + WEEK + "&" + inDepartment);
		assertThat(channels.text().lines().toList()).hasSize(3).element(1).asString().startsWith("EMAIL,EMAIL,2,");
	}

	@Test
	void seriesAnswerAsJsonWithTheirDrillDownLinks() {
		ApiClient supervisor = as(Role.SUPERVISOR);
		JsonNode trend = supervisor.get("/api/v1/kpis/backlog/trend?" + WEEK + "&" + inDepartment).json();
		assertThat(trend.get("days")).hasSize(7);
		assertThat(trend.get("days").get(2).get("open").asLong()).isEqualTo(1);
		JsonNode volumes = supervisor.get("/api/v1/kpis/volumes?granularity=week&" + WEEK + "&" + inDepartment).json();
		assertThat(volumes.get("series")).hasSize(1);
		assertThat(volumes.get("series").get(0).get("created").asLong()).isEqualTo(3);
		JsonNode group = volumes.get("byDimension").get("GROUP").get(0);
		assertThat(group.get("created").asLong()).isEqualTo(2);
		assertThat(group.get("link").asString()).contains("periodBy=CREATED").contains("groupId=" + this.group.getId());
		assertThat(volumes.get("heatmap").get(0).get("link").asString()).contains("weekday=1").contains("hour=9");
	}

	@Test
	void administratorsSetTargetsThatReportsShowAsMetOrMissed() {
		ApiClient administrator = as(Role.ADMINISTRATOR);
		try {
			ApiClient.Response set = administrator.put("/api/v1/kpis/targets",
					Map.of("targets", List.of(Map.of("kpi", "meanResolutionTime", "comparison", "AT_MOST", "value", "PT1H30M"),
							Map.of("kpi", "satisfaction", "comparison", "AT_LEAST", "value", 0.9))));
			assertThat(set.status()).as(set.toString()).isEqualTo(200);
			assertThat(set.json().get(0).get("value").asString()).isEqualTo("PT1H30M");
			assertThat(as(technician).get("/api/v1/kpis/targets").json()).hasSize(2);
			JsonNode kpis = as(Role.SUPERVISOR).get("/api/v1/kpis?" + WEEK + "&" + inDepartment).json().get("kpis");
			assertThat(kpis.get("meanResolutionTime").get("met").asBoolean()).isFalse(); // PT2H
			assertThat(kpis.get("satisfaction").get("met").asBoolean()).isTrue();
			assertThat(kpis.get("reopenRate").get("met").isNull()).isTrue();
			ApiClient.Response byTechnician = as(technician).put("/api/v1/kpis/targets", Map.of("targets", List.of()));
			assertThat(byTechnician.status()).isEqualTo(403);
			ApiClient.Response wrong = administrator.put("/api/v1/kpis/targets",
					Map.of("targets", List.of(Map.of("kpi", "slaCompliance", "comparison", "AT_LEAST", "value", 95),
							Map.of("kpi", "happiness", "comparison", "AT_LEAST", "value", 1))));
			assertThat(wrong.status()).isEqualTo(400);
			assertThat(wrong.json().get("field").asString()).isEqualTo("targets[0].value");
			assertThat(administrator.get("/api/v1/kpis/targets").json()).as("nothing changed").hasSize(2);
		}
		finally {
			administrator.put("/api/v1/kpis/targets", Map.of("targets", List.of()));
		}
	}

	@Test
	void theOpenApiDescriptionListsTheKpiEndpointsWithTheirFilters() {
		JsonNode paths = ApiClient.anonymous(port).get("/v3/api-docs").json().get("paths");
		assertThat(paths.has("/api/v1/kpis/backlog/trend")).isTrue();
		assertThat(paths.has("/api/v1/kpis/volumes")).isTrue();
		assertThat(paths.has("/api/v1/kpis/targets")).isTrue();
		assertThat(paths.get("/api/v1/kpis").get("get").get("parameters").valueStream()
			.map(parameter -> parameter.get("name").asString()))
			.contains("period", "from", "to", "type", "group", "technician", "category", "channel", "priority",
					"department", "format");
	}

}
