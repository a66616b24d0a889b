package org.guichet.chat.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.guichet.chat.ChatStreams;
import org.guichet.chat.Chats;
import org.guichet.directory.CurrentUser;
import org.guichet.system.DomainException;
import org.guichet.system.ForbiddenException;
import org.guichet.system.InvalidInputException;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketType;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agents' chat in the workspace, for the members of the chat groups: the waiting
 * conversations and their waiting time, the agent's own; taking one; its page with the requester's
 * open tickets; turning it into a ticket. While the queue or a conversation is open, the agent is
 * online for the requesters.
 */
@Controller
@RequestMapping("/agent/chat")
class ChatAgentController {

	private static final Pattern TARGET = Pattern.compile("(agent|group):(\\d{1,18})");

	private final Chats chats;

	private final ChatStreams streams;

	private final ChatPages pages;

	ChatAgentController(Chats chats, ChatStreams streams, ChatPages pages) {
		this.chats = chats;
		this.streams = streams;
		this.pages = pages;
	}

	@GetMapping
	String showQueue(@AuthenticationPrincipal CurrentUser me, Model model) {
		model.addAttribute("waiting", chats.waiting(me));
		model.addAttribute("mine", chats.activeOf(me));
		model.addAttribute("availability", chats.availability());
		return "chat/queue";
	}

	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ResponseBody
	SseEmitter queueStream(@AuthenticationPrincipal CurrentUser me, HttpServletResponse response) {
		if (!chats.isChatAgent(me)) {
			throw new ForbiddenException("chat.agents-only", "Only the agents of the chat groups answer the chat");
		}
		response.setHeader("X-Accel-Buffering", "no");
		response.setHeader("Cache-Control", "no-cache");
		return streams.openQueue(me.id());
	}

	@PostMapping("/{id}/take")
	String take(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
		try {
			chats.take(id, me);
			return "redirect:/agent/chat/" + id;
		}
		catch (DomainException refused) {
			if (refused instanceof ForbiddenException) {
				throw refused;
			}
			redirect.addFlashAttribute("flash", "chat.refused");
			redirect.addFlashAttribute("flashArgs", new Object[] { pages.message(refused) });
			return "redirect:/agent/chat";
		}
	}

	@GetMapping("/{id}")
	String showConversation(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Model model) {
		if (!chats.isChatAgent(me)) {
			throw new ForbiddenException("chat.agents-only", "Only the agents of the chat groups answer the chat");
		}
		return pages.conversation(id, true, "", null, me, model);
	}

	/**
	 * Transfers the conversation: {@code to} is {@code agent:<user id>} or {@code group:<group id>};
	 * the agent goes back to the queue, or stays on the page with why not.
	 */
	@PostMapping("/{id}/transfer")
	String transfer(@PathVariable long id, @RequestParam(defaultValue = "") String to,
			@AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
		try {
			Matcher target = TARGET.matcher(to);
			if (!target.matches()) {
				throw new InvalidInputException("to", "chat.transfer.unknown", "Choose a colleague or a group of the chat");
			}
			long targetId = Long.parseLong(target.group(2));
			String name = "agent".equals(target.group(1)) ? chats.transferToAgent(id, targetId, me)
					: chats.transferToGroup(id, targetId, me);
			redirect.addFlashAttribute("flash", "chat.transfer.done");
			redirect.addFlashAttribute("flashArgs", new Object[] { name });
			return "redirect:/agent/chat";
		}
		catch (DomainException refused) {
			if (refused instanceof ForbiddenException) {
				throw refused;
			}
			redirect.addFlashAttribute("flash", "chat.refused");
			redirect.addFlashAttribute("flashArgs", new Object[] { pages.message(refused) });
			return "redirect:/agent/chat/" + id;
		}
	}

	@PostMapping("/{id}/ticket")
	String turnIntoTicket(@PathVariable long id, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "INCIDENT") TicketType type, @RequestParam(defaultValue = "") String solution,
			@RequestParam(defaultValue = "false") boolean solved, @AuthenticationPrincipal CurrentUser me, Model model,
			RedirectAttributes redirect) {
		try {
			Ticket ticket = chats.turnIntoTicket(id, title, type, solved ? solution : null, me);
			redirect.addFlashAttribute("flash", solved ? "chat.solved.done" : "chat.ticket.done");
			redirect.addFlashAttribute("flashArgs", new Object[] { ticket.getNumber() });
			return "redirect:/agent/chat/" + id;
		}
		catch (DomainException refused) {
			model.addAttribute("ticketTitle", title);
			model.addAttribute("solution", solution);
			model.addAttribute("ticketError", pages.message(refused));
			model.addAttribute("ticketErrorField", refused.field());
			return pages.conversation(id, true, "", null, me, model);
		}
	}

}
