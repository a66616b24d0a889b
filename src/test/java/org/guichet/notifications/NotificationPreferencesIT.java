package org.guichet.notifications;

import java.util.List;
import java.util.Map;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.notifications.NotificationPreferences.Cell;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Impact;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.TicketAction;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Transition;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.notifications.NotificationChannel.EMAIL;
import static org.guichet.notifications.NotificationChannel.IN_APP;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * People's notification preferences applied to both channels: an opted-out person gets neither
 * the in-app notification nor the mail of that event while others do; the administrators'
 * defaults reach whoever did not choose; choices equal to the default are no rows; the profile
 * form and the API.
 */
@GuichetIntegrationTest
class NotificationPreferencesIT {

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private Notifications notifications;

	@Autowired
	private NotificationPreferences preferences;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private WebApplicationContext context;

	private CurrentUser technician;

	@BeforeEach
	void setUp() {
		technician = TestFixtures.current(fixtures.user("prefs-tech", Role.TECHNICIAN));
	}

	@AfterEach
	void restoreDefaults() {
		jdbc.update("delete from notification_default");
	}

	@Test
	void aRequesterWhoOptedOutOfRepliesGetsNeitherTheNotificationNorTheMailWhileAnotherGetsBoth() {
		User quiet = fixtures.user("quiet", Role.REQUESTER);
		User told = fixtures.user("told", Role.REQUESTER);
		preferences.choose(quiet.getId(), false, Map.of(new Cell(NotificationEvent.PUBLIC_REPLY, IN_APP), false,
				new Cell(NotificationEvent.PUBLIC_REPLY, EMAIL), false));

		reply(ticketOf(quiet));
		reply(ticketOf(told));

		assertThat(inApp(quiet, "notification.requester.replied")).isZero();
		assertThat(mails(quiet, "PUBLIC_REPLY")).isZero();
		assertThat(mails(quiet, "RECEIVED")).as("other events still reach them").isEqualTo(1);
		assertThat(inApp(told, "notification.requester.replied")).isEqualTo(1);
		assertThat(mails(told, "PUBLIC_REPLY")).isEqualTo(1);
	}

	@Test
	void anAgentWhoOptedOutOfMentionMailsIsStillToldInAppAndAColleagueGetsBoth() {
		User quiet = fixtures.user("quiet-tech", Role.TECHNICIAN);
		User told = fixtures.user("told-tech", Role.TECHNICIAN);
		preferences.choose(quiet.getId(), true, new Cell(NotificationEvent.MENTIONED, EMAIL), false);
		TicketId ticket = ticketOf(fixtures.user("mention-requester", Role.REQUESTER));

		notifications.notify(NotificationEvent.MENTIONED, List.of(quiet.getId(), told.getId()), ticket.value(),
				"notification.mentioned", ticket.toString(), "A colleague");

		assertThat(inApp(quiet, "notification.mentioned")).isEqualTo(1);
		assertThat(mails(quiet, "AGENT_NOTICE")).isZero();
		assertThat(inApp(told, "notification.mentioned")).isEqualTo(1);
		assertThat(mails(told, "AGENT_NOTICE")).isEqualTo(1);
	}

	@Test
	void anAdministratorsDefaultReachesWhoeverDidNotChooseAndLeavesThoseWhoDid() {
		User following = fixtures.user("following", Role.REQUESTER);
		User keen = fixtures.user("keen", Role.REQUESTER);
		preferences.setDefault(new Cell(NotificationEvent.PUBLIC_REPLY, EMAIL), false);
		preferences.choose(keen.getId(), false, new Cell(NotificationEvent.PUBLIC_REPLY, EMAIL), true);

		reply(ticketOf(following));
		reply(ticketOf(keen));

		assertThat(mails(following, "PUBLIC_REPLY")).isZero();
		assertThat(inApp(following, "notification.requester.replied")).isEqualTo(1);
		assertThat(mails(keen, "PUBLIC_REPLY")).isEqualTo(1);
	}

	@Test
	void aChoiceEqualToTheDefaultIsNoRowSoTheDefaultsLaterChangesReachThePerson() {
		User person = fixtures.user("plain", Role.REQUESTER);
		Cell replyMail = new Cell(NotificationEvent.PUBLIC_REPLY, EMAIL);
		preferences.choose(person.getId(), false, replyMail, false);
		assertThat(rows(person)).isEqualTo(1);
		preferences.choose(person.getId(), false, replyMail, true);
		assertThat(rows(person)).as("back to the default: no row").isZero();

		preferences.setDefault(replyMail, false);
		assertThat(preferences.reach(NotificationEvent.PUBLIC_REPLY, List.of(person.getId())).get(person.getId()))
			.containsExactly(IN_APP);
		assertThat(jdbc.queryForObject("select count(*) from notification_default", Integer.class)).isEqualTo(1);
		preferences.setDefault(replyMail, true);
		assertThat(jdbc.queryForObject("select count(*) from notification_default", Integer.class))
			.as("the built-in default again: no row").isZero();
	}

	@Test
	void theProfileTableSavesTheTickedBoxesAndShowsTheDefaults() throws Exception {
		User person = fixtures.user("profile", Role.REQUESTER);
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		MockHttpSession session = login(mvc, person);
		mvc.perform(get("/profile/notifications").session(session).header("HX-Request", "true")
			.header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"PUBLIC_REPLY.EMAIL\"")))
			.andExpect(content().string(containsString("default: on")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("DAILY_DIGEST"))));

		// every box ticked but the reply's mail
		var form = post("/profile/notifications").session(session).with(csrf());
		for (NotificationEvent event : NotificationPreferences.offeredTo(false)) {
			for (NotificationChannel channel : NotificationChannel.values()) {
				if (event.choosable(channel) && !(event == NotificationEvent.PUBLIC_REPLY && channel == EMAIL)) {
					form.param(event.name() + "." + channel.name(), "on");
				}
			}
		}
		mvc.perform(form).andExpect(redirectedUrl("/profile#notifications"));
		assertThat(rows(person)).as("only the box that differs from the default").isEqualTo(1);
		assertThat(preferences.reach(NotificationEvent.PUBLIC_REPLY, List.of(person.getId())).get(person.getId()))
			.containsExactly(IN_APP);
	}

	@Test
	void theApiListsAndChangesAPersonsChoicesAndRefusesWhatCannotBeChosen() throws Exception {
		User agent = fixtures.user("api-tech", Role.TECHNICIAN);
		User requester = fixtures.user("api-requester", Role.REQUESTER);
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		String token = "Bearer " + fixtures.token(agent);
		mvc.perform(put("/api/v1/me/notification-preferences").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("[{\"event\":\"DAILY_DIGEST\",\"channel\":\"EMAIL\",\"enabled\":true}]"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.event == 'DAILY_DIGEST' && @.channel == 'EMAIL')].enabled").value(true))
			.andExpect(jsonPath("$[?(@.event == 'DAILY_DIGEST' && @.channel == 'EMAIL')].own").value(true));
		assertThat(preferences.reach(NotificationEvent.DAILY_DIGEST, List.of(agent.getId())).get(agent.getId()))
			.containsExactly(EMAIL);

		mvc.perform(put("/api/v1/me/notification-preferences").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("[{\"event\":\"RESOLVED\",\"channel\":\"IN_APP\",\"enabled\":false}]"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(content().string(containsString("channel")));
		mvc.perform(put("/api/v1/me/notification-preferences").header("Authorization", "Bearer " + fixtures.token(requester))
			.contentType(MediaType.APPLICATION_JSON)
			.content("[{\"event\":\"MENTIONED\",\"channel\":\"EMAIL\",\"enabled\":false}]"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("notification.preference.not-offered")));
		mvc.perform(put("/api/v1/me/notification-preferences").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("[{\"event\":\"NOPE\",\"channel\":\"EMAIL\",\"enabled\":false}]"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("event")));
		mvc.perform(get("/api/v1/admin/notification-defaults").header("Authorization", token))
			.andExpect(status().isForbidden());
	}

	@Test
	void anAdministratorChangesTheDefaultsOnTheirPageAndThroughTheApi() throws Exception {
		User admin = fixtures.user("prefs-admin", Role.ADMINISTRATOR);
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		mvc.perform(put("/api/v1/admin/notification-defaults").header("Authorization", "Bearer " + fixtures.token(admin))
			.contentType(MediaType.APPLICATION_JSON)
			.content("[{\"event\":\"DAILY_DIGEST\",\"channel\":\"EMAIL\",\"enabled\":true}]"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.event == 'DAILY_DIGEST' && @.channel == 'EMAIL')].defaultEnabled").value(true));
		MockHttpSession session = login(mvc, admin);
		mvc.perform(get("/admin/notifications").session(session).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"DAILY_DIGEST.EMAIL\"")))
			.andExpect(content().string(containsString("changed")));
		mvc.perform(post("/admin/notifications").session(session).with(csrf())).andExpect(redirectedUrl("/admin/notifications"));
		assertThat(preferences.defaults()).filteredOn(p -> p.event().choosable(p.channel())).allSatisfy(p -> assertThat(p.defaultOn()).isFalse());
	}

	private TicketId ticketOf(User requester) {
		TicketId ticket = tickets.register(new NewTicket(TicketType.INCIDENT, "Printer", "Jammed", null, Channel.PORTAL,
				null, Urgency.MEDIUM, Impact.LOW, List.of()), TestFixtures.current(requester)).id();
		tickets.transition(ticket, Transition.of(TicketAction.TAKE), null, technician);
		return ticket;
	}

	private void reply(TicketId ticket) {
		tickets.comment(ticket, "On our way", false, technician);
	}

	private int inApp(User user, String key) {
		return jdbc.queryForObject("select count(*) from notification where recipient_id = ? and message_key = ?",
				Integer.class, user.getId(), key);
	}

	private int mails(User user, String kind) {
		return jdbc.queryForObject("select count(*) from mail_outbox where recipient_id = ? and kind = ?", Integer.class,
				user.getId(), kind);
	}

	private int rows(User user) {
		return jdbc.queryForObject("select count(*) from notification_preference where user_id = ?", Integer.class,
				user.getId());
	}

	private static MockHttpSession login(MockMvc mvc, User user) throws Exception {
		return (MockHttpSession) mvc.perform(formLogin().user(user.getUsername()).password(TestFixtures.PASSWORD))
			.andReturn()
			.getRequest()
			.getSession();
	}

}
