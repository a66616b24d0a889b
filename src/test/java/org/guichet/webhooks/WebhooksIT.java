package org.guichet.webhooks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import com.sun.net.httpserver.HttpServer;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.system.CacheGenerations;
import org.guichet.testing.ApiClient;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.LocalServers;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Impact;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Outgoing webhooks in the whole application, against a receiver started by the test (a JDK
 * HttpServer): the document posted once per event with a signature the receiver can check, the
 * filters, retries of a 5xx and a receiver down given up then sent again, no internal note ever
 * sent, the pages and the API for administrators. The sender job runs every 200 ms, retries within
 * a second and gives up after 3 attempts (application-test.properties). Every webhook is deleted
 * after each test, as the application is shared with the other tests.
 */
@GuichetIntegrationTest
class WebhooksIT {

	/** One post the receiver took. */
	record Received(String path, String signature, String eventId, String body) {

		JsonNode json() {
			return ApiClient.JSON.readTree(body);
		}

	}

	private static HttpServer receiver;

	private static final List<Received> received = new CopyOnWriteArrayList<>();

	/** The statuses the receiver answers on a path, in turn; 200 once they are used up. */
	private static final Map<String, Deque<Integer>> answers = new ConcurrentHashMap<>();

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private Webhooks webhooks;

	@Autowired
	private CacheGenerations generations;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private JdbcTemplate jdbc;

	@LocalServerPort
	private int port;

	private MockMvc mvc;

	private User admin;

	private User agent;

	@BeforeAll
	static void startReceiver() throws IOException {
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/", exchange -> {
			String path = exchange.getRequestURI().getPath();
			received.add(new Received(path, exchange.getRequestHeaders().getFirst("X-Guichet-Signature"),
					exchange.getRequestHeaders().getFirst("X-Guichet-Event-Id"),
					new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
			Deque<Integer> scripted = answers.get(path);
			Integer code = scripted == null ? null : scripted.poll();
			int status = code == null ? 200 : code;
			byte[] answer = (status == 200 ? "thanks" : "receiver broken " + status).getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(status, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		receiver.start();
	}

	@AfterAll
	static void stopReceiver() {
		receiver.stop(0);
	}

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		admin = fixtures.user("webhooks-admin", Role.ADMINISTRATOR);
		agent = fixtures.user("webhooks-agent", Role.TECHNICIAN);
	}

	@AfterEach
	void removeWebhooks() {
		jdbc.update("delete from webhook");
		generations.changed("webhook-subscriptions");
		answers.clear();
	}

	@Test
	void aCreatedTicketIsDeliveredOnceWithASignatureTheReceiverVerifies() throws Exception {
		String path = "/created-" + UUID.randomUUID();
		Webhooks.Created webhook = webhooks.create(definition(path, Set.of(WebhookEvent.TICKET_CREATED)), admin.getId());
		String title = "Webhook printer " + UUID.randomUUID();

		TicketId id = register(title);

		waitFor(() -> receivedOn(path).size() == 1);
		Received post = receivedOn(path).get(0);
		assertThat(WebhookSignature.verify(webhook.secret(), post.signature(), post.body())).isTrue();
		assertThat(WebhookSignature.verify(webhook.secret() + "x", post.signature(), post.body())).isFalse();
		long signedAt = Long.parseLong(post.signature().substring(2, post.signature().indexOf(',')));
		assertThat(signedAt).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
		JsonNode json = post.json();
		assertThat(json.get("id").asString()).isEqualTo(post.eventId()).hasSize(36);
		assertThat(json.get("type").asString()).isEqualTo("ticket.created");
		assertThat(Instant.parse(json.get("occurredAt").asString())).isNotNull();
		assertThat(json.get("occurredAt").asString()).endsWith("Z");
		JsonNode ticket = json.get("ticket");
		assertThat(ticket.get("id").asLong()).isEqualTo(id.value());
		assertThat(ticket.get("number").asString()).isEqualTo("#" + id.value());
		assertThat(ticket.get("title").asString()).isEqualTo(title);
		assertThat(ticket.get("status").asString()).isEqualTo("NEW");
		assertThat(ticket.get("priority").asString()).isNotBlank();
		assertThat(ticket.has("group")).isTrue();
		assertThat(ticket.has("category")).isTrue();
		assertThat(ticket.get("url").asString()).isEqualTo("http://localhost/agent/tickets/" + id.value());
		assertThat(post.body()).doesNotContain("The paper is stuck");

		waitFor(() -> "DELIVERED".equals(deliveryStatus(webhook.webhook().id(), id)));
		Thread.sleep(600);
		assertThat(receivedOn(path)).as("delivered once").hasSize(1);
		assertThat(jdbc.queryForList("select a.response_status from webhook_attempt a join webhook_delivery d"
				+ " on d.id = a.delivery_id where d.webhook_id = ?", Integer.class, webhook.webhook().id()))
			.containsExactly(200);
	}

	@Test
	void aTicketOfAGroupFilteredOutIsNotDelivered() throws Exception {
		SupportGroup watched = fixtures.group(SupportLevel.N1, agent);
		SupportGroup other = fixtures.group(SupportLevel.N1, agent);
		String watchedPath = "/watched-" + UUID.randomUUID();
		String otherPath = "/other-" + UUID.randomUUID();
		webhooks.create(new WebhookDefinition("Watched", url(watchedPath), null, Set.of(WebhookEvent.TICKET_ASSIGNED),
				true, Set.of(watched.getId()), Set.of()), admin.getId());
		webhooks.create(new WebhookDefinition("Other", url(otherPath), null, Set.of(WebhookEvent.TICKET_ASSIGNED), true,
				Set.of(other.getId()), Set.of()), admin.getId());
		webhooks.create(new WebhookDefinition("Inactive", url(watchedPath + "-inactive"), null,
				Set.of(WebhookEvent.TICKET_ASSIGNED), false, Set.of(), Set.of()), admin.getId());

		TicketId id = register("Filtered " + UUID.randomUUID());
		tickets.assign(id, other.getId(), null, null, TestFixtures.current(agent));

		waitFor(() -> receivedOn(otherPath).size() == 1);
		Thread.sleep(600);
		assertThat(receivedOn(watchedPath)).isEmpty();
		assertThat(receivedOn(watchedPath + "-inactive")).isEmpty();
		assertThat(receivedOn(otherPath).get(0).json().get("ticket").get("group").get("id").asLong())
			.isEqualTo(other.getId());
		assertThat(jdbc.queryForObject("select count(*) from webhook_delivery where ticket_id = ?", Integer.class,
				id.value())).isEqualTo(1);
	}

	@Test
	void a500ThenA200IsRetriedAndBothAttemptsAreLogged() throws Exception {
		String path = "/flaky-" + UUID.randomUUID();
		answers.put(path, new ArrayDeque<>(List.of(500)));
		Webhooks.Created webhook = webhooks.create(definition(path, Set.of(WebhookEvent.TICKET_CREATED)), admin.getId());

		TicketId id = register("Flaky " + UUID.randomUUID());

		waitFor(() -> "DELIVERED".equals(deliveryStatus(webhook.webhook().id(), id)));
		List<Received> posts = receivedOn(path);
		assertThat(posts).hasSize(2);
		assertThat(posts.get(1).eventId()).as("same event, for the receiver's deduplication")
			.isEqualTo(posts.get(0).eventId());
		assertThat(posts.get(1).body()).isEqualTo(posts.get(0).body());
		Webhooks.Delivery delivery = webhooks.deliveries(webhook.webhook().id()).get(0);
		assertThat(delivery.attempts()).isEqualTo(2);
		assertThat(delivery.responseStatus()).isEqualTo(200);
		assertThat(delivery.attemptLog()).extracting(Webhooks.Attempt::responseStatus).containsExactly(500, 200);
		assertThat(delivery.attemptLog().get(0).excerpt()).isEqualTo("receiver broken 500");
		assertThat(delivery.attemptLog().get(0).error()).isEqualTo("HTTP 500");
		assertThat(delivery.attemptLog().get(1).excerpt()).isEqualTo("thanks");

		String page = page(login(admin), "/admin/webhooks/" + webhook.webhook().id());
		assertThat(page).contains("id=\"delivery-" + delivery.id() + "\"").contains("receiver broken 500")
			.contains("HTTP 500").doesNotContain(webhook.secret());
	}

	@Test
	void aReceiverDownIsGivenUpAfterTheAttemptsAndSendAgainDeliversIt() throws Exception {
		int closedPort = LocalServers.freePort();
		Webhooks.Created webhook = webhooks.create(new WebhookDefinition("Down",
				"http://127.0.0.1:" + closedPort + "/down", null, Set.of(WebhookEvent.TICKET_CREATED), true, Set.of(),
				Set.of()), admin.getId());
		long webhookId = webhook.webhook().id();
		TicketId id = register("Down " + UUID.randomUUID());

		waitFor(() -> "FAILED".equals(deliveryStatus(webhookId, id)));
		Webhooks.Delivery failed = webhooks.deliveries(webhookId).get(0);
		assertThat(failed.attempts()).isEqualTo(3);
		assertThat(failed.attemptLog()).hasSize(3).allSatisfy(attempt -> {
			assertThat(attempt.responseStatus()).isNull();
			assertThat(attempt.error()).startsWith("Could not post");
		});
		MockHttpSession session = login(admin);
		assertThat(page(session, "/admin/webhooks/" + webhookId)).contains("id=\"webhook-resend-" + failed.id() + "\"");

		String path = "/back-" + UUID.randomUUID();
		webhooks.update(webhookId, definition(path, Set.of(WebhookEvent.TICKET_CREATED)));
		mvc.perform(post("/admin/webhooks/" + webhookId + "/deliveries/" + failed.id() + "/resend").session(session)
			.with(csrf()))
			.andExpect(redirectedUrl("/admin/webhooks/" + webhookId + "#deliveries"))
			.andExpect(flash().attribute("resent", failed.id()));

		waitFor(() -> "DELIVERED".equals(deliveryStatus(webhookId, id)));
		assertThat(receivedOn(path)).hasSize(1);
		assertThat(receivedOn(path).get(0).eventId()).isEqualTo(failed.eventId());
		assertThat(WebhookSignature.verify(webhook.secret(), receivedOn(path).get(0).signature(),
				receivedOn(path).get(0).body())).isTrue();
		mvc.perform(post("/admin/webhooks/" + webhookId + "/deliveries/999999999/resend").session(session).with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void noPayloadEverCarriesAnInternalNoteNorACommentsText() throws Exception {
		String path = "/comments-" + UUID.randomUUID();
		webhooks.create(definition(path, EnumSet.allOf(WebhookEvent.class)), admin.getId());
		TicketId id = register("Notes " + UUID.randomUUID());
		String note = "Internal note " + UUID.randomUUID();
		String reply = "Public reply " + UUID.randomUUID();

		tickets.comment(id, note, true, TestFixtures.current(agent));
		tickets.comment(id, reply, false, TestFixtures.current(agent));

		waitFor(() -> receivedOn(path).stream().anyMatch(r -> r.json().get("type").asString().equals("ticket.commented")));
		Thread.sleep(600);
		List<Received> posts = receivedOn(path);
		assertThat(posts).noneSatisfy(r -> assertThat(r.body()).contains(note));
		assertThat(posts).noneSatisfy(r -> assertThat(r.body()).contains(reply));
		assertThat(posts.stream().filter(r -> r.json().get("type").asString().equals("ticket.commented")))
			.as("the public reply only").hasSize(1);
		assertThat(jdbc.queryForList("select payload from webhook_delivery where ticket_id = ?", String.class, id.value()))
			.noneSatisfy(payload -> assertThat(payload).contains(note));
	}

	@Test
	void theSecretIsShownOnceThenKeptEncryptedAndAWrongAddressIsRefusedNextToItsField() throws Exception {
		MockHttpSession session = login(admin);
		String name = "Page " + UUID.randomUUID();
		String refused = mvc.perform(post("/admin/webhooks/new").session(session).with(csrf()).param("name", name)
			.param("url", "ftp://files.example.org/drop").param("events", "TICKET_CREATED").param("secret", "short"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("id=\"url-error\"").contains("id=\"secret-error\"")
			.contains("value=\"ftp://files.example.org/drop\"").contains("value=\"" + name + "\"");
		assertThat(jdbc.queryForObject("select count(*) from webhook where name = ?", Integer.class, name)).isZero();

		org.springframework.test.web.servlet.MvcResult created = mvc.perform(post("/admin/webhooks/new").session(session)
			.with(csrf())
			.param("name", name)
			.param("url", url("/page"))
			.param("events", "TICKET_CREATED", "SLA_BREACHED")
			.param("active", "true"))
			.andExpect(redirectedUrlPattern("/admin/webhooks/*"))
			.andReturn();
		String location = created.getResponse().getRedirectedUrl();
		String secret = (String) created.getFlashMap().get("createdSecret");
		assertThat(secret).startsWith("whsec_");
		assertThat(page(session, location)).as("shown once, after the redirect").contains("id=\"webhook-secret-value\">" + secret + "<");
		Map<String, Object> row = jdbc.queryForMap("select id, secret, events from webhook where name = ?", name);
		assertThat((String) row.get("SECRET")).startsWith("v1.");
		assertThat(row.get("EVENTS")).isEqualTo("TICKET_CREATED,SLA_BREACHED");
		assertThat(page(session, location)).as("never shown again").doesNotContain(secret).contains("id=\"webhook-form\"");
		assertThat(page(session, "/admin/webhooks")).contains(name);
		assertThat(page(session, "/admin")).contains("href=\"/admin/webhooks\"");
	}

	@Test
	void theApiCreatesWithTheSecretOnceRefusesAWrongUrlByFieldAndIsForAdministratorsOnly() throws Exception {
		ApiClient api = ApiClient.bearer(port, fixtures.token(admin));
		ApiClient.Response refused = api.post("/api/v1/webhooks",
				Map.of("name", "Api", "url", "javascript:alert(1)", "events", List.of("ticket.created"), "active", true,
						"groupIds", List.of(), "categoryIds", List.of()));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.text()).contains("\"url\"");

		ApiClient.Response created = api.post("/api/v1/webhooks", Map.of("name", "Api", "url", url("/api"), "events",
				List.of("ticket.created", "APPROVAL_DECIDED"), "secret", "a-secret-of-sixteen-or-more", "active", true,
				"groupIds", List.of(), "categoryIds", List.of()));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("secret").asString()).isEqualTo("a-secret-of-sixteen-or-more");
		long id = created.json().get("webhook").get("id").asLong();
		ApiClient.Response read = api.get("/api/v1/webhooks/" + id);
		assertThat(read.json().get("events").toString()).isEqualTo("[\"ticket.created\",\"approval.decided\"]");
		assertThat(read.text()).doesNotContain("a-secret-of-sixteen-or-more");
		assertThat(api.get("/api/v1/webhooks/" + id + "/deliveries").status()).isEqualTo(200);
		assertThat(api.put("/api/v1/webhooks/" + id, Map.of("name", "Api renamed", "url", url("/api"), "events",
				List.of("ticket.nothing"), "active", true, "groupIds", List.of(), "categoryIds", List.of())).status())
			.isEqualTo(400);
		ApiClient.Response partial = api.put("/api/v1/webhooks/" + id, Map.of("name", "Api renamed", "url", url("/api"),
				"events", List.of("ticket.created")));
		assertThat(partial.status()).as("a replacement without active does not switch it on or off").isEqualTo(400);
		assertThat(partial.json().get("errors").findValuesAsString("field")).containsExactly("active", "groupIds",
				"categoryIds");
		assertThat(ApiClient.bearer(port, fixtures.token(agent)).get("/api/v1/webhooks").status()).isEqualTo(403);
		assertThat(api.delete("/api/v1/webhooks/" + id).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/webhooks/" + id).status()).isEqualTo(404);
	}

	private TicketId register(String title) {
		User requester = fixtures.user("webhooks-requester", Role.REQUESTER);
		return tickets.register(new NewTicket(TicketType.INCIDENT, title, "The paper is stuck.", null, Channel.PORTAL,
				null, Urgency.MEDIUM, Impact.LOW, List.of()), TestFixtures.current(requester)).id();
	}

	private WebhookDefinition definition(String path, Set<WebhookEvent> events) {
		return new WebhookDefinition("Hook " + path, url(path), null, events, true, Set.of(), Set.of());
	}

	private static String url(String path) {
		return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
	}

	private static List<Received> receivedOn(String path) {
		return received.stream().filter(r -> r.path().equals(path)).toList();
	}

	private String deliveryStatus(long webhookId, TicketId ticket) {
		List<String> statuses = jdbc.queryForList("select status from webhook_delivery where webhook_id = ? and ticket_id = ?",
				String.class, webhookId, ticket.value());
		return statuses.isEmpty() ? "" : statuses.get(0);
	}

	private static void waitFor(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + 20_000_000_000L;
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited 20 s").isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	private MockHttpSession login(User user) throws Exception {
		return (MockHttpSession) mvc.perform(formLogin("/login").user(user.getUsername()).password(TestFixtures.PASSWORD))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

	private String page(MockHttpSession session, String path) throws Exception {
		return mvc.perform(get(path).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
