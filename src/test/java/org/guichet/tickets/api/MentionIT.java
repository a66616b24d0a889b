package org.guichet.tickets.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.notifications.Notification;
import org.guichet.notifications.Notifications;
import org.guichet.testing.ApiClient;
import org.guichet.testing.ApiClient.Response;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** {@code @login} in a reply or a note calls a colleague in: they are told, once, and may read the ticket. */
@GuichetIntegrationTest
class MentionIT {

	@Autowired
	TestFixtures fixtures;

	@Autowired
	TicketManagement tickets;

	@Autowired
	Notifications notifications;

	@Autowired
	WebApplicationContext context;

	@LocalServerPort
	int port;

	User requesterUser;

	User technicianUser;

	User colleague;

	ApiClient requester;

	ApiClient technician;

	long ticketId;

	@BeforeEach
	void setUp() {
		requesterUser = fixtures.user("mentioner-requester", Role.REQUESTER);
		technicianUser = fixtures.user("mentioner", Role.TECHNICIAN);
		colleague = fixtures.user("colleague", Role.TECHNICIAN);
		SupportGroup group = fixtures.group(SupportLevel.N1, technicianUser);
		fixtures.group(SupportLevel.N2, colleague);
		requester = ApiClient.bearer(port, fixtures.token(requesterUser));
		technician = ApiClient.bearer(port, fixtures.token(technicianUser));
		Response created = requester.post("/api/v1/tickets", TicketApiIT.newTicket("Mention " + UUID.randomUUID()));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		ticketId = created.json().get("id").asLong();
		tickets.assign(new TicketId(ticketId), group.getId(), technicianUser.getId(), null,
				TestFixtures.current(technicianUser));
	}

	@Test
	void aColleagueNamedInAReplyIsToldOnceAndMayThenReadTheTicket() {
		ApiClient colleagueClient = ApiClient.bearer(port, fixtures.token(colleague));
		assertThat(colleagueClient.get("/api/v1/tickets/" + ticketId).status())
			.as("the colleague's group does not have the ticket").isEqualTo(404);

		comment(technician, "@" + colleague.getUsername() + " could you look? Thanks @" + colleague.getUsername()
				+ ". cc @" + technicianUser.getUsername() + " and @nobody-" + UUID.randomUUID(), false);

		assertThat(mentions(colleague)).containsExactly("notification.mentioned");
		assertThat(mentions(technicianUser)).as("the author is not told of their own text").isEmpty();
		assertThat(colleagueClient.get("/api/v1/tickets/" + ticketId).status()).isEqualTo(200);
	}

	@Test
	void eachCommentNamingAColleagueTellsThemAgain() {
		comment(technician, "@" + colleague.getUsername() + " first", false);
		comment(technician, "@" + colleague.getUsername() + " second", true);

		assertThat(mentions(colleague)).containsExactlyInAnyOrder("notification.mentioned",
				"notification.mentioned.internal");
	}

	@Test
	void aRequesterNamedInAnInternalNoteIsNeverToldOfIt() {
		comment(technician, "Waiting for @" + requesterUser.getUsername() + ", @" + colleague.getUsername() + " FYI",
				true);

		assertThat(mentions(requesterUser)).isEmpty();
		assertThat(mentions(colleague)).containsExactly("notification.mentioned.internal");
	}

	@Test
	void aRequesterCannotCallTheTeamInByName() {
		comment(requester, "@" + colleague.getUsername() + " please answer me", false);

		assertThat(mentions(colleague)).isEmpty();
	}

	@Test
	void aNameInCodeOrAnEmailAddressCallsNobody() {
		comment(technician, "`@" + colleague.getUsername() + "` and x@" + colleague.getUsername(), false);

		assertThat(mentions(colleague)).isEmpty();
	}

	@Test
	void aColleagueCalledInByTheTeamIsShownByNameAndARequestersAtNameStaysText() throws Exception {
		comment(technician, "Over to @" + colleague.getUsername() + ", not @nobody-" + UUID.randomUUID(), false);
		comment(requester, "Hello @" + colleague.getUsername() + " ?", false);
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();

		for (String page : List.of("/agent/tickets/" + ticketId, "/portal/tickets/" + ticketId)) {
			User reader = page.startsWith("/agent") ? technicianUser : requesterUser;
			String html = mvc.perform(get(page).with(user(TestFixtures.current(reader))))
				.andReturn()
				.getResponse()
				.getContentAsString();
			String mention = "<span class=\"mention\" title=\"" + colleague.getFullName() + "\">@"
					+ colleague.getUsername() + "<span class=\"visually-hidden\"> (" + colleague.getFullName()
					+ ")</span></span>";
			assertThat(html).as(page).contains("Over to " + mention + ", not @nobody-");
			assertThat(html).as(page).contains("Hello @" + colleague.getUsername() + " ?");
		}
	}

	private void comment(ApiClient client, String body, boolean internal) {
		Response response = client.post("/api/v1/tickets/" + ticketId + "/comments",
				Map.of("body", body, "internal", internal));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
	}

	private List<String> mentions(User user) {
		return notifications.newest(user.getId())
			.stream()
			.filter(n -> Long.valueOf(ticketId).equals(n.getTicketId()))
			.map(Notification::getMessageKey)
			.filter(key -> key.startsWith("notification.mentioned"))
			.toList();
	}

}
