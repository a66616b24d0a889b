package org.guichet.chat.web;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.Cookie;
import org.guichet.chat.ChatSettings;
import org.guichet.chat.ChatStreams;
import org.guichet.chat.Chats;
import org.guichet.system.Problems;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The visitors' chat with {@code guichet.chat.visitors} off, through its own security chain: every
 * page and action answers 404, with or without a cookie, and nothing is started or written. (The
 * full application tests share one context, with the option on: ChatIT.)
 */
@WebMvcTest(VisitorChatController.class)
@ImportAutoConfiguration({ SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class })
@Import({ VisitorChatSecurity.class, Problems.class, VisitorChatControllerTests.VisitorsOff.class })
class VisitorChatControllerTests {

	@TestConfiguration
	static class VisitorsOff {

		@Bean
		ChatSettings chatSettings() {
			return new ChatSettings(List.of(), "", 20, Duration.ofSeconds(10), Duration.ofMinutes(15), false, 5,
					Duration.ofHours(1));
		}

	}

	@Autowired
	WebApplicationContext context;

	@MockitoBean
	Chats chats;

	@MockitoBean
	ChatStreams streams;

	@MockitoBean
	ChatPages pages;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	@Test
	void withTheOptionOffEveryVisitorPageAndActionIsNotFoundAndNothingStartsOrIsWritten() throws Exception {
		mvc.perform(get("/visit/chat")).andExpect(status().isNotFound());
		mvc.perform(post("/visit/chat").with(csrf()).param("name", "Eve").param("email", "eve@example.org")
			.param("text", "Hello")).andExpect(status().isNotFound());
		Cookie cookie = new Cookie(VisitorChatController.COOKIE, "A".repeat(43));
		mvc.perform(get("/visit/chat/conversation").cookie(cookie)).andExpect(status().isNotFound());
		mvc.perform(get("/visit/chat/stream").cookie(cookie)).andExpect(status().isNotFound());
		for (String action : List.of("/visit/chat/messages", "/visit/chat/typing", "/visit/chat/close")) {
			mvc.perform(post(action).with(csrf()).cookie(cookie).param("text", "Hello"))
				.andExpect(status().isNotFound());
		}
		verify(chats, never()).startAsVisitor(anyString(), anyString(), anyString(), anyString());
		verify(chats, never()).visitorPost(anyString(), anyString());
		verify(chats, never()).visitorClose(anyString());
	}

}
