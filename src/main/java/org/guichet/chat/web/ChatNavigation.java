package org.guichet.chat.web;

import org.guichet.chat.Chats;
import org.guichet.directory.CurrentUser;
import org.guichet.system.PageCount;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page whether the reader answers the chat (1) or not (0), for the navigation bar: the
 * agents' "Chat" entry leads to their queue and shows only to the members of the chat groups; and
 * whether the chat is offered to visitors now (1) or not (0), for the login page's link.
 * Read only when a page asks, in light queries.
 */
@ControllerAdvice
class ChatNavigation {

	private final ObjectProvider<Chats> chats;

	ChatNavigation(ObjectProvider<Chats> chats) {
		this.chats = chats;
	}

	@ModelAttribute("chatAgent")
	PageCount chatAgent(@AuthenticationPrincipal @Nullable CurrentUser me) {
		return new PageCount(() -> {
			Chats available = chats.getIfAvailable();
			return me != null && available != null && available.isChatAgent(me) ? 1 : 0;
		});
	}

	@ModelAttribute("chatForVisitors")
	PageCount chatForVisitors() {
		return new PageCount(() -> {
			Chats available = chats.getIfAvailable();
			return available != null && available.offeredToVisitors() ? 1 : 0;
		});
	}

}
