package org.guichet.tickets.api;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

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
import org.guichet.tickets.DeskSettings;
import org.guichet.tickets.ReplyToResolved;
import org.guichet.tickets.TicketManagement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a requester's reply does to a ticket waiting on them, through the API as an integration
 * (and, later, the e-mail channel) sends it: without saying whether the problem is solved.
 */
@GuichetIntegrationTest
class RequesterReplyIT {

	@Autowired
	TestFixtures fixtures;

	@Autowired
	TicketManagement tickets;

	@Autowired
	Notifications notifications;

	@Autowired
	DeskSettings settings;

	@Autowired
	ShiftableClock clock;

	@LocalServerPort
	int port;

	User requesterUser;

	User technicianUser;

	ApiClient requester;

	ApiClient technician;

	@BeforeEach
	void setUp() {
		requesterUser = fixtures.user("replier", Role.REQUESTER);
		technicianUser = fixtures.user("solver", Role.TECHNICIAN);
		fixtures.group(SupportLevel.N1, technicianUser);
		requester = ApiClient.bearer(port, fixtures.token(requesterUser));
		technician = ApiClient.bearer(port, fixtures.token(technicianUser));
	}

	@AfterEach
	void restore() {
		clock.reset();
		settings.saveReplyToResolved(ReplyToResolved.FLAG);
	}

	@Test
	void aReplyToAResolvedTicketFlagsItNotifiesItsTechnicianAndHoldsAutomaticClosureUntilTheTeamActs() {
		long id = resolvedTicket();
		String path = "/api/v1/tickets/" + id;

		assertThat(requester.post(path + "/comments", Map.of("body", "It still does not print", "internal", false))
			.status()).isEqualTo(201);
		JsonNode flagged = requester.get(path).json();
		assertThat(flagged.get("status").asString()).isEqualTo("RESOLVED");
		assertThat(flagged.get("requesterRepliedAt").isNull()).isFalse();
		assertThat(flagged.get("reopenCount").asInt()).isZero();
		assertThat(ids(technician.get("/api/v1/tickets?queue=REQUESTER_REPLIED&size=100").json().get("items")))
			.contains(id);
		assertThat(ids(technician.get("/api/v1/tickets?queue=MINE&size=100").json().get("items"))).contains(id);
		assertThat(notifications.newest(technicianUser.getId())).filteredOn(n -> Long.valueOf(id).equals(n.getTicketId()))
			.extracting(Notification::getMessageKey)
			.containsExactly("notification.requester-replied.RESOLVED");

		clock.advance(Duration.ofDays(settings.autoCloseDays() + 1));
		closeUnanswered();
		assertThat(status(id)).as("a ticket whose requester replied is not closed as unanswered").isEqualTo("RESOLVED");

		assertThat(technician.post(path + "/comments", Map.of("body", "Did you restart it?", "internal", false))
			.status()).isEqualTo(201);
		assertThat(technician.get(path).json().get("requesterRepliedAt").isNull()).isTrue();
		assertThat(ids(technician.get("/api/v1/tickets?queue=REQUESTER_REPLIED&size=100").json().get("items")))
			.doesNotContain(id);
		closeUnanswered();
		assertThat(status(id)).as("the requester gets the whole delay to answer the technician").isEqualTo("RESOLVED");

		clock.advance(Duration.ofDays(settings.autoCloseDays() + 1));
		closeUnanswered();
		JsonNode closed = technician.get(path).json();
		assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
		assertThat(closed.get("reopenCount").asInt()).isZero();
		assertThat(fields(technician.get(path + "/history").json())).contains("requesterReplied");
	}

	@Test
	void aFlaggedTicketCountsAsReopenedOnlyWhenTheTechnicianReopensItAndThenHasNoSolution() {
		long id = resolvedTicket();
		String path = "/api/v1/tickets/" + id;
		requester.post(path + "/comments", Map.of("body", "Not quite", "internal", false));
		assertThat(requester.get(path).json().get("reopenCount").asInt()).isZero();

		JsonNode reopened = transition(technician, id, Map.of("action", "REOPEN"));
		assertThat(reopened.get("status").asString()).isEqualTo("IN_PROGRESS");
		assertThat(reopened.get("reopenCount").asInt()).isEqualTo(1);
		assertThat(reopened.get("requesterRepliedAt").isNull()).isTrue();
		assertThat(reopened.get("solution").isNull()).isTrue();
		assertThat(reopened.get("solutionKind").isNull()).isTrue();
		List<JsonNode> history = list(requester.get(path + "/history").json());
		assertThat(history).anySatisfy(entry -> {
			assertThat(entry.get("field").asString()).isEqualTo("reopening");
			assertThat(entry.get("newValue").asString()).isEqualTo("REOPEN");
		});
		assertThat(history).anySatisfy(entry -> {
			assertThat(entry.get("field").asString()).isEqualTo("solution");
			assertThat(entry.get("oldValue").asString()).isEqualTo("Restarted the spooler");
			assertThat(entry.get("newValue").isNull()).isTrue();
		});
	}

	@Test
	void whenTheDeskSaysRepliesRefuseTheRequestersReplyRefusesTheSolution() {
		settings.saveReplyToResolved(ReplyToResolved.REFUSE);
		long id = resolvedTicket();
		String path = "/api/v1/tickets/" + id;
		requester.post(path + "/comments", Map.of("body", "Still jammed", "internal", false));

		JsonNode refused = requester.get(path).json();
		assertThat(refused.get("status").asString()).isEqualTo("IN_PROGRESS");
		assertThat(refused.get("reopenCount").asInt()).isEqualTo(1);
		assertThat(refused.get("solution").isNull()).isTrue();
		assertThat(refused.get("requesterRepliedAt").isNull()).isTrue();
		assertThat(list(requester.get(path + "/history").json())).anySatisfy(entry -> {
			assertThat(entry.get("field").asString()).isEqualTo("reopening");
			assertThat(entry.get("newValue").asString()).isEqualTo("REFUSAL");
		});
		assertThat(list(requester.get(path + "/comments").json())).extracting(c -> c.get("body").asString())
			.containsExactly("Still jammed");
	}

	@Test
	void aThankYouWithTheAcceptanceClosesTheTicketWithoutCountingAReopening() {
		long id = resolvedTicket();
		JsonNode closed = transition(requester, id, Map.of("action", "ACCEPT", "reason", "Thank you, it works"));
		assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
		assertThat(closed.get("reopenCount").asInt()).isZero();
		assertThat(closed.get("solution").asString()).isEqualTo("Restarted the spooler");
		assertThat(list(requester.get("/api/v1/tickets/" + id + "/comments").json()))
			.extracting(c -> c.get("body").asString())
			.containsExactly("Thank you, it works");
	}

	@Test
	void aReplyToAClosedTicketIsRefusedAndANewTicketFollowsItUpLinkedToIt() {
		long id = resolvedTicket();
		String path = "/api/v1/tickets/" + id;
		transition(requester, id, Map.of("action", "ACCEPT"));

		Response refused = requester.post(path + "/comments", Map.of("body", "It is broken again", "internal", false));
		TicketApiIT.assertProblem(refused, 409, null);
		assertThat(refused.json().get("code").asString()).isEqualTo("ticket.reply.closed");
		assertThat(refused.json().get("followUpOf").asLong()).isEqualTo(id);
		assertThat(refused.json().get("detail").asString()).contains("#" + id, "\"followUpOf\": " + id);
		assertThat(list(requester.get(path + "/comments").json())).isEmpty();
		assertThat(status(id)).isEqualTo("CLOSED");

		Map<String, Object> followUp = new HashMap<>(TicketApiIT.newTicket("Broken again " + UUID.randomUUID()));
		followUp.put("followUpOf", id);
		Response created = requester.post("/api/v1/tickets", followUp);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long newId = created.json().get("id").asLong();

		JsonNode fromNew = requester.get("/api/v1/tickets/" + newId + "/links").json();
		assertThat(list(fromNew)).singleElement().satisfies(link -> {
			assertThat(link.get("kind").asString()).isEqualTo("FOLLOW_UP_OF");
			assertThat(link.get("inverse").asBoolean()).isFalse();
			assertThat(link.get("ticket").get("id").asLong()).isEqualTo(id);
			assertThat(link.get("ticket").get("status").asString()).isEqualTo("CLOSED");
		});
		JsonNode fromOld = technician.get(path + "/links").json();
		assertThat(list(fromOld)).singleElement().satisfies(link -> {
			assertThat(link.get("inverse").asBoolean()).isTrue();
			assertThat(link.get("ticket").get("id").asLong()).isEqualTo(newId);
		});
		assertThat(fields(requester.get("/api/v1/tickets/" + newId + "/history").json())).contains("followUpOf");
		assertThat(fields(requester.get(path + "/history").json())).contains("followedUpBy");
		assertThat(status(id)).isEqualTo("CLOSED");

		ApiClient stranger = ApiClient.bearer(port, fixtures.token(fixtures.user("stranger", Role.REQUESTER)));
		TicketApiIT.assertProblem(stranger.post("/api/v1/tickets", followUp), 400, "followUpOf");
	}

	private long resolvedTicket() {
		Response created = requester.post("/api/v1/tickets", TicketApiIT.newTicket("Printer " + UUID.randomUUID()));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		transition(technician, id, Map.of("action", "TAKE"));
		transition(technician, id,
				Map.of("action", "RESOLVE", "solution", "Restarted the spooler", "solutionKind", "PERMANENT"));
		return id;
	}

	private void closeUnanswered() {
		while (tickets.closeUnanswered(200) == 200) {
			// every due ticket of the shared database, in batches
		}
	}

	private String status(long id) {
		return technician.get("/api/v1/tickets/" + id).json().get("status").asString();
	}

	private static JsonNode transition(ApiClient client, long id, Map<String, Object> body) {
		Response response = client.post("/api/v1/tickets/" + id + "/transitions", body);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private static List<JsonNode> list(JsonNode array) {
		return StreamSupport.stream(array.spliterator(), false).toList();
	}

	private static List<Long> ids(JsonNode array) {
		return list(array).stream().map(node -> node.get("id").asLong()).toList();
	}

	private static List<String> fields(JsonNode history) {
		return list(history).stream().map(entry -> entry.get("field").asString()).toList();
	}

}
