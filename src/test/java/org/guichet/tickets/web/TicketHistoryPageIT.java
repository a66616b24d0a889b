package org.guichet.tickets.web;

import java.time.Instant;
import java.util.List;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.testing.DatabaseNeutral;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Channel;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.TaskStatus;
import org.guichet.tickets.Task;
import org.guichet.tickets.TicketAction;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Transition;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The history on the agent's ticket page tells every change in words, never in stored forms. */
@GuichetIntegrationTest
@DatabaseNeutral
class TicketHistoryPageIT {

	@Autowired
	WebApplicationContext context;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	TicketManagement tickets;

	@Test
	void theHistoryNamesPeopleByFullNameAndTellsPoliciesDeadlinesAndTasksInWords() throws Exception {
		User requester = fixtures.user("history-asker", Role.REQUESTER);
		User technicianUser = fixtures.user("history-tech", Role.TECHNICIAN);
		fixtures.group(SupportLevel.N1, technicianUser);
		CurrentUser technician = TestFixtures.current(technicianUser);
		TicketId id = tickets.register(new NewTicket(TicketType.INCIDENT, "Dock station", "No display", null,
				Channel.PORTAL, null, Urgency.LOW, null, List.of()), TestFixtures.current(requester)).id();
		tickets.transition(id, Transition.of(TicketAction.TAKE), null, technician);
		Task task = tickets.addTask(id, "Swap the dock", null, null, technician);
		tickets.updateTask(id, task.getId(), TaskStatus.DONE, 10, technician);
		tickets.recordSystemChange(id, "slaPolicy", null,
				"#3 Standard v2 · TTO PT4H · TTR PT24H30M · calendar #1 v1 · routing", Instant.now());
		tickets.recordSystemChange(id, "slaTtrDeadline", null, "2026-01-12T13:00:00Z", Instant.now());

		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		MvcResult login = mvc.perform(formLogin("/login").user(technicianUser.getUsername()).password(TestFixtures.PASSWORD))
			.andExpect(authenticated())
			.andReturn();
		String page = mvc.perform(get("/agent/tickets/" + id.value())
				.session((MockHttpSession) login.getRequest().getSession(false)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String history = page.substring(page.indexOf("id=\"history\""));

		assertThat(history).contains("<span>" + technicianUser.getFullName() + "</span>")
			.doesNotContain(technicianUser.getUsername());
		assertThat(history).contains(
				"Standard (version 2): taken in charge within 4 h, resolved within 24 h 30 min, chosen by routing",
				"Swap the dock: To do", "Swap the dock: Done", "Jan 12, 2026")
			.doesNotContain("PT4H", "2026-01-12T13:00:00Z", ": DONE");
	}

}
