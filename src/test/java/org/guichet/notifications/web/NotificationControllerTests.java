package org.guichet.notifications.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.guichet.directory.Accounts;
import org.guichet.directory.ApiTokens;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.UserRepository;
import org.guichet.notifications.Notification;
import org.guichet.notifications.Notifications;
import org.guichet.tickets.web.DateFormats;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(NotificationController.class)
@ImportAutoConfiguration({ SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class })
@Import({ NotificationControllerTests.ApplicationSecurity.class, DateFormats.class })
class NotificationControllerTests {

	/** The application's own security rules and locale resolver. */
	@TestConfiguration
	@ComponentScan("org.guichet.directory.internal")
	static class ApplicationSecurity {

		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse("2026-11-28T09:00:00Z"), ZoneOffset.UTC);
		}

	}

	private static final CurrentUser TECHNICIAN = new CurrentUser(3, "tina", "Tina Tech", Role.TECHNICIAN, "en", "",
			true);

	private static final CurrentUser REQUESTER = new CurrentUser(2, "bob", "Bob Requester", Role.REQUESTER, "en", "",
			true);

	@Autowired
	WebApplicationContext context;

	MockMvc mvc;

	@MockitoBean
	Notifications notifications;

	@MockitoBean
	UserRepository users;

	@MockitoBean
	Accounts accounts;

	@MockitoBean
	ApiTokens tokens;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	@Test
	void theAgentSeesTheirNotificationsInTheirLanguageAndTheUnreadCountInTheNavbar() throws Exception {
		Notification fired = mock(Notification.class);
		given(fired.getId()).willReturn(9L);
		given(fired.getTicketId()).willReturn(1042L);
		given(fired.getMessageKey()).willReturn("notification.level-fired");
		given(fired.getArguments()).willReturn(new Object[] { "#1042", "Printer jams", "Standard · 1 · TTR 75 %" });
		given(fired.getCreatedAt()).willReturn(Instant.parse("2026-11-28T08:00:00Z"));
		given(notifications.newest(3)).willReturn(List.of(fired));
		given(notifications.unreadCount(3)).willReturn(1L);

		mvc.perform(get("/notifications").with(user(TECHNICIAN)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(
					"Ticket #1042 “Printer jams”: escalation level Standard · 1 · TTR 75 % fired.")))
			.andExpect(content().string(containsString("aria-label=\"1 unread\"")))
			.andExpect(content().string(containsString("action=\"/notifications/9/read\"")));
	}

	@Test
	void openingANotificationMarksItReadAndGoesToItsTicket() throws Exception {
		Notification fired = mock(Notification.class);
		given(fired.getTicketId()).willReturn(1042L);
		given(notifications.markRead(3, 9)).willReturn(fired);

		mvc.perform(post("/notifications/9/read").with(user(TECHNICIAN)).with(csrf()))
			.andExpect(redirectedUrl("/agent/tickets/1042"));
		mvc.perform(post("/notifications/read").with(user(TECHNICIAN)).with(csrf()))
			.andExpect(redirectedUrl("/notifications"));
		verify(notifications).markAllRead(3);
	}

	@Test
	void aRequesterOpeningTheTeamsNotificationsIsSentToThePortals() throws Exception {
		mvc.perform(get("/notifications").with(user(REQUESTER))).andExpect(redirectedUrl("/portal/notifications"));
		mvc.perform(post("/notifications/read").with(user(REQUESTER)).with(csrf())).andExpect(status().isForbidden());
	}

}
