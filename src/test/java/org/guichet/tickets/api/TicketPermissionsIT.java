package org.guichet.tickets.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.tickets.api.TicketApiIT.assertProblem;
import static org.guichet.tickets.api.TicketApiIT.newTicket;

@GuichetIntegrationTest
class TicketPermissionsIT {

	@Autowired
	TestFixtures fixtures;

	@LocalServerPort
	int port;

	User aliceUser;

	User technicianUser;

	ApiClient alice;

	ApiClient bob;

	ApiClient technician;

	long alicesTicket;

	String path;

	@BeforeEach
	void setUp() {
		aliceUser = fixtures.user("alice", Role.REQUESTER);
		technicianUser = fixtures.user("tech", Role.TECHNICIAN);
		alice = ApiClient.bearer(port, fixtures.token(aliceUser));
		bob = ApiClient.bearer(port, fixtures.token(fixtures.user("bob", Role.REQUESTER)));
		technician = ApiClient.bearer(port, fixtures.token(technicianUser));
		alicesTicket = alice.post("/api/v1/tickets", newTicket("Alice's laptop")).json().get("id").asLong();
		path = "/api/v1/tickets/" + alicesTicket;
	}

	@Test
	void aRequesterAskingForAnotherRequestersTicketGetsNotFound() {
		assertProblem(bob.get(path), 404, null);
		assertProblem(bob.get(path + "/comments"), 404, null);
		assertProblem(bob.get(path + "/history"), 404, null);
		assertProblem(bob.get(path + "/attachments"), 404, null);
		assertProblem(bob.post(path + "/transitions", Map.of("action", "CANCEL")), 404, null);
		assertProblem(bob.post(path + "/comments", Map.of("body", "Me too", "internal", false)), 404, null);
		assertThat(TicketApiIT.ids(bob.get("/api/v1/tickets?queue=ALL&size=100").json().get("items")))
			.doesNotContain(alicesTicket);
	}

	@Test
	void anInternalNoteNeverReachesTheRequester() {
		String secret = "Root password is hunter2";
		assertThat(technician.post(path + "/comments", Map.of("body", secret, "internal", true)).status())
			.isEqualTo(201);
		assertThat(technician.post(path + "/comments", Map.of("body", "Looking into it")).status())
			.as("a comment without 'internal' is a public reply").isEqualTo(201);
		technician.upload(path + "/attachments", "root-password-notes.txt", "text/plain", secret.getBytes(), true);
		technician.post(path + "/tasks", Map.of("title", "Reset the root password"));

		Response comments = alice.get(path + "/comments");
		assertThat(comments.status()).isEqualTo(200);
		assertThat(comments.text()).doesNotContain(secret).contains("Looking into it");
		assertThat(alice.get(path).text()).doesNotContain(secret);
		assertThat(alice.get(path + "/history").text()).doesNotContain(secret)
			.doesNotContain("root-password-notes.txt")
			.doesNotContain("Reset the root password");
		assertThat(technician.get(path + "/history").text()).contains("root-password-notes.txt")
			.contains("Reset the root password");
		assertThat(alice.get(path + "/attachments").json()).isEmpty();
		assertThat(technician.get(path + "/comments").text()).contains(secret);
	}

	@Test
	void aRequesterCannotActForTheItTeam() {
		assertProblem(alice.post(path + "/comments", Map.of("body", "psst", "internal", true)), 403, null);
		assertProblem(alice.post(path + "/transitions", Map.of("action", "TAKE")), 403, null);
		assertProblem(alice.post(path + "/assign", Map.of("assigneeId", aliceUser.getId())), 403, null);
		assertProblem(alice.patch(path, Map.of("title", "Mine now", "version", 0)), 403, null);
		assertThat(alice.get(path).json().get("status").asString()).isEqualTo("NEW");
	}

	@Test
	void anObserverSeesTheTicket() {
		User carolUser = fixtures.user("carol", Role.REQUESTER);
		ApiClient carol = ApiClient.bearer(port, fixtures.token(carolUser));
		Map<String, Object> demand = new java.util.HashMap<>(newTicket("Shared printer"));
		demand.put("observerIds", List.of(carolUser.getId()));
		Response created = alice.post("/api/v1/tickets", demand);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().get("observers").get(0).get("username").asString())
			.isEqualTo(carolUser.getUsername());

		Response seen = carol.get("/api/v1/tickets/" + created.json().get("id").asLong());
		assertThat(seen.status()).isEqualTo(200);
		assertThat(seen.json().get("observers")).hasSize(1);
	}

	@Test
	void aTechnicianSeesTheTicketsOfHisGroupsOnly() {
		User memberUser = fixtures.user("n2", Role.TECHNICIAN);
		SupportGroup group = fixtures.group(SupportLevel.N2, memberUser);
		ApiClient member = ApiClient.bearer(port, fixtures.token(memberUser));
		Response assigned = member.post(path + "/assign", Map.of("groupId", group.getId()));
		assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
		assertThat(assigned.json().get("group").get("level").asString()).isEqualTo("N2");

		assertThat(member.get(path).status()).isEqualTo(200);
		assertProblem(technician.get(path), 404, null);
		assertThat(TicketApiIT.ids(technician.get("/api/v1/tickets?size=100").json().get("items")))
			.doesNotContain(alicesTicket);
	}

	@Test
	void anAgentWhoRegistersForACallerStillReadsTheTicketRoutingSentToAnotherGroup() {
		User n2User = fixtures.user("n2", Role.TECHNICIAN);
		SupportGroup n2 = fixtures.group(SupportLevel.N2, n2User);
		fixtures.group(SupportLevel.N1, technicianUser);
		ApiClient admin = ApiClient.bearer(port, fixtures.token(fixtures.user("admin", Role.ADMINISTRATOR)));
		long categoryId = fixtures.category("Screens").getId();
		Response rule = admin.post("/api/v1/routing-rules", Map.of("name", "Screens to " + n2.getName(), "conditions",
				Map.of("categoryId", categoryId), "actions", Map.of("groupId", n2.getId()), "active", true,
				"stopHere", false));
		assertThat(rule.status()).as(rule.toString()).isEqualTo(201);
		try {
			Map<String, Object> call = new HashMap<>(newTicket("Black screen (phone call)"));
			call.put("requesterId", aliceUser.getId());
			call.put("categoryId", categoryId);
			call.put("channel", "PHONE");
			Response registered = technician.post("/api/v1/tickets", call);
			assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
			assertThat(registered.json().get("group").get("id").asLong()).isEqualTo(n2.getId());
			long id = registered.json().get("id").asLong();
			String ticket = "/api/v1/tickets/" + id;

			assertThat(technician.get(ticket).status()).isEqualTo(200);
			assertThat(technician.get(ticket + "/history").status()).isEqualTo(200);
			assertThat(TicketApiIT.ids(technician.get("/api/v1/tickets?queue=ALL&size=100").json().get("items")))
				.contains(id);
			assertThat(TicketApiIT.ids(technician.get("/api/v1/tickets?queue=HANDLED&size=100").json().get("items")))
				.containsExactly(id);
			assertThat(technician.post(ticket + "/comments", Map.of("body", "She calls back at 2 pm", "internal", true))
				.status()).as("the registrar may still add a note").isEqualTo(201);
			assertProblem(technician.post(ticket + "/transitions", Map.of("action", "TAKE")), 403, null);
			assertProblem(technician.post(ticket + "/assign", Map.of("groupId", n2.getId())), 403, null);

			ApiClient stranger = ApiClient.bearer(port, fixtures.token(fixtures.user("stranger", Role.TECHNICIAN)));
			assertProblem(stranger.get(ticket), 404, null);
			assertThat(TicketApiIT.ids(stranger.get("/api/v1/tickets?queue=ALL&size=100").json().get("items")))
				.doesNotContain(id);
			assertProblem(bob.get(ticket), 404, null);
			assertThat(alice.get(ticket).status()).as("the caller is its requester").isEqualTo(200);
		}
		finally {
			admin.delete("/api/v1/routing-rules/" + rule.json().get("id").asLong());
		}
	}

	@Test
	void anAgentWhoEscalatesToAnotherGroupStillReadsTheTicketAndAnUnrelatedTechnicianDoesNot() {
		SupportGroup n1 = fixtures.group(SupportLevel.N1, technicianUser);
		SupportGroup n2 = fixtures.group(SupportLevel.N2, fixtures.user("n2", Role.TECHNICIAN));
		assertThat(technician.post(path + "/assign", Map.of("groupId", n1.getId())).status()).isEqualTo(200);
		Response escalated = technician.post(path + "/escalations",
				Map.of("kind", "FUNCTIONAL", "groupId", n2.getId(), "reason", "Needs the network team"));
		assertThat(escalated.status()).as(escalated.toString()).isEqualTo(201);

		Response seen = technician.get(path);
		assertThat(seen.status()).isEqualTo(200);
		assertThat(seen.json().get("group").get("id").asLong()).isEqualTo(n2.getId());
		assertThat(technician.get(path + "/escalations").status()).isEqualTo(200);
		assertThat(TicketApiIT.ids(technician.get("/api/v1/tickets?queue=ALL&size=100").json().get("items")))
			.contains(alicesTicket);
		assertProblem(technician.post(path + "/escalations",
				Map.of("kind", "HIERARCHICAL", "reason", "Again")), 403, null);

		ApiClient unrelated = ApiClient.bearer(port, fixtures.token(fixtures.user("other", Role.TECHNICIAN)));
		assertProblem(unrelated.get(path), 404, null);
	}

	@Test
	void httpBasicWorksAndAnUnknownTokenIsRefused() {
		Response me = ApiClient.basic(port, aliceUser.getUsername(), TestFixtures.PASSWORD).get("/api/v1/users/me");
		assertThat(me.status()).as(me.toString()).isEqualTo(200);
		assertThat(me.json().get("username").asString()).isEqualTo(aliceUser.getUsername());
		assertThat(me.json().get("role").asString()).isEqualTo("REQUESTER");

		assertProblem(ApiClient.bearer(port, "gch_forged").get("/api/v1/users/me"), 401, null);
		assertProblem(ApiClient.anonymous(port).get(path), 401, null);
	}

	@Test
	void refusalsOfTheSecurityFiltersSpeakTheLanguageAsked() {
		assertThat(ApiClient.bearer(port, "gch_forged").get("/api/v1/users/me").json().get("detail").asString())
			.startsWith("The API token is unknown or revoked");
		Response forged = ApiClient.bearer(port, "gch_forged").get("/api/v1/users/me", "Accept-Language", "fr-FR");
		assertProblem(forged, 401, null);
		assertThat(forged.json().get("detail").asString()).startsWith("Le jeton d’API est inconnu ou révoqué");
		Response anonymous = ApiClient.anonymous(port).get(path, "Accept-Language", "fr");
		assertProblem(anonymous, 401, null);
		assertThat(anonymous.json().get("detail").asString()).startsWith("Authentification requise");
	}

}
