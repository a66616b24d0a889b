package org.guichet.notifications;

import java.util.List;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Channel;
import org.guichet.tickets.EscalationKind;
import org.guichet.tickets.Impact;
import org.guichet.tickets.MajorIncidents;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.PendingReason;
import org.guichet.tickets.SolutionKind;
import org.guichet.tickets.TicketAction;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketMerge;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Transition;
import org.guichet.tickets.Urgency;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a requester is told in-app about their ticket: the team's public replies, a wait on them,
 * a resolution, a reopening; never an internal note, an escalation or what they did themselves.
 */
@GuichetIntegrationTest
class RequesterNotificationsIT {

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private Notifications notifications;

	@Autowired
	private TicketMerge merges;

	@Autowired
	private MajorIncidents majorIncidents;

	private User alice;

	private CurrentUser requester;

	private CurrentUser technician;

	private TicketId ticket;

	@BeforeEach
	void setUp() {
		alice = fixtures.user("notified-alice", Role.REQUESTER);
		requester = TestFixtures.current(alice);
		technician = TestFixtures.current(fixtures.user("notifying-tech", Role.TECHNICIAN));
		ticket = tickets.register(new NewTicket(TicketType.INCIDENT, "Printer on fire", "Smoke", null, Channel.PORTAL,
				null, Urgency.MEDIUM, Impact.LOW, List.of()), requester).id();
		tickets.transition(ticket, Transition.of(TicketAction.TAKE), null, technician);
	}

	@Test
	void aPublicReplyOfTheTeamIsToldToTheRequesterAndAnInternalNoteIsNot() {
		tickets.comment(ticket, "Secret: the N2 group suspects the toner", true, technician);
		assertThat(keys()).isEmpty();
		tickets.comment(ticket, "We are on our way", false, technician);
		assertThat(keys()).containsExactly("notification.requester.replied");
		assertThat(notifications.newest(alice.getId()).get(0).getArguments())
			.containsExactly(ticket.toString(), "Printer on fire");
	}

	@Test
	void theRequestersOwnReplyAndAnEscalationTellThemNothing() {
		tickets.comment(ticket, "It smells", false, requester);
		long n2 = fixtures.group(SupportLevel.N2, fixtures.user("n2-tech", Role.TECHNICIAN)).getId();
		tickets.escalate(ticket, EscalationKind.FUNCTIONAL, n2, null, "Fire!", null, technician);
		assertThat(keys()).isEmpty();
	}

	@Test
	void aWaitOnTheRequesterAResolutionAndAReopeningAreTold() {
		tickets.transition(ticket, new Transition(TicketAction.PENDING, null, PendingReason.SUPPLIER, null, null), null,
				technician);
		assertThat(keys()).as("a wait on a supplier asks nothing of the requester").isEmpty();
		tickets.transition(ticket, Transition.of(TicketAction.RESUME), null, technician);
		tickets.transition(ticket, new Transition(TicketAction.PENDING, null, PendingReason.USER, null, null), null,
				technician);
		assertThat(keys()).containsExactly("notification.requester.waiting");
		tickets.transition(ticket, Transition.of(TicketAction.RESUME), null, technician);
		tickets.transition(ticket, new Transition(TicketAction.RESOLVE, null, null, "New printer", SolutionKind.PERMANENT),
				null, technician);
		tickets.transition(ticket, Transition.of(TicketAction.ACCEPT), null, requester);
		tickets.transition(ticket, Transition.of(TicketAction.REOPEN), null, technician);
		assertThat(keys()).containsExactly("notification.requester.reopened", "notification.requester.resolved",
				"notification.requester.waiting");
	}

	@Test
	void whoSaidMeTooOnAMajorIncidentIsToldOfItsResolutionAsTheBannerPromises() {
		User bob = fixtures.user("me-too-bob", Role.REQUESTER);
		CurrentUser supervisor = TestFixtures.current(fixtures.user("major-supervisor", Role.SUPERVISOR));
		majorIncidents.flag(ticket, "The printers of the floor are down", null, supervisor);
		assertThat(majorIncidents.follow(ticket, TestFixtures.current(bob))).isTrue();
		tickets.transition(ticket, new Transition(TicketAction.RESOLVE, null, null, "New printer", SolutionKind.PERMANENT),
				null, technician);
		assertThat(notifications.newest(bob.getId())).singleElement().satisfies(told -> {
			assertThat(told.getMessageKey()).isEqualTo("notification.observer.resolved");
			assertThat(told.getArguments()).containsExactly(ticket.toString(), "Printer on fire");
		});
		assertThat(keys()).as("the requester is told once, as the requester")
			.containsExactly("notification.requester.resolved");
	}

	@Test
	void aCancellationByTheTeamIsToldButNotTheRequestersOwnNorAMerge() {
		tickets.transition(ticket, new Transition(TicketAction.CANCEL, "Registered twice", null, null, null), null,
				technician);
		assertThat(keys()).containsExactly("notification.requester.cancelled");
		assertThat(tickets.find(ticket).getCancelReason()).isEqualTo("Registered twice");

		TicketId own = tickets.register(new NewTicket(TicketType.INCIDENT, "Mouse", "Dead", null, Channel.PORTAL, null,
				Urgency.LOW, Impact.LOW, List.of()), requester).id();
		tickets.transition(own, new Transition(TicketAction.CANCEL, "It works again", null, null, null), null,
				requester);
		TicketId duplicate = tickets.register(new NewTicket(TicketType.INCIDENT, "Mouse again", "Dead", null,
				Channel.PORTAL, null, Urgency.LOW, Impact.LOW, List.of()), requester).id();
		TicketId original = tickets.register(new NewTicket(TicketType.INCIDENT, "Mouse, first", "Dead", null,
				Channel.PORTAL, null, Urgency.LOW, Impact.LOW, List.of()), requester).id();
		merges.merge(duplicate, original.value(), null, technician);
		assertThat(keys()).as("their own cancellation is not told back; a merge is told as a merge")
			.filteredOn("notification.requester.cancelled"::equals)
			.hasSize(1);
		assertThat(tickets.find(duplicate).getCancelReason()).isNull();
	}

	@Test
	void theRequesterSeesTheUnreadCountOnThePortalAndOpensTheTicketFromTheNotification() throws Exception {
		tickets.comment(ticket, "We are on our way", false, technician);
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		MockHttpSession session = (MockHttpSession) mvc
			.perform(formLogin("/login").user(alice.getUsername()).password(TestFixtures.PASSWORD))
			.andExpect(authenticated())
			.andReturn()
			.getRequest()
			.getSession(false);
		String portal = mvc.perform(get("/portal").session(session).header("Accept-Language", "en"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(portal).contains("href=\"/portal/notifications\"").contains("1 unread");
		String page = mvc.perform(get("/portal/notifications").session(session).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("The IT team replied to your request " + ticket + " “Printer on fire”.");
		long id = notifications.newest(alice.getId()).get(0).getId();
		mvc.perform(post("/portal/notifications/" + id + "/read").session(session).with(csrf()))
			.andExpect(redirectedUrl("/portal/tickets/" + ticket.value()));
		assertThat(notifications.unreadCount(alice.getId())).isZero();
	}

	@Test
	void aRequesterOpeningAnAgentsPageThatThePortalHasToIsSentThereAndRefusedElsewhere() throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		MockHttpSession session = (MockHttpSession) mvc
			.perform(formLogin("/login").user(alice.getUsername()).password(TestFixtures.PASSWORD))
			.andExpect(authenticated())
			.andReturn()
			.getRequest()
			.getSession(false);
		mvc.perform(get("/notifications").session(session)).andExpect(redirectedUrl("/portal/notifications"));
		mvc.perform(get("/agent").session(session)).andExpect(redirectedUrl("/portal"));
		mvc.perform(get("/agent/tickets/" + ticket.value()).session(session))
			.andExpect(redirectedUrl("/portal/tickets/" + ticket.value()));
		mvc.perform(get("/agent/tickets/new").session(session)).andExpect(redirectedUrl("/portal/tickets/new"));
		mvc.perform(get("/admin").session(session)).andExpect(status().isForbidden());
		mvc.perform(post("/notifications/read").session(session).with(csrf())).andExpect(status().isForbidden());
	}

	private List<String> keys() {
		return notifications.newest(alice.getId()).stream().map(Notification::getMessageKey).toList();
	}

}
