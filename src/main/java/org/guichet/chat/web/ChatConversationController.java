package org.guichet.chat.web;

import java.util.Objects;

import jakarta.servlet.http.HttpServletResponse;
import org.guichet.chat.ChatStreams;
import org.guichet.chat.Chats;
import org.guichet.chat.ConversationView;
import org.guichet.directory.CurrentUser;
import org.guichet.system.DomainException;
import org.guichet.system.RepeatableSubmission;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * What both sides of a conversation do on it: post a message (sent by the page's script, which
 * asks with {@code X-Requested-With: fetch} and gets 204 or the refusal as text; a plain form gets
 * the page again), say they are typing, close it, and read its event stream. Who may do each is
 * {@link Chats}' rule.
 */
@Controller
@RequestMapping("/chat/{id}")
class ChatConversationController {

	private static final String FETCH = "fetch";

	private final Chats chats;

	private final ChatStreams streams;

	private final ChatPages pages;

	ChatConversationController(Chats chats, ChatStreams streams, ChatPages pages) {
		this.chats = chats;
		this.streams = streams;
		this.pages = pages;
	}

	@PostMapping("/messages")
	@RepeatableSubmission
	Object post(@PathVariable long id, @RequestParam(defaultValue = "") String text,
			@RequestHeader(name = "X-Requested-With", required = false) @Nullable String requestedWith,
			@AuthenticationPrincipal CurrentUser me, Model model) {
		boolean fetch = FETCH.equals(requestedWith);
		try {
			chats.post(id, text, me);
			return fetch ? ResponseEntity.noContent().build() : "redirect:" + page(id, me);
		}
		catch (DomainException refused) {
			if (fetch) {
				return ResponseEntity.status(refused.status()).contentType(MediaType.TEXT_PLAIN)
					.body(pages.message(refused));
			}
			return pages.conversation(id, isAgentSide(chats.conversation(id, me), me), text, refused, me, model);
		}
	}

	@PostMapping("/typing")
	@RepeatableSubmission
	@ResponseBody
	ResponseEntity<Void> typing(@PathVariable long id, @AuthenticationPrincipal CurrentUser me) {
		chats.typing(id, me);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/close")
	String close(@PathVariable long id, @AuthenticationPrincipal CurrentUser me) {
		chats.close(id, me);
		return "redirect:" + page(id, me);
	}

	/**
	 * The conversation's events after the last message the page has: {@code Last-Event-ID} when
	 * the browser reconnects, else {@code after} (the last message the page showed), else all.
	 */
	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ResponseBody
	SseEmitter stream(@PathVariable long id, @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId,
			@RequestParam(defaultValue = "0") long after, @AuthenticationPrincipal CurrentUser me,
			HttpServletResponse response) {
		ConversationView conversation = chats.conversation(id, me);
		long from = after;
		if (lastEventId != null && lastEventId.matches("\\d{1,18}")) {
			from = Long.parseLong(lastEventId);
		}
		// a reverse proxy (nginx) passes each event on at once rather than buffering the stream
		response.setHeader("X-Accel-Buffering", "no");
		response.setHeader("Cache-Control", "no-cache");
		return streams.open(id, me.id(), isAgentSide(conversation, me), from,
				afterId -> chats.messagesAfter(id, afterId, me));
	}

	private boolean isAgentSide(ConversationView conversation, CurrentUser me) {
		return (conversation.isVisitor() || !Objects.equals(conversation.requesterId(), me.id())) && chats.isChatAgent(me);
	}

	private String page(long id, CurrentUser me) {
		return isAgentSide(chats.conversation(id, me), me) ? "/agent/chat/" + id : "/portal/chat/" + id;
	}

}
