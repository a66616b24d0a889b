package org.guichet.tickets.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.guichet.directory.Role;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.notifications.Notifications;
import org.guichet.testing.ApiClient;
import org.guichet.testing.ApiClient.Response;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Major incidents through the REST API and the whole application: flagging raises the priority
 * through the override path (history, facts), children are attached, resolving the major
 * incident resolves its open children with its solution and tells their requesters (in-app and
 * by mail), the children closed or cancelled already stay, a reopened child stays attached, and a
 * major incident is never a child of another ticket.
 */
@GuichetIntegrationTest
class MajorIncidentApiIT {

	@Autowired
	TestFixtures fixtures;

	@Autowired
	Notifications notifications;

	@Autowired
	JdbcTemplate jdbc;

	@LocalServerPort
	int port;

	User aliceUser;

	User bobUser;

	User carolUser;

	ApiClient alice;

	ApiClient bob;

	ApiClient carol;

	ApiClient technician;

	ApiClient supervisor;

	ApiClient outsider;

	long groupId;

	@BeforeEach
	void setUp() {
		aliceUser = fixtures.user("alice", Role.REQUESTER);
		bobUser = fixtures.user("bob", Role.REQUESTER);
		carolUser = fixtures.user("carol", Role.REQUESTER);
		User technicianUser = fixtures.user("major-tech", Role.TECHNICIAN);
		User outsiderUser = fixtures.user("other-tech", Role.TECHNICIAN);
		groupId = fixtures.group(SupportLevel.N1, technicianUser).getId();
		fixtures.group(SupportLevel.N2, outsiderUser);
		alice = ApiClient.bearer(port, fixtures.token(aliceUser));
		bob = ApiClient.bearer(port, fixtures.token(bobUser));
		carol = ApiClient.bearer(port, fixtures.token(carolUser));
		technician = ApiClient.bearer(port, fixtures.token(technicianUser));
		supervisor = ApiClient.bearer(port, fixtures.token(fixtures.user("major-sup", Role.SUPERVISOR)));
		outsider = ApiClient.bearer(port, fixtures.token(outsiderUser));
	}

	@Test
	void flaggingMakesThePriorityMajorWithItsReasonRecordsItAndUnflaggingGivesTheMatrixPriorityBack() {
		long id = ticket(alice, "Mail down");
		String before = technician.get(ticketPath(id)).json().get("priority").asString();

		Response flagged = technician.put(major(id), Map.of("reason", "Mail down for the whole site"));
		assertThat(flagged.status()).as(flagged.toString()).isEqualTo(200);
		assertThat(flagged.json().get("majorIncident").asBoolean()).isTrue();
		assertThat(flagged.json().get("priority").asString()).isEqualTo("MAJOR");
		assertThat(flagged.json().get("priorityOverrideReason").asString()).isEqualTo("Mail down for the whole site");
		assertThat(history(id)).contains("priority: " + before + " -> MAJOR", "majorIncident: null -> true");
		assertThat(jdbc.queryForObject("select major_incident from ticket_fact where ticket_id = ?", Boolean.class, id))
			.isTrue();
		assertRefused(technician.put(major(id), Map.of()), 409, "ticket.major.already");

		Response unflagged = technician.delete(major(id));
		assertThat(unflagged.status()).as(unflagged.toString()).isEqualTo(200);
		assertThat(unflagged.json().get("majorIncident").asBoolean()).isFalse();
		assertThat(unflagged.json().get("priority").asString()).isEqualTo(before);
		assertThat(history(id)).contains("majorIncident: true -> null", "priority: MAJOR -> " + before);
		assertThat(jdbc.queryForObject("select major_incident from ticket_fact where ticket_id = ?", Boolean.class, id))
			.isFalse();
	}

	@Test
	void onlyTheItTeamWorkingOnTheTicketOrASupervisorFlagsItOthersGet403Or404() {
		long id = ticket(alice, "ERP down");
		assertRefused(alice.put(major(id), Map.of()), 403, null);
		long routed = ticket(alice, "ERP down again");
		Response assigned = technician.post(ticketPath(routed) + "/assign", Map.of("groupId", groupId));
		assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
		assertRefused(outsider.put(major(routed), Map.of()), 404, null);
		assertThat(supervisor.put(major(routed), Map.of()).status()).isEqualTo(200);
	}

	@Test
	void resolvingTheMajorIncidentResolvesItsOpenChildrenWithItsSolutionAndTellsTheirRequesters() {
		long major = ticket(alice, "Network down in building B");
		long bobs = ticket(bob, "No network in B");
		long carols = ticket(carol, "Cannot reach the intranet");
		long cancelled = ticket(carol, "Network again");
		assertThat(technician.put(major(major), Map.of()).status()).isEqualTo(200);
		Response attached = technician.post(major(major) + "/children", Map.of("tickets", List.of(bobs, carols, cancelled)));
		assertThat(attached.status()).as(attached.toString()).isEqualTo(200);
		assertThat(list(technician.get(major(major) + "/children").json())).extracting(c -> c.get("id").asLong())
			.containsExactly(bobs, carols, cancelled);
		assertThat(carol.post(ticketPath(cancelled) + "/transitions", Map.of("action", "CANCEL", "reason", "Mine is the same"))
			.status()).isEqualTo(200);

		Response resolved = technician.post(ticketPath(major) + "/transitions",
				Map.of("action", "RESOLVE", "solution", "Replaced the switch of building B", "solutionKind", "PERMANENT"));
		assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
		String ending = resolved.json().get("status").asString();

		for (long child : List.of(bobs, carols)) {
			JsonNode ticket = technician.get(ticketPath(child)).json();
			assertThat(ticket.get("status").asString()).isEqualTo(ending);
			assertThat(ticket.get("solution").asString()).isEqualTo("Replaced the switch of building B");
			assertThat(ticket.get("solutionKind").asString()).isEqualTo("PERMANENT");
			assertThat(history(child)).contains("resolvedWithMajorIncident: null -> #" + major);
		}
		assertThat(technician.get(ticketPath(cancelled)).json().get("status").asString()).isEqualTo("CANCELLED");
		assertThat(notifications.newest(bobUser.getId())).anySatisfy(n -> {
			assertThat(n.getTicketId()).isEqualTo(bobs);
			assertThat(n.getMessageKey()).startsWith("notification.requester.resolved");
		});
		assertThat(jdbc.queryForObject("select count(*) from mail_outbox where ticket_id = ? and recipient_id = ?"
				+ " and kind in ('RESOLVED', 'CLOSED')", Integer.class, carols, carolUser.getId())).isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from mail_outbox where ticket_id = ? and kind in ('RESOLVED', 'CLOSED')",
				Integer.class, cancelled)).isZero();
	}

	@Test
	void aChildReopenedAfterItsMajorIncidentStaysAttachedAndIsResolvedAgainOnlyWithIt() {
		long major = ticket(alice, "Printing down");
		long child = ticket(bob, "Cannot print");
		technician.put(major(major), Map.of());
		technician.post(major(major) + "/children", Map.of("tickets", List.of(child)));
		technician.post(ticketPath(major) + "/transitions",
				Map.of("action", "RESOLVE", "solution", "Restarted the print server", "solutionKind", "WORKAROUND"));
		if ("RESOLVED".equals(technician.get(ticketPath(child)).json().get("status").asString())) {
			assertThat(bob.post(ticketPath(child) + "/transitions", Map.of("action", "REFUSE", "reason", "Still stuck"))
				.status()).isEqualTo(200);
		}
		else {
			assertThat(technician.post(ticketPath(child) + "/transitions", Map.of("action", "REOPEN")).status())
				.isEqualTo(200);
		}
		assertThat(technician.get(ticketPath(child)).json().get("status").asString()).isIn("NEW", "IN_PROGRESS");
		assertThat(list(technician.get(major(major) + "/children").json())).extracting(c -> c.get("id").asLong())
			.containsExactly(child);
	}

	@Test
	void aMajorIncidentIsNeverAChildOfAnotherTicketAndAChildIsNotFlagged() {
		long major = ticket(alice, "VPN down");
		long other = ticket(alice, "Remote work");
		long child = ticket(bob, "No VPN");
		technician.put(major(major), Map.of());

		assertRefused(technician.post(ticketPath(major) + "/links", Map.of("relation", "CHILD_OF", "ticket", other)), 400,
				"ticket.major.child-is-major");
		assertRefused(technician.post(ticketPath(other) + "/links", Map.of("relation", "PARENT_OF", "ticket", major)), 400,
				"ticket.major.child-is-major");
		long secondMajor = ticket(bob, "Second outage");
		technician.put(major(secondMajor), Map.of());
		Response refused = technician.post(major(major) + "/children", Map.of("tickets", List.of(secondMajor)));
		assertRefused(refused, 400, "ticket.major.child-is-major");
		assertThat(refused.json().get("field").asString()).isEqualTo("tickets");

		technician.post(major(major) + "/children", Map.of("tickets", List.of(child)));
		assertRefused(technician.put(major(child), Map.of()), 409, "ticket.major.is-child");
		assertRefused(technician.post(major(other) + "/children", Map.of("tickets", List.of(child))), 400,
				"ticket.major.not-major");
	}

	private long ticket(ApiClient client, String title) {
		Response created = client.post("/api/v1/tickets", TicketApiIT.newTicket(title + " " + UUID.randomUUID()));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private List<String> history(long id) {
		return list(supervisor.get(ticketPath(id) + "/history").json()).stream()
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

	private static String ticketPath(long id) {
		return "/api/v1/tickets/" + id;
	}

	private static String major(long id) {
		return ticketPath(id) + "/major-incident";
	}

	private static List<JsonNode> list(JsonNode array) {
		return StreamSupport.stream(array.spliterator(), false).toList();
	}

}
