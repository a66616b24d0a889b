package org.guichet.tickets.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.StreamSupport;

import org.guichet.directory.Role;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.testing.ApiClient;
import org.guichet.testing.ApiClient.Response;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@GuichetIntegrationTest
class TicketApiIT {

	@Autowired
	TestFixtures fixtures;

	@LocalServerPort
	int port;

	User requesterUser;

	User technicianUser;

	ApiClient requester;

	ApiClient technician;

	@BeforeEach
	void setUp() {
		requesterUser = fixtures.user("alice", Role.REQUESTER);
		technicianUser = fixtures.user("tech", Role.TECHNICIAN);
		fixtures.group(SupportLevel.N1, technicianUser);
		requester = ApiClient.bearer(port, fixtures.token(requesterUser));
		technician = ApiClient.bearer(port, fixtures.token(technicianUser));
	}

	@Test
	void aTicketGoesThroughItsWholeLifecycleThroughTheApi() {
		String title = "Printer jam " + UUID.randomUUID();
		String key = UUID.randomUUID().toString();
		Response created = requester.post("/api/v1/tickets", newTicket(title), "Idempotency-Key", key);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode ticket = created.json();
		long id = ticket.get("id").asLong();
		assertThat(ticket.get("number").asString()).isEqualTo("#" + id);
		assertThat(ticket.get("status").asString()).isEqualTo("NEW");
		assertThat(ticket.get("channel").asString()).isEqualTo("API");
		assertThat(ticket.get("requester").get("username").asString()).isEqualTo(requesterUser.getUsername());
		assertThat(ticket.get("registeredBy").get("id").asLong()).isEqualTo(requesterUser.getId());
		assertThat(ticket.get("group").isNull()).isTrue();
		assertThat(ticket.get("assignee").isNull()).isTrue();
		assertThat(created.header("Location")).endsWith("/api/v1/tickets/" + id);
		assertThat(created.header("ETag")).isEqualTo("\"" + ticket.get("version").asLong() + "\"");

		Response retried = requester.post("/api/v1/tickets", newTicket(title), "Idempotency-Key", key);
		assertThat(retried.status()).isEqualTo(201);
		assertThat(retried.json().get("id").asLong()).isEqualTo(id);

		Response queue = technician.get("/api/v1/tickets?queue=UNASSIGNED&text=" + title.replace(" ", "%20"));
		assertThat(queue.status()).as(queue.toString()).isEqualTo(200);
		assertThat(ids(queue.json().get("items"))).containsExactly(id);
		assertThat(queue.json().get("hasNext").asBoolean()).isFalse();

		String path = "/api/v1/tickets/" + id;
		JsonNode taken = transition(technician, id, Map.of("action", "TAKE"));
		assertThat(taken.get("status").asString()).isEqualTo("IN_PROGRESS");
		assertThat(taken.get("assignee").get("id").asLong()).isEqualTo(technicianUser.getId());

		assertThat(technician.post(path + "/comments", Map.of("body", "Which tray?", "internal", false)).status())
			.isEqualTo(201);
		Response note = technician.post(path + "/comments", Map.of("body", "Probably tray 2", "internal", true));
		assertThat(note.status()).isEqualTo(201);
		assertThat(note.json().get("internal").asBoolean()).isTrue();
		assertThat(note.json().get("author").get("username").asString()).isEqualTo(technicianUser.getUsername());

		JsonNode pending = transition(technician, id, Map.of("action", "PENDING", "reason", "USER"));
		assertThat(pending.get("status").asString()).isEqualTo("PENDING");
		assertThat(pending.get("pendingReason").asString()).isEqualTo("USER");

		assertThat(requester.post(path + "/comments", Map.of("body", "Tray 2", "internal", false)).status())
			.isEqualTo(201);
		assertThat(requester.get(path).json().get("status").asString()).isEqualTo("IN_PROGRESS");

		JsonNode resolved = transition(technician, id,
				Map.of("action", "RESOLVE", "solution", "Removed the paper", "solutionKind", "WORKAROUND"));
		assertThat(resolved.get("status").asString()).isEqualTo("RESOLVED");
		assertThat(resolved.get("solutionKind").asString()).isEqualTo("WORKAROUND");

		JsonNode refused = transition(requester, id, Map.of("action", "REFUSE", "reason", "It jams again"));
		assertThat(refused.get("status").asString()).isEqualTo("IN_PROGRESS");
		assertThat(refused.get("reopenCount").asInt()).isEqualTo(1);
		assertThat(refused.get("assignee").get("id").asLong()).isEqualTo(technicianUser.getId());

		transition(technician, id,
				Map.of("action", "RESOLVE", "solution", "Replaced the roller", "solutionKind", "PERMANENT"));
		JsonNode closed = transition(requester, id, Map.of("action", "ACCEPT"));
		assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
		assertThat(closed.get("closedAt").isNull()).isFalse();

		Response rated = requester.post(path + "/satisfaction", Map.of("rating", 5, "comment", "Quick and kind"));
		assertThat(rated.status()).as(rated.toString()).isEqualTo(200);
		assertThat(rated.json().get("satisfaction").get("rating").asInt()).isEqualTo(5);
		assertThat(rated.json().get("satisfaction").get("comment").asString()).isEqualTo("Quick and kind");

		List<String> statusChanges = new ArrayList<>();
		for (JsonNode entry : requester.get(path + "/history").json()) {
			if (entry.get("field").asString().equals("status")) {
				statusChanges.add(entry.get("newValue").asString() + " by " + entry.get("actor").get("username").asString());
			}
		}
		String tech = technicianUser.getUsername();
		String alice = requesterUser.getUsername();
		assertThat(statusChanges).containsExactly("NEW by " + alice, "IN_PROGRESS by " + tech, "PENDING by " + tech,
				"IN_PROGRESS by " + alice, "RESOLVED by " + tech, "IN_PROGRESS by " + alice, "RESOLVED by " + tech,
				"CLOSED by " + alice);

		Response illegal = technician.post(path + "/transitions", Map.of("action", "TAKE"));
		assertThat(illegal.status()).isEqualTo(409);
		assertThat(illegal.header("Content-Type")).startsWith("application/problem+json");
		assertThat(illegal.json().get("code").asString()).isEqualTo("ticket.transition.illegal");
	}

	@Test
	void concurrentCreationsWithTheSameIdempotencyKeyMakeOneTicket() throws Exception {
		int clients = 6;
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			for (int round = 0; round < 3; round++) {
				String key = UUID.randomUUID().toString();
				String title = "Twice " + UUID.randomUUID();
				CountDownLatch start = new CountDownLatch(1);
				List<CompletableFuture<Response>> calls = new ArrayList<>();
				for (int i = 0; i < clients; i++) {
					calls.add(CompletableFuture.supplyAsync(() -> {
						awaitQuietly(start);
						return requester.post("/api/v1/tickets", newTicket(title), "Idempotency-Key", key);
					}, pool));
				}
				start.countDown();
				List<Long> ids = new ArrayList<>();
				for (CompletableFuture<Response> call : calls) {
					Response response = call.get();
					assertThat(response.status()).as(response.toString()).isEqualTo(201);
					ids.add(response.json().get("id").asLong());
				}
				assertThat(ids).containsOnly(ids.get(0));
				Response made = requester.get("/api/v1/tickets?text=" + title.replace(" ", "%20"));
				assertThat(ids(made.json().get("items"))).containsExactly(ids.get(0));
			}
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void aChangeMadeOnAStaleVersionIsRefusedWith412AndLosesNothing() {
		long id = requester.post("/api/v1/tickets", newTicket("Screen flickers")).json().get("id").asLong();
		String path = "/api/v1/tickets/" + id;
		String etag = technician.get(path).header("ETag");

		Response first = technician.patch(path, Map.of("title", "Screen flickers on dock"), "If-Match", etag);
		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		assertThat(first.header("ETag")).isNotEqualTo(etag);

		Response second = technician.patch(path, Map.of("title", "Something else"), "If-Match", etag);
		assertThat(second.status()).isEqualTo(412);
		assertThat(second.header("Content-Type")).startsWith("application/problem+json");
		assertThat(second.json().get("code").asString()).isEqualTo("ticket.version-stale");
		assertThat(second.json().get("currentVersion").asLong()).isEqualTo(first.json().get("version").asLong());
		assertThat(second.json().get("field").asString()).as("where the stale version came from").isEqualTo("If-Match");
		assertThat(technician.get(path).json().get("title").asString()).isEqualTo("Screen flickers on dock");

		Response unversioned = technician.patch(path, Map.of("title", "No version"));
		assertThat(unversioned.status()).isEqualTo(428);
		assertThat(unversioned.json().get("code").asString()).isEqualTo("ticket.version-required");

		Response bodyVersion = technician.patch(path,
				Map.of("urgency", "HIGH", "version", first.json().get("version").asLong()));
		assertThat(bodyVersion.status()).as(bodyVersion.toString()).isEqualTo(200);
		assertThat(bodyVersion.json().get("urgency").asString()).isEqualTo("HIGH");

		Response staleBody = technician.patch(path,
				Map.of("urgency", "LOW", "version", first.json().get("version").asLong()));
		assertThat(staleBody.status()).isEqualTo(412);
		assertThat(staleBody.json().get("field").asString()).as("where the stale version came from").isEqualTo("version");
	}

	@Test
	void badInputIsAProblemNamingTheField() {
		Response unknownUrgency = requester.postRaw("/api/v1/tickets",
				"{\"type\":\"INCIDENT\",\"title\":\"t\",\"description\":\"d\",\"urgency\":\"SOMEWHAT\"}");
		assertProblem(unknownUrgency, 400, "urgency");

		Response blankTitle = requester.post("/api/v1/tickets",
				Map.of("type", "INCIDENT", "title", " ", "description", "d", "urgency", "LOW"));
		assertProblem(blankTitle, 400, "title");

		long id = requester.post("/api/v1/tickets", newTicket("Mouse")).json().get("id").asLong();
		assertProblem(requester.post("/api/v1/tickets/" + id + "/satisfaction", Map.of("rating", 9)), 400, "rating");
		assertProblem(technician.post("/api/v1/tickets/" + id + "/transitions",
				Map.of("action", "PENDING", "reason", "LUNCH")), 400, "reason");
		assertProblem(technician.get("/api/v1/tickets?status=SLEEPING"), 400, "status");
	}

	@Test
	void anAttachmentIsServedWithSafeHeaders() {
		long id = requester.post("/api/v1/tickets", newTicket("Error message")).json().get("id").asLong();
		String path = "/api/v1/tickets/" + id + "/attachments";

		Response text = requester.upload(path, "log.txt", "text/plain", "disk full".getBytes(), false);
		assertThat(text.status()).as(text.toString()).isEqualTo(201);
		Response textFile = requester.get(path + "/" + text.json().get("id").asLong());
		assertThat(textFile.status()).isEqualTo(200);
		assertThat(textFile.header("Content-Type")).startsWith("text/plain");
		assertThat(textFile.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(textFile.header("Content-Disposition")).startsWith("inline");
		assertThat(textFile.text()).isEqualTo("disk full");

		Response html = requester.upload(path, "page.html", "text/html", "<script>alert(1)</script>".getBytes(),
				false);
		assertThat(html.status()).isEqualTo(201);
		Response htmlFile = requester.get(path + "/" + html.json().get("id").asLong());
		assertThat(htmlFile.header("Content-Type")).isEqualTo("application/octet-stream");
		assertThat(htmlFile.header("Content-Disposition")).startsWith("attachment").contains("page.html");
		assertThat(htmlFile.header("X-Content-Type-Options")).isEqualTo("nosniff");

		assertThat(ids(requester.get(path).json())).containsExactly(text.json().get("id").asLong(),
				html.json().get("id").asLong());
	}

	@Test
	void anAgentBreaksATicketIntoTasks() {
		long id = requester.post("/api/v1/tickets", newTicket("New starter")).json().get("id").asLong();
		String path = "/api/v1/tickets/" + id + "/tasks";
		Response task = technician.post(path,
				Map.of("title", "Prepare laptop", "assigneeId", technicianUser.getId(), "plannedMinutes", 60));
		assertThat(task.status()).as(task.toString()).isEqualTo(201);
		assertThat(task.json().get("status").asString()).isEqualTo("TODO");
		assertThat(task.json().get("assignee").get("id").asLong()).isEqualTo(technicianUser.getId());

		Response done = technician.patch(path + "/" + task.json().get("id").asLong(),
				Map.of("status", "DONE", "actualMinutes", 45));
		assertThat(done.status()).as(done.toString()).isEqualTo(200);
		assertThat(done.json().get("actualMinutes").asInt()).isEqualTo(45);
		JsonNode tasks = technician.get(path).json();
		assertThat(tasks).hasSize(1);
		assertThat(tasks.get(0).get("status").asString()).isEqualTo("DONE");
		assertProblem(requester.get(path), 404, null);
		assertThat(requester.post(path, Map.of("title", "Sneaky")).status()).isEqualTo(404);
	}

	@Test
	void theDirectoryAndTheCategoryTreeAreServed() {
		var category = fixtures.category("Wi-Fi");
		Response categories = requester.get("/api/v1/categories");
		assertThat(categories.status()).isEqualTo(200);
		assertThat(StreamSupport.stream(categories.json().spliterator(), false)
			.map(node -> node.get("name").asString())).contains(category.getName());

		JsonNode me = technician.get("/api/v1/users/me").json();
		assertThat(me.get("username").asString()).isEqualTo(technicianUser.getUsername());
		assertThat(me.get("role").asString()).isEqualTo("TECHNICIAN");
		assertThat(me.get("groups").get(0).get("level").asString()).isEqualTo("N1");

		Response groups = technician.get("/api/v1/groups");
		assertThat(groups.status()).isEqualTo(200);
		assertThat(groups.json().get(0).has("members")).isTrue();
		assertProblem(requester.get("/api/v1/groups"), 403, null);
	}

	@Test
	void theOpenApiDescriptionListsTheTicketsEndpoints() {
		Response docs = ApiClient.anonymous(port).get("/v3/api-docs");
		assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
		JsonNode description = docs.json();
		assertThat(description.get("info").get("title").asString()).isEqualTo("Guichet");
		assertThat(description.get("paths").has("/api/v1/tickets")).isTrue();
		assertThat(description.get("paths").has("/api/v1/tickets/{id}/transitions")).isTrue();
		assertThat(description.get("components").get("securitySchemes").has("basic")).isTrue();
		assertThat(description.get("components").get("securitySchemes").has("bearer")).isTrue();
	}

	private JsonNode transition(ApiClient client, long id, Map<String, Object> body) {
		Response response = client.post("/api/v1/tickets/" + id + "/transitions", body);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.header("ETag")).isEqualTo("\"" + response.json().get("version").asLong() + "\"");
		return response.json();
	}

	static Map<String, Object> newTicket(String title) {
		return Map.of("type", "INCIDENT", "title", title, "description", "It does not work", "urgency", "MEDIUM");
	}

	@Test
	void cancellingATicketAsksForAReasonNamingTheFieldAndShowsTheReasonGiven() {
		long id = requester.post("/api/v1/tickets", newTicket("Wrong printer")).json().get("id").asLong();
		String path = "/api/v1/tickets/" + id + "/transitions";
		assertProblem(requester.post(path, Map.of("action", "CANCEL")), 400, "reason");
		assertProblem(requester.post(path, Map.of("action", "CANCEL", "reason", "  ")), 400, "reason");

		Response cancelled = requester.post(path, Map.of("action", "CANCEL", "reason", "Filed for the wrong floor"));
		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
		JsonNode ticket = technician.get("/api/v1/tickets/" + id).json();
		assertThat(ticket.get("status").asString()).isEqualTo("CANCELLED");
		assertThat(ticket.get("cancelReason").asString()).isEqualTo("Filed for the wrong floor");
	}

	static List<Long> ids(JsonNode array) {
		return StreamSupport.stream(array.spliterator(), false).map(node -> node.get("id").asLong()).toList();
	}

	static void assertProblem(Response response, int status, String field) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		if (field != null) {
			assertThat(response.json().get("field").asString()).isEqualTo(field);
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
