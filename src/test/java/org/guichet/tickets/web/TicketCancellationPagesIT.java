package org.guichet.tickets.web;

import java.util.List;

import org.guichet.directory.Role;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.testing.DatabaseNeutral;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Channel;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.Status;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Cancelling a ticket from the agent's page asks why; the reason is shown on the ticket to the
 * team (with its history) and to the requester on the portal.
 */
@GuichetIntegrationTest
@DatabaseNeutral
class TicketCancellationPagesIT {

	@Autowired
	WebApplicationContext context;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	TicketManagement tickets;

	MockMvc mvc;

	User requester;

	MockHttpSession agent;

	@BeforeEach
	void setUp() throws Exception {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		requester = fixtures.user("cancel-asker", Role.REQUESTER);
		User technician = fixtures.user("cancel-tech", Role.TECHNICIAN);
		fixtures.group(SupportLevel.N1, technician);
		agent = login(technician);
	}

	@Test
	void cancellingWithoutAReasonIsRefusedNextToTheFieldAndTheReasonGivenIsShownToTeamAndRequester()
			throws Exception {
		TicketId id = tickets.register(new NewTicket(TicketType.INCIDENT, "Screen flickers", "Since this morning", null,
				Channel.PORTAL, null, Urgency.LOW, null, List.of()), TestFixtures.current(requester)).id();
		long version = tickets.find(id).getVersion();

		String refused = mvc.perform(post("/agent/tickets/" + id.value() + "/cancel").session(agent).with(csrf())
				.header("Accept-Language", "en")
				.param("version", String.valueOf(version))
				.param("reason", " "))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("id=\"cancel-reason\"", "This field is required: fill it in.",
				"aria-invalid=\"true\"");
		assertThat(refused).as("the refused form stays open").doesNotContainPattern("id=\"cancel-card\"[^>]*data-closed");
		assertThat(tickets.find(id).getStatus()).isEqualTo(Status.NEW);

		MvcResult done = mvc.perform(post("/agent/tickets/" + id.value() + "/cancel").session(agent).with(csrf())
				.param("version", String.valueOf(version))
				.param("reason", "Registered twice by mistake"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String page = mvc.perform(get("/agent/tickets/" + id.value()).session(agent).header("Accept-Language", "en")
				.flashAttrs(done.getFlashMap()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"cancel-reason-shown\"", "Why the ticket was cancelled",
				"Registered twice by mistake", "Cancel reason");

		String portal = mvc.perform(get("/portal/tickets/" + id.value()).session(login(requester))
				.header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(portal).contains("id=\"cancel-reason-shown\"", "Why the ticket was cancelled",
				"Registered twice by mistake");
	}

	private MockHttpSession login(User user) throws Exception {
		MvcResult result = mvc.perform(formLogin("/login").user(user.getUsername()).password(TestFixtures.PASSWORD))
			.andExpect(authenticated())
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
