package org.guichet.tickets.api;

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
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Links, merge and observers through the REST API: the rules, the wording of each side, the
 * history of both tickets, and who sees what afterwards.
 */
@GuichetIntegrationTest
class TicketRelationsApiIT {

	@Autowired
	TestFixtures fixtures;

	@Autowired
	Notifications notifications;

	@LocalServerPort
	int port;

	User aliceUser;

	User bobUser;

	ApiClient alice;

	ApiClient bob;

	ApiClient technician;

	long groupId;

	@BeforeEach
	void setUp() {
		aliceUser = fixtures.user("alice", Role.REQUESTER);
		bobUser = fixtures.user("bob", Role.REQUESTER);
		User technicianUser = fixtures.user("linker", Role.TECHNICIAN);
		groupId = fixtures.group(SupportLevel.N1, technicianUser).getId();
		alice = ApiClient.bearer(port, fixtures.token(aliceUser));
		bob = ApiClient.bearer(port, fixtures.token(bobUser));
		technician = ApiClient.bearer(port, fixtures.token(technicianUser));
	}

	@Test
	void aDuplicateLinkReadsEachWayOnItsTwoTicketsIsRecordedOnBothAndCanBeRemoved() {
		long duplicate = ticket(alice, "Printer");
		long original = ticket(alice, "Printer again");

		Response created = technician.post(links(duplicate), Map.of("relation", "DUPLICATE_OF", "ticket", original));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().get("relation").asString()).isEqualTo("DUPLICATE_OF");
		assertThat(created.json().get("ticket").get("id").asLong()).isEqualTo(original);
		long linkId = created.json().get("id").asLong();

		assertThat(list(technician.get(links(original)).json())).singleElement().satisfies(link -> {
			assertThat(link.get("relation").asString()).isEqualTo("DUPLICATED_BY");
			assertThat(link.get("inverse").asBoolean()).isTrue();
			assertThat(link.get("removable").asBoolean()).isTrue();
			assertThat(link.get("ticket").get("id").asLong()).isEqualTo(duplicate);
		});
		assertThat(history(duplicate)).contains("duplicateOf: null -> #" + original);
		assertThat(history(original)).contains("duplicatedBy: null -> #" + duplicate);

		assertThat(technician.delete(links(original) + "/" + linkId).status()).isEqualTo(204);
		assertThat(list(technician.get(links(duplicate)).json())).isEmpty();
		assertThat(history(duplicate)).contains("duplicateOf: #" + original + " -> null");
		assertThat(history(original)).contains("duplicatedBy: #" + duplicate + " -> null");
	}

	@Test
	void aLinkIsRefusedToItselfToAnUnknownTicketTwiceOrInACircleOfParentsWithTheFieldAndTheReason() {
		long parent = ticket(alice, "Office move");
		long child = ticket(alice, "Move the printer");
		long grandchild = ticket(alice, "Move the toner");
		assertThat(technician.post(links(parent), Map.of("relation", "PARENT_OF", "ticket", child)).status())
			.isEqualTo(201);
		assertThat(technician.post(links(grandchild), Map.of("relation", "CHILD_OF", "ticket", child)).status())
			.isEqualTo(201);

		assertRefused(technician.post(links(parent), Map.of("relation", "RELATED_TO", "ticket", parent)), 400,
				"ticket.link.self");
		assertRefused(technician.post(links(parent), Map.of("relation", "RELATED_TO", "ticket", 999_999_999)), 400,
				"ticket.link.unknown");
		assertRefused(technician.post(links(child), Map.of("relation", "RELATED_TO", "ticket", parent)), 400,
				"ticket.link.already");
		Response cycle = technician.post(links(parent), Map.of("relation", "CHILD_OF", "ticket", grandchild));
		assertRefused(cycle, 400, "ticket.link.cycle.CHILD_OF");
		assertThat(cycle.json().get("detail").asString()).contains("#" + grandchild, "#" + parent);
		assertRefused(technician.post(links(child), Map.of("relation", "CHILD_OF", "ticket", grandchild)), 400,
				"ticket.link.already");
		long other = ticket(alice, "Another parent");
		assertRefused(technician.post(links(other), Map.of("relation", "PARENT_OF", "ticket", child)), 400,
				"ticket.link.one-parent");
		assertRefused(technician.post(links(other), Map.of("relation", "MERGED_INTO", "ticket", child)), 400,
				"ticket.link.not-by-hand");
		assertRefused(alice.post(links(other), Map.of("relation", "RELATED_TO", "ticket", child)), 403, null);
	}

	@Test
	void aRequesterSeesOnlyTheLinksToTicketsTheyMaySee() {
		long mine = ticket(alice, "Screen");
		long alsoMine = ticket(alice, "Screen cable");
		long bobs = ticket(bob, "Screen too");
		technician.post(links(mine), Map.of("relation", "RELATED_TO", "ticket", alsoMine));
		technician.post(links(mine), Map.of("relation", "DUPLICATED_BY", "ticket", bobs));

		assertThat(list(technician.get(links(mine)).json())).hasSize(2);
		assertThat(list(alice.get(links(mine)).json())).singleElement()
			.satisfies(link -> assertThat(link.get("ticket").get("id").asLong()).isEqualTo(alsoMine));
	}

	@Test
	void mergingMovesTheTimelineCarriesTheObserversOverCancelsTheDuplicateAndTellsItsRequester() {
		long duplicate = ticket(bob, "VPN down");
		long original = ticket(alice, "VPN does not connect");
		User carol = fixtures.user("carol", Role.REQUESTER);
		assertThat(technician.post(observers(duplicate), Map.of("userId", carol.getId())).status()).isEqualTo(201);
		assertThat(bob.post("/api/v1/tickets/" + duplicate + "/comments",
				Map.of("body", "Still down this morning", "internal", false)).status()).isEqualTo(201);
		assertThat(technician.post("/api/v1/tickets/" + duplicate + "/comments",
				Map.of("body", "Same as the other one", "internal", true)).status()).isEqualTo(201);
		assertThat(bob.upload("/api/v1/tickets/" + duplicate + "/attachments", "error.png", "image/png",
				new byte[] { 1, 2, 3 }, false).status()).isEqualTo(201);
		long version = technician.get("/api/v1/tickets/" + duplicate).json().get("version").asLong();

		Response merged = technician.post(merge(duplicate), Map.of("into", original, "version", version));
		assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
		assertThat(merged.json().get("id").asLong()).isEqualTo(original);

		JsonNode cancelled = technician.get("/api/v1/tickets/" + duplicate).json();
		assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
		assertThat(cancelled.get("solution").isNull()).as("a merged duplicate is not resolved").isTrue();
		List<JsonNode> timeline = list(technician.get("/api/v1/tickets/" + original + "/comments").json());
		assertThat(timeline).extracting(c -> c.get("body").asString())
			.contains("Still down this morning", "Same as the other one");
		assertThat(timeline).allSatisfy(c -> assertThat(c.get("mergedFrom").asString()).isEqualTo("#" + duplicate));
		assertThat(list(technician.get("/api/v1/tickets/" + original + "/attachments").json())).singleElement()
			.satisfies(file -> assertThat(file.get("mergedFrom").asString()).isEqualTo("#" + duplicate));
		assertThat(list(alice.get("/api/v1/tickets/" + original + "/comments").json()))
			.as("the requester of the ticket merged into never gets the internal note")
			.extracting(c -> c.get("body").asString())
			.containsExactly("Still down this morning");

		assertThat(list(technician.get(observers(original)).json())).extracting(o -> o.get("id").asLong())
			.containsExactlyInAnyOrder(bobUser.getId(), carol.getId());
		assertThat(bob.get("/api/v1/tickets/" + original).status()).as("the duplicate's requester observes").isEqualTo(200);
		assertThat(list(technician.get(links(duplicate)).json())).singleElement().satisfies(link -> {
			assertThat(link.get("relation").asString()).isEqualTo("MERGED_INTO");
			assertThat(link.get("removable").asBoolean()).isFalse();
		});
		assertThat(history(duplicate)).contains("mergedInto: null -> #" + original, "status: NEW -> CANCELLED");
		assertThat(history(original)).contains("mergedFrom: null -> #" + duplicate,
				"observers: null -> " + bobUser.getUsername());
		assertThat(notifications.newest(bobUser.getId())).filteredOn(n -> Long.valueOf(original).equals(n.getTicketId()))
			.extracting(Notification::getMessageKey)
			.containsExactly("notification.merged");

		assertRefused(technician.post(merge(duplicate), Map.of("into", original)), 409,
				"ticket.merge.duplicate-not-open");
		long another = ticket(bob, "VPN once more");
		assertRefused(technician.post(merge(another), Map.of("into", duplicate)), 409, "ticket.merge.into-closed");
		assertRefused(technician.post(merge(another), Map.of("into", another)), 400, "ticket.merge.self");
		assertRefused(technician.post(merge(another), Map.of("into", original, "version", 99)), 412,
				"ticket.version-stale");
		assertRefused(technician.delete(links(original) + "/" + list(technician.get(links(original)).json()).get(0)
			.get("id")
			.asLong()), 409, "ticket.link.permanent");
	}

	@Test
	void observersAreAddedAndRemovedOneByOneAndSeeTheTicketMeanwhile() {
		long id = ticket(alice, "Keyboard");
		User dave = fixtures.user("dave", Role.REQUESTER);
		User expert = fixtures.user("expert", Role.TECHNICIAN);
		fixtures.group(SupportLevel.N2, expert);
		ApiClient daveClient = ApiClient.bearer(port, fixtures.token(dave));
		ApiClient expertClient = ApiClient.bearer(port, fixtures.token(expert));
		assertThat(technician.post("/api/v1/tickets/" + id + "/assign", Map.of("groupId", groupId)).status())
			.isEqualTo(200);
		assertThat(daveClient.get("/api/v1/tickets/" + id).status()).isEqualTo(404);

		assertThat(technician.post(observers(id), Map.of("userId", dave.getId())).status()).isEqualTo(201);
		assertThat(technician.post(observers(id), Map.of("userId", expert.getId())).status()).isEqualTo(201);
		assertThat(daveClient.get("/api/v1/tickets/" + id).status()).isEqualTo(200);
		assertThat(expertClient.get("/api/v1/tickets/" + id).status()).as("a colleague of another group observes")
			.isEqualTo(200);
		assertRefused(technician.post(observers(id), Map.of("userId", dave.getId())), 400, "ticket.observer.already");
		assertRefused(technician.post(observers(id), Map.of("userId", aliceUser.getId())), 400,
				"ticket.observer.requester");
		assertRefused(technician.post(observers(id), Map.of("userId", 999_999_999)), 400, "user.unknown");
		assertRefused(alice.post(observers(id), Map.of("userId", dave.getId())), 403, null);

		assertThat(technician.delete(observers(id) + "/" + dave.getId()).status()).isEqualTo(204);
		assertThat(daveClient.get("/api/v1/tickets/" + id).status()).isEqualTo(404);
		assertRefused(technician.delete(observers(id) + "/" + dave.getId()), 400, "ticket.observer.not-observer");
		assertThat(history(id)).contains("observers: null -> " + dave.getUsername(),
				"observers: " + dave.getUsername() + " -> null");
	}

	private long ticket(ApiClient client, String title) {
		Response created = client.post("/api/v1/tickets", TicketApiIT.newTicket(title + " " + UUID.randomUUID()));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private List<String> history(long id) {
		return list(technician.get("/api/v1/tickets/" + id + "/history").json()).stream()
			.map(e -> e.get("field").asString() + ": " + text(e.get("oldValue")) + " -> " + text(e.get("newValue")))
			.toList();
	}

	private static String text(JsonNode value) {
		return value == null || value.isNull() ? "null" : value.asString();
	}

	private static void assertRefused(Response response, int status, String code) {
		TicketApiIT.assertProblem(response, status, null);
		if (code != null) {
			assertThat(response.json().get("code").asString()).isEqualTo(code);
		}
	}

	private static String links(long id) {
		return "/api/v1/tickets/" + id + "/links";
	}

	private static String observers(long id) {
		return "/api/v1/tickets/" + id + "/observers";
	}

	private static String merge(long id) {
		return "/api/v1/tickets/" + id + "/merge";
	}

	private static List<JsonNode> list(JsonNode array) {
		return StreamSupport.stream(array.spliterator(), false).toList();
	}

}
