package org.guichet.tickets.api;

import java.util.Map;
import java.util.UUID;

import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
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
 * An agent escalates a ticket through the API: to a group of a higher support level, or to the
 * supervisor of its technician.
 */
@GuichetIntegrationTest
class EscalationApiIT {

	@Autowired
	TestFixtures fixtures;

	@Autowired
	UserRepository users;

	@Autowired
	Notifications notifications;

	@LocalServerPort
	int port;

	User technicianUser;

	SupportGroup n1;

	SupportGroup n2;

	ApiClient technician;

	ApiClient requester;

	@BeforeEach
	void setUp() {
		technicianUser = fixtures.user("tech", Role.TECHNICIAN);
		n1 = fixtures.group(SupportLevel.N1, technicianUser);
		n2 = fixtures.group(SupportLevel.N2, fixtures.user("expert", Role.TECHNICIAN));
		technician = ApiClient.bearer(port, fixtures.token(technicianUser));
		requester = ApiClient.bearer(port, fixtures.token(fixtures.user("alice", Role.REQUESTER)));
	}

	@Test
	void functionalEscalationMovesTheTicketUpARecordsItAndCountsIt() {
		long id = ticketAssignedTo(n1, technicianUser);
		Response escalated = technician.post(escalations(id),
				Map.of("kind", "FUNCTIONAL", "groupId", n2.getId(), "reason", "Routeur cœur à remplacer"));
		assertThat(escalated.status()).as(escalated.toString()).isEqualTo(201);
		assertThat(escalated.json().get("fromLevel").asString()).isEqualTo("N1");
		assertThat(escalated.json().get("toLevel").asString()).isEqualTo("N2");
		assertThat(escalated.json().get("by").get("id").asLong()).isEqualTo(technicianUser.getId());

		JsonNode ticket = technician.get("/api/v1/tickets/" + id).json();
		assertThat(ticket.get("escalationCount").asInt()).isEqualTo(1);
		assertThat(ticket.get("group").get("id").asLong()).isEqualTo(n2.getId());
		assertThat(ticket.get("assignee").isNull()).isTrue();
		assertThat(ticket.get("status").asString()).isEqualTo("NEW");

		JsonNode list = technician.get(escalations(id)).json();
		assertThat(list).hasSize(1);
		assertThat(list.get(0).get("kind").asString()).isEqualTo("FUNCTIONAL");
		assertThat(list.get(0).get("reason").asString()).isEqualTo("Routeur cœur à remplacer");
		JsonNode history = technician.get("/api/v1/tickets/" + id + "/history").json();
		assertThat(history.findValuesAsString("field")).contains("escalationFunctional", "group", "assignee");
	}

	@Test
	void refusesAnEscalationWithoutReason() {
		long id = ticketAssignedTo(n1, technicianUser);
		Response refused = technician.post(escalations(id), Map.of("kind", "FUNCTIONAL", "groupId", n2.getId()));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(refused.json().get("field").asString()).isEqualTo("reason");
		assertThat(technician.get("/api/v1/tickets/" + id).json().get("escalationCount").asInt()).isZero();
	}

	@Test
	void refusesAnEscalationToALowerOrTheSameLevel() {
		long id = ticketAssignedTo(n2, null);
		Response refused = technician.post(escalations(id),
				Map.of("kind", "FUNCTIONAL", "groupId", n1.getId(), "reason", "Retour au N1"));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(refused.json().get("field").asString()).isEqualTo("groupId");
		assertThat(refused.json().get("code").asString()).isEqualTo("escalation.level-not-higher");
		assertThat(technician.get(escalations(id)).json()).isEmpty();
	}

	@Test
	void hierarchicalEscalationMakesTheTechniciansManagerAnObserverAndNotifiesThem() {
		User manager = fixtures.user("manager", Role.SUPERVISOR);
		technicianUser.setManager(manager);
		users.save(technicianUser);
		long id = ticketAssignedTo(n1, technicianUser);
		Response escalated = technician.post(escalations(id),
				Map.of("kind", "HIERARCHICAL", "reason", "Le client menace de résilier"));
		assertThat(escalated.status()).as(escalated.toString()).isEqualTo(201);
		assertThat(escalated.json().get("toUser").get("id").asLong()).isEqualTo(manager.getId());

		JsonNode ticket = technician.get("/api/v1/tickets/" + id).json();
		assertThat(ticket.get("observers").findValuesAsString("username")).contains(manager.getUsername());
		assertThat(ticket.get("assignee").get("id").asLong()).isEqualTo(technicianUser.getId());
		assertThat(notifications.unreadCount(manager.getId())).isEqualTo(1);
		Notification notification = notifications.newest(manager.getId()).get(0);
		assertThat(notification.getMessageKey()).isEqualTo("notification.escalated-to-you");
		assertThat(notification.getTicketId()).isEqualTo(id);
	}

	@Test
	void refusesAHierarchicalEscalationWhenNobodyHasAManager() {
		long id = ticketAssignedTo(n1, technicianUser);
		Response refused = technician.post(escalations(id), Map.of("kind", "HIERARCHICAL", "reason", "Urgent"));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(refused.json().get("code").asString()).isEqualTo("escalation.no-supervisor");
	}

	@Test
	void theRequesterDoesNotSeeTheEscalationsNorTheirReasonsInTheHistory() {
		Response created = requester.post("/api/v1/tickets", Map.of("type", "INCIDENT", "title", "VPN coupé",
				"description", "Depuis ce matin", "urgency", "MEDIUM"));
		long id = created.json().get("id").asLong();
		technician.post("/api/v1/tickets/" + id + "/assign", Map.of("groupId", n1.getId()));
		Response escalated = technician.post(escalations(id),
				Map.of("kind", "FUNCTIONAL", "groupId", n2.getId(), "reason", "Utilisateur pénible"));
		assertThat(escalated.status()).as(escalated.toString()).isEqualTo(201);
		JsonNode history = requester.get("/api/v1/tickets/" + id + "/history").json();
		assertThat(history.findValuesAsString("field")).doesNotContain("escalationFunctional");
		assertThat(history.toString()).doesNotContain("Utilisateur pénible");
	}

	@Test
	void aRequesterFindsNoEscalationsToReadOrWrite() {
		long id = ticketAssignedTo(n1, technicianUser);
		assertThat(requester.post(escalations(id), Map.of("kind", "HIERARCHICAL", "reason", "Vite")).status())
			.isEqualTo(404);
		assertThat(requester.get(escalations(id)).status()).isEqualTo(404);
	}

	private long ticketAssignedTo(SupportGroup group, User assignee) {
		Response created = technician.post("/api/v1/tickets", Map.of("type", "INCIDENT", "title",
				"Réseau coupé " + UUID.randomUUID(), "description", "Plus rien ne passe", "urgency", "HIGH"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		Response assigned = technician.post("/api/v1/tickets/" + id + "/assign",
				assignee == null ? Map.of("groupId", group.getId())
						: Map.of("groupId", group.getId(), "assigneeId", assignee.getId()));
		assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
		return id;
	}

	private static String escalations(long id) {
		return "/api/v1/tickets/" + id + "/escalations";
	}

}
