package org.guichet.chat.web;

import java.util.Optional;

import org.guichet.chat.ChatAvailability;
import org.guichet.chat.Chats;
import org.guichet.chat.ConversationView;
import org.guichet.directory.CurrentUser;
import org.guichet.system.DomainException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The requester's chat on the portal: whether someone answers now, starting a conversation (or,
 * when no one is available, filing a ticket with the text typed: the portal's request form opens with
 * it as the description), and the conversation's page.
 */
@Controller
@RequestMapping("/portal/chat")
class ChatPortalController {

	private final Chats chats;

	private final ChatPages pages;

	ChatPortalController(Chats chats, ChatPages pages) {
		this.chats = chats;
		this.pages = pages;
	}

	@GetMapping
	String initStartForm(@AuthenticationPrincipal CurrentUser me, Model model) {
		Optional<ConversationView> open = chats.openConversationOf(me);
		if (open.isPresent()) {
			return "redirect:/portal/chat/" + open.get().id();
		}
		return startPage("", null, model);
	}

	@PostMapping
	String start(@RequestParam(defaultValue = "") String text, @RequestParam(required = false) @Nullable String instead,
			@AuthenticationPrincipal CurrentUser me, Model model) {
		if ("ticket".equals(instead)) {
			return "redirect:" + UriComponentsBuilder.fromPath("/portal/tickets/new").queryParam("description", text)
				.encode().build().toUriString();
		}
		try {
			Chats.Started started = chats.start(text, me);
			return "redirect:/portal/chat/" + started.conversation().getId() + (started.added() ? "?added" : "");
		}
		catch (DomainException refused) {
			return startPage(text, refused, model);
		}
	}

	/** @param added present when a start added its message to this conversation, open already: the page says so */
	@GetMapping("/{id}")
	String showConversation(@PathVariable long id, @RequestParam(required = false) @Nullable String added,
			@AuthenticationPrincipal CurrentUser me, Model model) {
		model.addAttribute("added", added != null);
		return pages.conversation(id, false, "", null, me, model);
	}

	private String startPage(String text, @Nullable DomainException refused, Model model) {
		ChatAvailability availability = chats.availability();
		model.addAttribute("availability", availability);
		model.addAttribute("text", text);
		model.addAttribute("maxLength", Chats.TEXT_MAX);
		pages.refusal(refused, model);
		return "chat/start";
	}

}
