package org.guichet.chat.web;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.guichet.chat.ChatAvailability;
import org.guichet.chat.ChatSettings;
import org.guichet.chat.ChatSignal;
import org.guichet.chat.ChatStreams;
import org.guichet.chat.Chats;
import org.guichet.chat.ConversationView;
import org.guichet.system.DomainException;
import org.guichet.system.InvalidInputException;
import org.guichet.system.NotFoundException;
import org.guichet.system.RepeatableSubmission;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The chat of a visitor who is not logged in (docs/CHAT.md "Visitors"): they give a name, an
 * e-mail address and their first message; their browser then keeps a cookie (HTTP only, path
 * {@value #PATH}) whose token opens that conversation only, so that a reload or a dropped stream
 * resumes it. No path names a conversation: the cookie alone says which. Every page answers 404
 * while {@code guichet.chat.visitors} is off.
 */
@Controller
@RequestMapping(VisitorChatController.PATH)
class VisitorChatController {

	static final String PATH = "/visit/chat";

	/** The cookie of the visitor's token. */
	static final String COOKIE = "guichet-chat-visitor";

	/** How long the cookie lasts: longer than any conversation. */
	private static final Duration COOKIE_LIFE = Duration.ofDays(1);

	private static final String FETCH = "fetch";

	/** The start form's parameter: the cookie opens no conversation any more (cleared, expired). */
	static final String LOST = "lost";

	/** The conversation page's parameter: a start added its message to the conversation open already. */
	static final String ADDED = "added";

	private final Chats chats;

	private final ChatStreams streams;

	private final ChatSettings settings;

	private final ChatPages pages;

	VisitorChatController(Chats chats, ChatStreams streams, ChatSettings settings, ChatPages pages) {
		this.chats = chats;
		this.streams = streams;
		this.settings = settings;
		this.pages = pages;
	}

	@GetMapping
	String initStartForm(@CookieValue(name = COOKIE, required = false) @Nullable String token,
			@RequestParam(name = LOST, required = false) @Nullable String lost, Model model) {
		settings.requireVisitors();
		if (reached(token).filter(ConversationView::isOpen).isPresent()) {
			return "redirect:" + PATH + "/conversation";
		}
		return startPage("", "", "", null, lost != null, model);
	}

	/** Starts the visitor's conversation, or adds the message to the one their cookie opens while it is open. */
	@PostMapping
	String start(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String text,
			@CookieValue(name = COOKIE, required = false) @Nullable String token, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		settings.requireVisitors();
		try {
			Chats.VisitorStart started = chats.startAsVisitor(name, email, text, request.getRemoteAddr(), token);
			if (started.added()) {
				return "redirect:" + PATH + "/conversation?" + ADDED;
			}
			response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, started.token())
				.path(PATH)
				.httpOnly(true)
				.secure(request.isSecure())
				.sameSite("Strict")
				.maxAge(COOKIE_LIFE)
				.build()
				.toString());
			return "redirect:" + PATH + "/conversation";
		}
		catch (DomainException refused) {
			return startPage(name, email, text, refused, false, model);
		}
	}

	/** The conversation the cookie opens; none (cleared, expired, forged): the start form, saying so. */
	@GetMapping("/conversation")
	String showConversation(@CookieValue(name = COOKIE, required = false) @Nullable String token,
			@RequestParam(name = ADDED, required = false) @Nullable String added, Model model) {
		settings.requireVisitors();
		Optional<ConversationView> conversation = reached(token);
		if (conversation.isEmpty()) {
			return "redirect:" + PATH + "?" + LOST;
		}
		model.addAttribute("added", added != null);
		return conversationPage(conversation.get(), Objects.requireNonNull(token), "", null, model);
	}

	/**
	 * Posts the visitor's message. When the cookie opens no conversation any more, the script is
	 * answered 404 with the message saying so, and a form sent without it gets the start form with
	 * the text kept as the first message.
	 */
	@PostMapping("/messages")
	@RepeatableSubmission
	Object post(@RequestParam(defaultValue = "") String text,
			@RequestHeader(name = "X-Requested-With", required = false) @Nullable String requestedWith,
			@CookieValue(name = COOKIE, required = false) @Nullable String token, Model model) {
		settings.requireVisitors();
		boolean fetch = FETCH.equals(requestedWith);
		try {
			chats.visitorPost(required(token), text);
			return fetch ? ResponseEntity.noContent().build() : "redirect:" + PATH + "/conversation";
		}
		catch (NotFoundException lost) {
			if (fetch) {
				return ResponseEntity.status(lost.status()).contentType(MediaType.TEXT_PLAIN).body(pages.message(lost));
			}
			return startPage("", "", text, null, true, model);
		}
		catch (DomainException refused) {
			if (fetch) {
				return ResponseEntity.status(refused.status()).contentType(MediaType.TEXT_PLAIN)
					.body(pages.message(refused));
			}
			String key = required(token);
			return conversationPage(chats.visitorConversation(key), key, text, refused, model);
		}
	}

	@PostMapping("/typing")
	@RepeatableSubmission
	@ResponseBody
	ResponseEntity<Void> typing(@CookieValue(name = COOKIE, required = false) @Nullable String token) {
		chats.visitorTyping(required(token));
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/close")
	String close(@CookieValue(name = COOKIE, required = false) @Nullable String token) {
		settings.requireVisitors();
		try {
			chats.visitorClose(required(token));
			return "redirect:" + PATH + "/conversation";
		}
		catch (NotFoundException lost) {
			return "redirect:" + PATH + "?" + LOST;
		}
	}

	/** The conversation's events after the last message the page has, as {@code ChatConversationController#stream}. */
	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ResponseBody
	SseEmitter stream(@RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId,
			@RequestParam(defaultValue = "0") long after,
			@CookieValue(name = COOKIE, required = false) @Nullable String token, HttpServletResponse response) {
		String key = required(token);
		ConversationView conversation = chats.visitorConversation(key);
		long from = after;
		if (lastEventId != null && lastEventId.matches("\\d{1,18}")) {
			from = Long.parseLong(lastEventId);
		}
		response.setHeader("X-Accel-Buffering", "no");
		response.setHeader("Cache-Control", "no-cache");
		return streams.open(conversation.id(), ChatSignal.VISITOR, false, from,
				afterId -> chats.visitorMessagesAfter(key, afterId));
	}

	/** The conversation the cookie's token opens; empty without a cookie or when it opens none. */
	private Optional<ConversationView> reached(@Nullable String token) {
		try {
			return Optional.of(chats.visitorConversation(required(token)));
		}
		catch (NotFoundException none) {
			return Optional.empty();
		}
	}

	/**
	 * The cookie's token; none is refused as a token that opens no conversation is
	 * ({@code chat.visitor.lost}, 404), after the refusal of visitors when the option is off.
	 */
	private String required(@Nullable String token) {
		settings.requireVisitors();
		if (token == null || token.isBlank()) {
			throw new NotFoundException("chat.visitor.lost", "This chat can no longer be reached from this browser: start a new one");
		}
		return token;
	}

	private String conversationPage(ConversationView conversation, String token, String text,
			@Nullable DomainException refused, Model model) {
		model.addAttribute("conversation", conversation);
		model.addAttribute("messages", chats.visitorMessagesAfter(token, 0));
		model.addAttribute("text", text);
		model.addAttribute("maxLength", Chats.TEXT_MAX);
		model.addAttribute("chatUrl", PATH);
		pages.refusal(refused, model);
		return "chat/visitor-conversation";
	}

	/** @param lost whether to say that the chat of this browser can no longer be reached (its cookie gone) */
	private String startPage(String name, String email, String text, @Nullable DomainException refused, boolean lost,
			Model model) {
		ChatAvailability availability = chats.availability();
		model.addAttribute("availability", availability);
		model.addAttribute("name", name);
		model.addAttribute("email", email);
		model.addAttribute("text", text);
		model.addAttribute("maxLength", Chats.TEXT_MAX);
		model.addAttribute("nameMax", Chats.VISITOR_NAME_MAX);
		model.addAttribute("emailMax", Chats.VISITOR_EMAIL_MAX);
		model.addAttribute("lost", lost);
		Map<String, String> errors = new HashMap<>();
		if (refused instanceof InvalidInputException invalid) {
			Stream.concat(Stream.of(invalid), invalid.others().stream())
				.forEach(field -> errors.putIfAbsent(String.valueOf(field.field()), pages.message(field)));
			model.addAttribute("focus", invalid.field());
		}
		else {
			pages.refusal(refused, model);
		}
		model.addAttribute("errors", errors);
		return "chat/visitor-start";
	}

}
