package org.guichet.presentation.examples;

import java.util.List;
import java.util.Map;

import org.guichet.directory.Role;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.testing.ApiClient;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Impact;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Marking a ticket as an example, listing and unmarking, through the API and the ticket page's menu. */
@GuichetIntegrationTest
class ExampleTicketsIT {

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

	@LocalServerPort
	private int port;

	private User requester;

	private User technician;

	private TicketId id;

	@BeforeEach
	void aTicketOfTheDesk() {
		requester = fixtures.user("example-requester", Role.REQUESTER);
		technician = fixtures.user("example-tech", Role.TECHNICIAN);
		var group = fixtures.group(SupportLevel.N1, technician);
		id = tickets.register(new NewTicket(TicketType.INCIDENT, "VPN drops every hour", "Since Monday.",
				requester.getId(), Channel.PHONE, null, Urgency.MEDIUM, Impact.LOW, List.of()),
				TestFixtures.current(technician)).id();
		tickets.assign(id, group.getId(), technician.getId(), null, TestFixtures.current(technician));
	}

	@Test
	void anAgentMarksATicketAsAnExampleWhichTheListShowsUntilUnmarked() {
		ApiClient tech = client(technician);

		ApiClient.Response marked = tech.put(path(), Map.of("reason", "Shows the MTU diagnosis step by step",
				"kind", "LESSON"));

		assertThat(marked.status()).isEqualTo(200);
		assertThat(marked.json().get("reason").asText()).isEqualTo("Shows the MTU diagnosis step by step");
		assertThat(marked.json().get("markedBy").get("fullName").asText()).isEqualTo(technician.getFullName());
		JsonNode listed = listed(tech);
		assertThat(listed).isNotNull();
		assertThat(listed.get("kind").asText()).isEqualTo("LESSON");
		assertThat(listed.get("ticket").get("title").asText()).isEqualTo("VPN drops every hour");

		assertThat(tech.put(path(), Map.of("reason", "Changed my mind: complex")).status()).as("marked again")
			.isEqualTo(200);
		assertThat(listed(tech).get("reason").asText()).isEqualTo("Changed my mind: complex");
		assertThat(listed(tech).get("kind").isNull()).isTrue();

		assertThat(tech.delete(path()).status()).isEqualTo(204);
		assertThat(listed(tech)).isNull();
		assertThat(tech.delete(path()).status()).as("unmarking twice").isEqualTo(204);
	}

	@Test
	void aReasonIsRequiredAndLimited() {
		ApiClient tech = client(technician);
		for (String reason : new String[] { "  ", "x".repeat(ExampleTickets.REASON_MAX + 1) }) {
			ApiClient.Response answer = tech.put(path(), Map.of("reason", reason));

			assertThat(answer.status()).isEqualTo(400);
			assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
			assertThat(answer.json().get("field").asText()).isEqualTo("reason");
		}
		assertThat(listed(tech)).isNull();
	}

	@Test
	void agentsWhoDoNotSeeTheTicketGetNotFound() {
		User elsewhere = fixtures.user("example-elsewhere", Role.TECHNICIAN);
		fixtures.group(SupportLevel.N1, elsewhere);
		ApiClient.Response answer = client(elsewhere).put(path(), Map.of("reason", "Not mine"));
		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");

		client(technician).put(path(), Map.of("reason", "Worth showing"));
		JsonNode seenElsewhere = listed(client(elsewhere));
		assertThat(seenElsewhere).as("listed, without what the reader may not see").isNotNull();
		assertThat(seenElsewhere.get("ticket").get("title").isNull()).isTrue();
	}

	@Test
	void theTicketPagesMenuMarksInPlaceAndKeepsARefusedReason() {
		ApiClient tech = client(technician);

		ApiClient.Response menu = tech.get("/agent/tickets/" + id.value() + "/example");
		assertThat(menu.status()).isEqualTo(200);
		assertThat(menu.text()).contains("id=\"example-form\"", "hx-post=\"/agent/tickets/" + id.value() + "/example\"")
			.doesNotContain("id=\"example-remove\"");
		assertThat(tech.get("/agent/tickets/" + id.value()).text()).as("the ticket page loads the menu")
			.contains("id=\"example-menu\"");
	}

	/** The example of the ticket in the API's list (first pages), null if it is not there. */
	private JsonNode listed(ApiClient client) {
		for (int page = 0; page < 20; page++) {
			JsonNode list = client.get("/api/v1/examples?size=100&page=" + page).json();
			for (JsonNode item : list.get("items")) {
				if (item.get("ticket").get("id").asLong() == id.value()) {
					return item;
				}
			}
			if (!list.get("hasNext").asBoolean()) {
				return null;
			}
		}
		return null;
	}

	private String path() {
		return "/api/v1/tickets/" + id.value() + "/example";
	}

	private ApiClient client(User user) {
		return ApiClient.basic(port, user.getUsername(), TestFixtures.PASSWORD);
	}

}
