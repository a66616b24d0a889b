package org.guichet.chat.web;

import java.util.Objects;

import org.guichet.chat.Chats;
import org.guichet.chat.ConversationView;
import org.guichet.directory.CurrentUser;
import org.guichet.system.DomainException;
import org.guichet.tickets.TicketType;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The conversation page of either side, with a refusal and the text it kept when one is shown again. */
@Component
class ChatPages {

	private final Chats chats;

	private final MessageSource messages;

	ChatPages(Chats chats, MessageSource messages) {
		this.chats = chats;
		this.messages = messages;
	}

	/**
	 * @param agent the agent's page (the requester's open tickets, the actions), else the requester's
	 * @param text the message being written, kept when it was refused
	 */
	String conversation(long id, boolean agent, String text, @Nullable DomainException refused, CurrentUser me,
			Model model) {
		ConversationView conversation = chats.conversation(id, me);
		model.addAttribute("conversation", conversation);
		model.addAttribute("messages", chats.messagesAfter(id, 0, me));
		model.addAttribute("chatUrl", "/chat/" + id);
		model.addAttribute("text", text);
		model.addAttribute("maxLength", Chats.TEXT_MAX);
		model.addAttribute("holder", conversation.agentId() != null && conversation.agentId() == me.id());
		refusal(refused, model);
		if (agent) {
			model.addAttribute("me", me.id());
			model.addAttribute("openTickets", chats.openTicketsOf(id, me));
			model.addAttribute("articles", chats.suggestedArticles(id, me));
			model.addAttribute("availability", chats.availability());
			model.addAttribute("types", TicketType.values());
			if (model.getAttribute("holder") == Boolean.TRUE && conversation.isOpen()) {
				model.addAttribute("transfer", chats.transferTargets(me));
			}
			return "chat/agent-conversation";
		}
		return "chat/portal-conversation";
	}

	/** Puts the refusal's message in the reader's language, as {@code error}, when there is one. */
	void refusal(@Nullable DomainException refused, Model model) {
		if (refused != null) {
			model.addAttribute("error", message(refused));
		}
	}

	String message(DomainException refused) {
		return Objects.requireNonNull(messages.getMessage(refused.messageKey(), refused.arguments(),
				refused.getMessage(), LocaleContextHolder.getLocale()));
	}

}
