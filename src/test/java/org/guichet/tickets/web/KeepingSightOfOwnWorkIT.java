package org.guichet.tickets.web;

import java.util.Map;

import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.testing.ApiClient;
import org.guichet.testing.ApiClient.Response;
import org.guichet.testing.DatabaseNeutral;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
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
 * Issue 8, "losing sight of one's own work": an agent who registers a ticket for a caller, or
 * escalates one, lands on it with a confirmation naming it, wherever it went, and still reads it
 * in the page and their lists; someone who never took part still gets 404.
 */
@GuichetIntegrationTest
@DatabaseNeutral
class KeepingSightOfOwnWorkIT {

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private UserRepository users;

	@LocalServerPort
	private int port;

	private MockMvc mvc;

	private ApiClient admin;

	private User caller;

	private User technician;

	private SupportGroup n2;

	private long categoryId;

	private long ruleId;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		admin = ApiClient.bearer(port, fixtures.token(fixtures.user("sight-admin", Role.ADMINISTRATOR)));
		caller = fixtures.user("caller", Role.REQUESTER);
		technician = fixtures.user("n1-tech", Role.TECHNICIAN);
		fixtures.group(SupportLevel.N1, technician);
		n2 = fixtures.group(SupportLevel.N2, fixtures.user("n2-tech", Role.TECHNICIAN));
		categoryId = fixtures.category("Network").getId();
		Response rule = admin.post("/api/v1/routing-rules", Map.of("name", "Network to " + n2.getName(), "conditions",
				Map.of("categoryId", categoryId), "actions", Map.of("groupId", n2.getId()), "active", true,
				"stopHere", false));
		assertThat(rule.status()).as(rule.toString()).isEqualTo(201);
		ruleId = rule.json().get("id").asLong();
	}

	@AfterEach
	void deleteRule() {
		admin.delete("/api/v1/routing-rules/" + ruleId);
	}

	@Test
	void anAgentRegisteringForACallerLandsOnTheTicketRoutedToAnotherGroupWithAConfirmation() throws Exception {
		MockHttpSession session = login(technician);
		MvcResult registered = mvc.perform(post("/agent/tickets/new").session(session)
			.with(csrf())
			.param("type", "INCIDENT")
			.param("title", "No network on the 3rd floor")
			.param("description", "Called at 9 am")
			.param("requesterId", String.valueOf(caller.getId()))
			.param("categoryId", String.valueOf(categoryId))
			.param("urgency", "MEDIUM")
			.param("impact", "LOW")
			.param("channel", "PHONE")).andExpect(status().is3xxRedirection()).andReturn();
		String page = registered.getResponse().getRedirectedUrl();
		assertThat(page).matches("/agent/tickets/\\d+");
		String number = "#" + page.substring(page.lastIndexOf('/') + 1);

		String english = mvc.perform(get(page).session(session)
			.header("Accept-Language", "en")
			.flashAttrs(registered.getFlashMap())).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(english).contains("Ticket " + number + " registered for " + caller.getFullName() + ", routed to "
				+ n2.getName() + ".")
			.contains("id=\"read-only\"")
			.doesNotContain("id=\"action-take\"")
			.contains("id=\"send-note\"");

		assertThat(queue(session, "HANDLED")).contains(page + "\"");
		assertThat(queue(session, "ALL")).contains(page + "\"");
		mvc.perform(get(page).session(login(fixtures.user("unrelated", Role.TECHNICIAN))))
			.andExpect(status().isNotFound());
	}

	@Test
	void anAgentEscalatingToAnotherGroupStaysOnTheTicketWithAConfirmation() throws Exception {
		User frenchTechnician = fixtures.user("n1-fr", Role.TECHNICIAN);
		frenchTechnician.setLanguage("fr");
		users.save(frenchTechnician);
		User formerColleague = fixtures.user("n1-colleague", Role.TECHNICIAN);
		SupportGroup frenchN1 = fixtures.group(SupportLevel.N1, frenchTechnician, formerColleague);
		ApiClient api = ApiClient.bearer(port, fixtures.token(frenchTechnician));
		Map<String, Object> call = Map.of("type", "INCIDENT", "title", "Printer offline", "description", "Tray 2",
				"urgency", "MEDIUM", "requesterId", caller.getId());
		long id = api.post("/api/v1/tickets", call).json().get("id").asLong();
		Response assigned = api.post("/api/v1/tickets/" + id + "/assign", Map.of("groupId", frenchN1.getId()));
		assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);

		MockHttpSession session = login(frenchTechnician);
		String page = "/agent/tickets/" + id;
		MvcResult escalated = mvc.perform(post(page + "/escalate").session(session)
			.with(csrf())
			.param("escalationKind", "FUNCTIONAL")
			.param("groupId", String.valueOf(n2.getId()))
			.param("reason", "The switch needs replacing")
			.param("version", String.valueOf(assigned.json().get("version").asLong())))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(escalated.getResponse().getRedirectedUrl()).isEqualTo(page);
		String french = mvc.perform(get(page).session(session).flashAttrs(escalated.getFlashMap()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(french).contains("Ticket #" + id + " escaladé vers " + n2.getName() + ".");
		assertThat(queue(session, "HANDLED")).contains(page + "\"");

		// A member of the ticket's former group who never took part in it.
		mvc.perform(get(page).session(login(formerColleague))).andExpect(status().isNotFound());
	}

	private String queue(MockHttpSession session, String queue) throws Exception {
		return mvc.perform(get("/agent").session(session).param("queue", queue).param("sort", "NEWEST").param("size", "100"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private MockHttpSession login(User user) throws Exception {
		return (MockHttpSession) mvc
			.perform(formLogin("/login").user(user.getUsername()).password(TestFixtures.PASSWORD))
			.andExpect(authenticated())
			.andReturn()
			.getRequest()
			.getSession(false);
	}

}
