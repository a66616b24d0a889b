package org.guichet.chat.web;

import org.guichet.chat.ChatAvailability;
import org.guichet.chat.Chats;
import org.guichet.system.ConflictException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The visitors' start form when a refusal names no field (too many chats from the connection, no
 * one available), with the option on; in a web slice, {@link Chats} answering the refusal: over
 * HTTP every full application test comes from localhost, one network, whose limit a test would use
 * up for the others.
 */
@TestPropertySource(properties = "guichet.chat.visitors=true")
class VisitorChatStartPageTests extends VisitorChatSlice {

	@BeforeEach
	void someoneAnswers() {
		given(chats.availability()).willReturn(new ChatAvailability(true, null, null));
	}

	@Test
	void tooManyChatsIsSaidUnderTheMessageWithTheFieldsErrorsAsAnAlertThatTakesTheFocusWhatWasTypedKept() throws Exception {
		given(chats.startAsVisitor(anyString(), anyString(), anyString(), anyString(), isNull()))
			.willThrow(new ConflictException("chat.visitors.too-many", "Too many", 5, 60L));

		String html = mvc.perform(post("/visit/chat").with(csrf()).header("Accept-Language", "en")
				.param("name", "Eve").param("email", "eve@example.org").param("text", "My printer jams"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		Document page = Jsoup.parse(html);
		Element refusal = page.selectFirst("#chat-start-error");
		assertThat(refusal).isNotNull();
		assertThat(refusal.text()).isEqualTo("Too many chats started from your connection: at most 5 in 60 minutes."
				+ " Try again later, or send an e-mail.");
		assertThat(refusal.attr("role")).isEqualTo("alert");
		assertThat(refusal.hasAttr("autofocus")).as("the focus, where a screen reader reads it").isTrue();
		assertThat(refusal.attr("tabindex")).isEqualTo("-1");
		assertThat(page.select("#chat-start [id]")).extracting(Element::id).as("under the message, inside the form")
			.containsSubsequence("chat-start-text", "chat-start-error", "chat-start-button");
		assertThat(page.select("[autofocus]")).extracting(Element::id).containsExactly("chat-start-error");
		assertThat(page.select("[aria-invalid]")).as("no field is at fault").isEmpty();
		assertThat(page.select("#chat-visitor-name").attr("value")).isEqualTo("Eve");
		assertThat(page.select("#chat-start-text").text()).isEqualTo("My printer jams");
	}

}
