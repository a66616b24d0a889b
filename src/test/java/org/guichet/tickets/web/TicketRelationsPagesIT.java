package org.guichet.tickets.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.guichet.directory.Role;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.User;
import org.guichet.testing.DatabaseNeutral;
import org.guichet.testing.HtmlForms;
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
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
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
 * Links, merge and observers from the agent's ticket page: each form does what it says, and a
 * refusal comes back to the page with the message next to the field and what was typed.
 */
@GuichetIntegrationTest
@DatabaseNeutral
class TicketRelationsPagesIT {

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
		requester = fixtures.user("pages-asker", Role.REQUESTER);
		User technician = fixtures.user("pages-tech", Role.TECHNICIAN);
		fixtures.group(SupportLevel.N1, technician);
		agent = login(technician);
	}

	@Test
	void anAgentLinksTwoTicketsFromThePageAndEachShowsTheLinkInItsOwnWords() throws Exception {
		long child = ticket("Move the printer");
		long parent = ticket("Office move");

		MvcResult linked = submit(child, "/links", Map.of("relation", "CHILD_OF", "ticket", "#" + parent));
		assertThat(linked.getResponse().getRedirectedUrl()).isEqualTo("/agent/tickets/" + child + "#relations");
		assertThat(page(child, linked)).contains("Child of", "#" + parent + " Office move", "Linked to #" + parent);
		String parentPage = page(parent, null);
		assertThat(parentPage).contains("Parent of", "#" + child + " Move the printer");
	}

	@Test
	void aRefusedLinkComesBackWithTheReasonNextToTheNumberAndTheNumberTyped() throws Exception {
		long id = ticket("Screen");

		MvcResult refused = submit(id, "/links", Map.of("relation", "DUPLICATE_OF", "ticket", "#" + id));
		assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/agent/tickets/" + id + "#relations-link");
		String page = page(id, refused);
		assertThat(page).contains("id=\"link-ticket-error\"", "A ticket cannot be linked to itself",
				"value=\"#" + id + "\"", "aria-invalid=\"true\"");
		assertThat(page).containsPattern("<option value=\"DUPLICATE_OF\" selected=\"selected\"");

		String unknown = page(id, submit(id, "/links", Map.of("relation", "RELATED_TO", "ticket", "twelve")));
		assertThat(unknown).contains("“twelve” is not a ticket number", "value=\"twelve\"");
	}

	@Test
	void anAgentMergesADuplicateFromThePageAndLandsOnTheTicketItWasMergedInto() throws Exception {
		long duplicate = ticket("VPN down");
		long original = ticket("VPN does not connect");
		tickets.comment(new TicketId(duplicate), "Still down", false, TestFixtures.current(requester));

		MvcResult merged = submit(duplicate, "/merge", Map.of("into", String.valueOf(original)));
		assertThat(merged.getResponse().getRedirectedUrl()).isEqualTo("/agent/tickets/" + original);
		String page = page(original, merged);
		assertThat(page).contains("#" + duplicate + " was merged into #" + original, "Still down",
				"from #" + duplicate, "Merged from");
		assertThat(tickets.find(new TicketId(duplicate)).getStatus()).isEqualTo(Status.CANCELLED);
		assertThat(page(duplicate, null)).contains("Merged into").doesNotContain("id=\"relations-merge\"");
	}

	@Test
	void aMergeIntoAClosedTicketIsRefusedOnThePageWithTheNumberKept() throws Exception {
		long duplicate = ticket("Mouse");
		long cancelled = ticket("Mouse too");
		submit(cancelled, "/merge", Map.of("into", String.valueOf(ticket("Mouse, the first"))));

		MvcResult refused = submit(duplicate, "/merge", Map.of("into", String.valueOf(cancelled)));
		String page = page(duplicate, refused);
		assertThat(page).contains("id=\"merge-error\"", "is closed or cancelled", "value=\"" + cancelled + "\"");
		assertThat(tickets.find(new TicketId(duplicate)).getStatus()).isEqualTo(Status.NEW);
	}

	@Test
	void anAgentAddsAndRemovesAnObserverFromThePage() throws Exception {
		long id = ticket("Badge");
		User colleague = fixtures.user("pages-colleague", Role.TECHNICIAN);

		String page = page(id, submit(id, "/observers", Map.of("username", colleague.getUsername())));
		assertThat(page).contains("id=\"observer-" + colleague.getId() + "\"",
				colleague.getFullName() + " observes the ticket.");

		String unknown = page(id, submit(id, "/observers", Map.of("username", "nobody-by-that-name")));
		assertThat(unknown).contains("id=\"observer-error\"", "no active person with the username",
				"value=\"nobody-by-that-name\"");

		page = page(id, submit(id, "/observers/" + colleague.getId() + "/delete", Map.of()));
		assertThat(page).contains("Observer removed.").doesNotContain("id=\"observer-" + colleague.getId() + "\"");
	}

	@Test
	void theTicketToLinkIsFoundByWordsOfItsTitleOrItsNumberAmongTheTicketsTheAgentSeesOnly() throws Exception {
		String word = "zq" + UUID.randomUUID().toString().substring(0, 8);
		long page = ticket("Printer " + word + " on floor 2");
		long other = ticket("Printer " + word + " on floor 3");
		long hidden = ticket("Printer " + word + " in the other building");
		SupportGroup elsewhere = fixtures.group(SupportLevel.N2, fixtures.user("pages-n2", Role.TECHNICIAN));
		tickets.assign(new TicketId(hidden), elsewhere.getId(), null, null,
				TestFixtures.current(fixtures.user("pages-admin", Role.ADMINISTRATOR)));

		String byTitle = candidates(page, "ticket", word.toUpperCase());
		assertThat(byTitle).contains("id=\"candidate-" + other + "\"", "data-label=\"#" + other + "\"",
				"Printer " + word + " on floor 3")
			.as("not the page's own ticket, nor one of another group's")
			.doesNotContain("candidate-" + page + "\"", "candidate-" + hidden + "\"");
		assertThat(candidates(page, "into", "#" + other)).contains("id=\"candidate-" + other + "\"");
		assertThat(candidates(page, "ticket", String.valueOf(hidden))).contains("No ticket you may see matches.")
			.doesNotContain("candidate-");
		assertThat(candidates(page, "ticket", "z")).as("one letter asks nothing").doesNotContain("<li");
	}

	private String candidates(long page, String field, String typed) throws Exception {
		return mvc.perform(get("/agent/tickets/" + page + "/link-candidates").session(agent)
			.header("Accept-Language", "en")
			.header("HX-Request", "true")
			.param(field, typed)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private long ticket(String title) {
		return tickets.register(new NewTicket(TicketType.INCIDENT, title, "Something to look at " + UUID.randomUUID(),
				null, Channel.PORTAL, null, Urgency.LOW, null, List.of()), TestFixtures.current(requester))
			.id()
			.value();
	}

	/** Posts the form of the ticket page whose action ends with {@code path}, as a browser would. */
	private MvcResult submit(long id, String path, Map<String, String> typed) throws Exception {
		String action = "/agent/tickets/" + id + path;
		Map<String, String> fields = HtmlForms.hiddenFields(page(id, null), action);
		fields.remove("_csrf");
		fields.putAll(typed);
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		fields.forEach(params::add);
		return mvc.perform(post(action).session(agent).with(csrf()).params(params))
			.andExpect(status().is3xxRedirection())
			.andReturn();
	}

	/** The ticket page, with the flash attributes of the redirect that led to it, if any. */
	private String page(long id, MvcResult redirect) throws Exception {
		var request = get("/agent/tickets/" + id).session(agent);
		if (redirect != null) {
			request.flashAttrs(redirect.getFlashMap());
		}
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private MockHttpSession login(User user) throws Exception {
		MvcResult result = mvc.perform(formLogin("/login").user(user.getUsername()).password(TestFixtures.PASSWORD))
			.andExpect(authenticated())
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
