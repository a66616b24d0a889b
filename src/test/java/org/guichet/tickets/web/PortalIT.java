package org.guichet.tickets.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.ShiftableClock;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Channel;
import org.guichet.tickets.DeskSettings;
import org.guichet.tickets.Impact;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.PendingReason;
import org.guichet.tickets.SolutionKind;
import org.guichet.tickets.SurveySettings;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketAction;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.Transition;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
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
 * The requester's portal: searching their tickets by status group and text, with the filter in
 * the URL; and a message refused because the ticket changed meanwhile, kept in the page.
 */
@GuichetIntegrationTest
class PortalIT {

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private DeskSettings settings;

	@Autowired
	private ShiftableClock clock;

	private MockMvc mvc;

	private User alice;

	private CurrentUser technician;

	private String word;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		alice = fixtures.user("portal-alice", Role.REQUESTER);
		technician = TestFixtures.current(fixtures.user("portal-tech", Role.TECHNICIAN));
		word = "zq" + UUID.randomUUID().toString().substring(0, 8);
	}

	@AfterEach
	void restore() {
		clock.reset();
		settings.saveSurvey(SurveySettings.DEFAULT);
	}

	@Test
	void aRatingAfterTheSurveyExpiredIsRefusedOnThePageWithItsReason() throws Exception {
		settings.saveSurvey(new SurveySettings(true, 100, 0, 1));
		Ticket ticket = register("Keyboard " + word, "sticky keys");
		resolve(ticket);
		tickets.transition(ticket.id(), Transition.of(TicketAction.ACCEPT), null, TestFixtures.current(alice));
		MockHttpSession session = login(alice);
		assertThat(mvc.perform(get("/portal/tickets/" + ticket.id().value()).session(session))
			.andReturn().getResponse().getContentAsString()).contains("id=\"rating\"");

		clock.advance(Duration.ofDays(1));
		assertThat(mvc.perform(get("/portal/tickets/" + ticket.id().value()).session(session))
			.andReturn().getResponse().getContentAsString()).as("no survey to answer").doesNotContain("id=\"rating\"");
		String page = mvc.perform(post("/portal/tickets/" + ticket.id().value() + "/rate").session(session)
			.header("Accept-Language", "en")
			.with(csrf())
			.param("rating", "5")
			.param("comment", "Late " + word)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("The satisfaction survey of this request has expired").contains("Late " + word);
		assertThat(tickets.find(ticket.id()).getSatisfactionRating()).isNull();
	}

	@Test
	void aRequesterFiltersTheirTicketsByStatusGroupAndKeepsTheFilterInThePagesLinks() throws Exception {
		Ticket open = register("Printer " + word, "jammed");
		Ticket waiting = register("Screen", "black since " + word);
		pending(waiting);
		Ticket resolved = register("VPN " + word, "drops");
		resolve(resolved);
		Ticket closed = register("Mouse " + word, "broken");
		resolve(closed);
		tickets.transition(closed.id(), Transition.of(TicketAction.ACCEPT), null, TestFixtures.current(alice));
		MockHttpSession session = login(alice);

		assertThat(list(session, "status=OPEN&q=" + word)).contains(link(open), link(waiting))
			.doesNotContain(link(resolved), link(closed));
		assertThat(list(session, "status=WAITING_ON_REQUESTER&q=" + word)).contains(link(waiting))
			.doesNotContain(link(open), link(resolved), link(closed));
		assertThat(list(session, "status=RESOLVED")).contains(link(resolved))
			.doesNotContain(link(open), link(waiting), link(closed));
		assertThat(list(session, "status=CLOSED")).contains(link(closed))
			.doesNotContain(link(open), link(waiting), link(resolved));
		assertThat(list(session, "status=anything&q=" + word)).contains(link(open), link(waiting), link(resolved),
				link(closed));
		assertThat(list(session, "status=OPEN&q=" + word)).contains("selected")
			.contains("value=\"" + word + "\"")
			.contains("id=\"filter-reset\"");
	}

	@Test
	void theTextFindsTheNumberTheTitleOrTheDescriptionOfTheRequestersOwnTicketsOnly() throws Exception {
		Ticket byTitle = register("Badge " + word, "does not open the door");
		Ticket byDescription = register("Door", "The badge reader says " + word.toUpperCase());
		Ticket other = register("Keyboard", "missing keys");
		Ticket someoneElses = tickets.register(demand("Badge " + word, "too"),
				TestFixtures.current(fixtures.user("portal-bob", Role.REQUESTER)));
		MockHttpSession session = login(alice);

		assertThat(list(session, "q=" + word)).contains(link(byTitle), link(byDescription))
			.doesNotContain(link(other), link(someoneElses));
		assertThat(list(session, "q=" + other.id().value())).contains(link(other));
		assertThat(list(session, "q=" + other.id())).contains(link(other)).doesNotContain(link(byTitle));
		assertThat(list(session, "q=" + someoneElses.id())).doesNotContain(link(someoneElses))
			.contains("No request matches this search.");
		assertThat(list(session, "q=%2399999999999999999999")).contains("No request matches this search.");
	}

	@Test
	void thePagesOfAFilteredListKeepTheFilter() throws Exception {
		for (int i = 0; i < 21; i++) {
			register("Laptop " + i + " " + word, "slow");
		}
		String first = list(login(alice), "status=OPEN&q=" + word);
		assertThat(first).contains("/portal?status=OPEN&amp;q=" + word + "&amp;page=1");
	}

	@Test
	void aSolvedAnswerToATicketReopenedMeanwhileKeepsTheMessageInTheReplyForm() throws Exception {
		Ticket ticket = register("Wi-Fi " + word, "no signal");
		resolve(ticket);
		long seenVersion = tickets.find(ticket.id()).getVersion();
		tickets.transition(ticket.id(), Transition.of(TicketAction.REOPEN), null, technician);

		String page = mvc.perform(post("/portal/tickets/" + ticket.id().value() + "/answer").session(login(alice))
			.with(csrf())
			.param("version", String.valueOf(seenVersion))
			.param("solved", "true")
			.param("reason", "Thanks, it works again " + word)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"reply\"").contains("Thanks, it works again " + word);
	}

	@Test
	void aReplyToATicketClosedMeanwhileIsKeptForANewRequestInPlainWords() throws Exception {
		Ticket ticket = register("Phone " + word, "no tone");
		resolve(ticket);
		tickets.transition(ticket.id(), Transition.of(TicketAction.ACCEPT), null, TestFixtures.current(alice));

		String page = mvc.perform(post("/portal/tickets/" + ticket.id().value() + "/reply").session(login(alice))
			.header("Accept-Language", "en")
			.with(csrf())
			.param("body", "It is broken again " + word)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"kept-message\"")
			.contains("It is broken again " + word)
			.contains("Your message is kept below")
			.doesNotContain("&quot;followUpOf&quot;")
			.doesNotContain("/api/v1");
		String form = mvc.perform(get("/portal/tickets/new").session(login(alice))
			.param("followUpOf", String.valueOf(ticket.id().value()))
			.param("description", "It is broken again " + word)).andReturn().getResponse().getContentAsString();
		assertThat(form).contains("It is broken again " + word);
	}

	@Test
	void aRatingCommentOverTheLimitIsRefusedNextToItsFieldAndKeptAsTyped() throws Exception {
		Ticket ticket = register("Screen " + word, "flickers");
		resolve(ticket);
		// the survey asks about closed tickets
		tickets.transition(ticket.id(), Transition.of(TicketAction.ACCEPT), null, TestFixtures.current(alice));
		MockHttpSession session = login(alice);
		String form = mvc.perform(get("/portal/tickets/" + ticket.id().value()).session(session)
			.header("Accept-Language", "en")).andReturn().getResponse().getContentAsString();
		assertThat(form).contains("maxlength=\"2000\" aria-describedby=\"comment-help\"")
			.contains("id=\"comment-help\"", "At most 2,000 characters.");

		String tooLong = word + "x".repeat(Ticket.RATING_COMMENT_MAX);
		String page = mvc.perform(post("/portal/tickets/" + ticket.id().value() + "/rate").session(session)
			.header("Accept-Language", "en")
			.with(csrf())
			.param("rating", "4")
			.param("comment", tooLong)).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains("Too long: enter at most 2,000 characters.").contains(tooLong);
		assertThat(tickets.find(ticket.id()).getSatisfactionRating()).isNull();
	}

	private String list(MockHttpSession session, String query) throws Exception {
		return mvc.perform(get(URI.create("/portal?" + query.replace("#", "%23"))).session(session)
			.header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static String link(Ticket ticket) {
		return "href=\"/portal/tickets/" + ticket.id().value() + "\"";
	}

	private Ticket register(String title, String description) {
		return tickets.register(demand(title, description), TestFixtures.current(alice));
	}

	private static NewTicket demand(String title, String description) {
		return new NewTicket(TicketType.INCIDENT, title, description, null, Channel.PORTAL, null, Urgency.MEDIUM,
				Impact.LOW, List.of());
	}

	private void pending(Ticket ticket) {
		tickets.transition(ticket.id(), Transition.of(TicketAction.TAKE), null, technician);
		tickets.transition(ticket.id(), new Transition(TicketAction.PENDING, null, PendingReason.USER, null, null),
				null, technician);
	}

	private void resolve(Ticket ticket) {
		tickets.transition(ticket.id(), Transition.of(TicketAction.TAKE), null, technician);
		tickets.transition(ticket.id(),
				new Transition(TicketAction.RESOLVE, null, null, "Restarted", SolutionKind.PERMANENT), null, technician);
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
