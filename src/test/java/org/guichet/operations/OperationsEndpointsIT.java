package org.guichet.operations;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.guichet.calendars.Calendars;
import org.guichet.calendars.StandardCalendars;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.sla.SlaPolicy;
import org.guichet.sla.SlaPolicyRepository;
import org.guichet.testing.ApiClient;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.ShiftableClock;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Impact;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.Priority;
import org.guichet.tickets.SlaState;
import org.guichet.tickets.Status;
import org.guichet.tickets.TicketAction;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Transition;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations endpoints as a load balancer, Kubernetes and Prometheus call them.
 */
@GuichetIntegrationTest
class OperationsEndpointsIT {

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private Calendars calendars;

	@Autowired
	private SlaPolicyRepository slaPolicies;

	@Autowired
	private UserRepository users;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private ShiftableClock clock;

	@Value("${guichet.metrics.backlog-max-age}")
	private Duration backlogMaxAge;

	@LocalServerPort
	private int port;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void healthAndItsProbesAnswerUpToAnyoneWithTheStatusOnly() {
		ApiClient anonymous = ApiClient.anonymous(port);
		for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
			ApiClient.Response response = anonymous.get(path);
			assertThat(response.status()).as(path).isEqualTo(200);
			JsonNode health = response.json();
			assertThat(health.path("status").asString()).as(path).isEqualTo("UP");
			assertThat(health.has("components")).as(path).isFalse();
			assertThat(health.has("details")).as(path).isFalse();
		}
	}

	@Test
	void readinessChecksTheDatabaseAndLivenessDoesNotAsAnAdministratorSees() {
		ApiClient administrator = ApiClient.bearer(port, fixtures.token(fixtures.user("ops-admin", Role.ADMINISTRATOR)));
		JsonNode readiness = administrator.get("/actuator/health/readiness").json();
		assertThat(readiness.path("components").propertyNames()).containsExactlyInAnyOrder("db", "readinessState");
		assertThat(readiness.path("components").path("db").path("status").asString()).isEqualTo("UP");
		JsonNode liveness = administrator.get("/actuator/health/liveness").json();
		assertThat(liveness.path("components").propertyNames()).containsExactly("livenessState");
	}

	@Test
	void prometheusRefusesAnonymousCallersAndRolesBelowTheConfiguredOne() {
		ApiClient.Response anonymous = ApiClient.anonymous(port).get("/actuator/prometheus");
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
		for (Role role : List.of(Role.REQUESTER, Role.TECHNICIAN, Role.SUPERVISOR)) {
			ApiClient.Response refused = ApiClient.bearer(port, fixtures.token(fixtures.user("ops", role)))
				.get("/actuator/prometheus");
			assertThat(refused.status()).as(role.name()).isEqualTo(403);
			assertThat(refused.header("Content-Type")).as(role.name()).startsWith("application/problem+json");
		}
		ApiClient.Response badPassword = ApiClient
			.basic(port, fixtures.user("ops-admin", Role.ADMINISTRATOR).getUsername(), "wrong-password")
			.get("/actuator/prometheus");
		assertThat(badPassword.status()).isEqualTo(401);
	}

	@Test
	void prometheusAnswersAnAdministratorByPasswordTokenOrSessionWithHttpAndJvmMetrics() throws Exception {
		User admin = fixtures.user("ops-admin", Role.ADMINISTRATOR);
		ApiClient.Response byPassword = ApiClient.basic(port, admin.getUsername(), TestFixtures.PASSWORD)
			.get("/actuator/prometheus");
		assertThat(byPassword.status()).isEqualTo(200);
		assertThat(byPassword.header("Content-Type")).startsWith("text/plain");
		assertThat(byPassword.text()).contains("jvm_memory_used_bytes", "http_server_requests_seconds_count",
				"hikaricp_connections", "guichet_tickets_open", "guichet_tickets_registered_total");
		assertThat(ApiClient.bearer(port, fixtures.token(admin)).get("/actuator/prometheus").status()).isEqualTo(200);

		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		signIn(browser, admin.getUsername());
		HttpResponse<String> bySession = browser.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus")).build(),
				BodyHandlers.ofString());
		assertThat(bySession.statusCode()).isEqualTo(200);
		assertThat(bySession.body()).contains("guichet_tickets_open");
	}

	@Test
	void backlogGaugesMatchTheDatabaseOnceTheirCountsAreOlderThanTheMaximumAge() {
		ApiClient administrator = ApiClient.bearer(port, fixtures.token(fixtures.user("ops-admin", Role.ADMINISTRATOR)));
		CurrentUser requester = TestFixtures.current(fixtures.user("ops-requester", Role.REQUESTER));
		CurrentUser technician = TestFixtures.current(fixtures.user("ops-tech", Role.TECHNICIAN));
		clock.advance(backlogMaxAge.plusSeconds(1));
		String before = administrator.get("/actuator/prometheus").text();

		TicketId taken = tickets.register(demand(Channel.PORTAL), requester).id();
		tickets.register(demand(Channel.PORTAL), requester);
		tickets.transition(taken, Transition.of(TicketAction.TAKE), null, technician);

		String cached = administrator.get("/actuator/prometheus").text();
		for (Status status : Status.OPEN) {
			assertThat(sample(cached, "guichet_tickets_open", "status", status.name())).as("kept " + status)
				.isEqualTo(sample(before, "guichet_tickets_open", "status", status.name()));
		}
		clock.advance(backlogMaxAge.plusSeconds(1));
		String fresh = administrator.get("/actuator/prometheus").text();
		Map<Status, Long> inDatabase = openByStatus();
		for (Status status : Status.OPEN) {
			assertThat(sample(fresh, "guichet_tickets_open", "status", status.name())).as(status.name())
				.isEqualTo(inDatabase.getOrDefault(status, 0L).doubleValue());
		}
		assertThat(sample(fresh, "guichet_tickets_open", "status", "NEW"))
			.isEqualTo(sample(before, "guichet_tickets_open", "status", "NEW") + 1);
		assertThat(sample(fresh, "guichet_tickets_open", "status", "IN_PROGRESS"))
			.isEqualTo(sample(before, "guichet_tickets_open", "status", "IN_PROGRESS") + 1);
		assertThat(fresh).doesNotContain("status=\"CLOSED\"", "status=\"RESOLVED\"");
	}

	@Test
	void ticketsCreatedAreCountedByChannelAndType() {
		ApiClient administrator = ApiClient.bearer(port, fixtures.token(fixtures.user("ops-admin", Role.ADMINISTRATOR)));
		CurrentUser requester = TestFixtures.current(fixtures.user("ops-requester", Role.REQUESTER));
		CurrentUser technician = TestFixtures.current(fixtures.user("ops-tech", Role.TECHNICIAN));
		String before = administrator.get("/actuator/prometheus").text();

		NewTicket call = new NewTicket(TicketType.INCIDENT, "Imprimante bloquée", "Bourrage papier au 2e",
				requester.id(), Channel.PHONE, null, Urgency.MEDIUM, Impact.LOW, List.of());
		tickets.register(call, technician);
		tickets.register(call, technician);
		tickets.register(demand(Channel.PORTAL), requester);

		String after = administrator.get("/actuator/prometheus").text();
		assertThat(created(after, "PHONE", "INCIDENT") - created(before, "PHONE", "INCIDENT")).isEqualTo(2);
		assertThat(created(after, "PORTAL", "INCIDENT") - created(before, "PORTAL", "INCIDENT")).isEqualTo(1);
		assertThat(created(after, "EMAIL", "INCIDENT") - created(before, "EMAIL", "INCIDENT")).isZero();
	}

	@Test
	void aBreachIsCountedWhenItHappensAndTheBreachedGaugeMatchesTheDatabase() {
		ApiClient administrator = ApiClient.bearer(port, fixtures.token(fixtures.user("ops-admin", Role.ADMINISTRATOR)));
		String department = "Ops " + UUID.randomUUID();
		long calendarId = calendars.define("24/7 " + department, StandardCalendars.twentyFourSeven()).id();
		SlaPolicy policy = new SlaPolicy("Ops policy " + department, calendarId);
		policy.conditions(null, null, department, null);
		for (Priority priority : Priority.values()) {
			policy.target(TicketType.INCIDENT, priority, Duration.ofHours(1), Duration.ofHours(4));
		}
		slaPolicies.save(policy);
		User requesterUser = fixtures.user("ops-requester", Role.REQUESTER);
		requesterUser.setDepartment(department);
		users.save(requesterUser);
		CurrentUser requester = TestFixtures.current(requesterUser);
		CurrentUser technician = TestFixtures.current(fixtures.user("ops-tech", Role.TECHNICIAN));
		TicketId late = tickets.register(demand(Channel.PORTAL), requester).id();
		String before = administrator.get("/actuator/prometheus").text();

		clock.advance(Duration.ofHours(2));
		tickets.transition(late, Transition.of(TicketAction.TAKE), null, technician);

		assertThat(jdbc.queryForObject("select sla_state from ticket where id = ?", String.class, late.value()))
			.isEqualTo(SlaState.BREACHED.name());
		String after = administrator.get("/actuator/prometheus").text();
		assertThat(sample(after, "guichet_sla_breaches_total") - sample(before, "guichet_sla_breaches_total"))
			.isEqualTo(1);
		assertThat(sample(after, "guichet_tickets_sla_breached")).isEqualTo(jdbc.queryForObject(
				"select count(*) from ticket where sla_state = 'BREACHED' and status in ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'PENDING')",
				Long.class).doubleValue());
	}

	@Test
	void nothingElseOfTheActuatorIsExposedEvenToAnAdministrator() {
		ApiClient administrator = ApiClient.bearer(port, fixtures.token(fixtures.user("ops-admin", Role.ADMINISTRATOR)));
		for (String path : List.of("/actuator", "/actuator/env", "/actuator/beans", "/actuator/metrics",
				"/actuator/info", "/actuator/heapdump", "/actuator/threaddump", "/actuator/loggers",
				"/actuator/configprops", "/actuator/mappings", "/actuator/shutdown", "/actuator/modulith")) {
			assertThat(administrator.get(path).status()).as(path).isEqualTo(404);
			assertThat(ApiClient.anonymous(port).get(path).status()).as(path).isEqualTo(401);
		}
	}

	private Map<Status, Long> openByStatus() {
		Map<Status, Long> counts = new java.util.EnumMap<>(Status.class);
		jdbc.query("select status, count(*) from ticket group by status",
				row -> {
					counts.put(Status.valueOf(row.getString(1)), row.getLong(2));
				});
		return counts;
	}

	private void signIn(HttpClient browser, String username) throws IOException, InterruptedException {
		String base = "http://localhost:" + port;
		String page = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), BodyHandlers.ofString())
			.body();
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
		assertThat(csrf.find()).as("the login form's CSRF token").isTrue();
		String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(TestFixtures.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
		HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(form))
			.build(), BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
	}

	private static double created(String scrape, String channel, String type) {
		return sample(scrape, "guichet_tickets_registered_total", "channel", channel, "type", type);
	}

	/** The value of the one sample of {@code name} whose labels include those given (name, value, …). */
	private static double sample(String scrape, String name, String... labels) {
		List<String> lines = scrape.lines()
			.filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
			.filter(line -> {
				for (int i = 0; i < labels.length; i += 2) {
					if (!line.contains(labels[i] + "=\"" + labels[i + 1] + "\"")) {
						return false;
					}
				}
				return true;
			})
			.toList();
		assertThat(lines).as(name + " " + List.of(labels)).hasSize(1);
		String line = lines.get(0);
		return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
	}

	private static NewTicket demand(Channel channel) {
		return new NewTicket(TicketType.INCIDENT, "Écran noir", "Plus d'affichage depuis ce matin", null, channel,
				null, Urgency.MEDIUM, Impact.LOW, List.of());
	}

}
