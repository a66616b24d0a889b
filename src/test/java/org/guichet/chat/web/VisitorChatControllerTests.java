package org.guichet.chat.web;

import java.util.List;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The visitors' chat with {@code guichet.chat.visitors} off, through its own security chain: every
 * page and action answers 404, with or without a cookie, and nothing is started or written. (The
 * full application tests share one context, with the option on: ChatIT.)
 */
class VisitorChatControllerTests extends VisitorChatSlice {

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
		verify(chats, never()).startAsVisitor(anyString(), anyString(), anyString(), anyString(), any());
		verify(chats, never()).visitorPost(anyString(), anyString());
		verify(chats, never()).visitorClose(anyString());
	}

}
