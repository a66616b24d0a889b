package org.guichet.chat.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.guichet.chat.Chats;
import org.guichet.chat.ConversationView;
import org.guichet.chat.MessageView;
import org.guichet.directory.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A chat conversation and its messages (docs/CHAT.md), for its requester and the agents of the chat
 * groups; 404 problem+json for anyone else or an unknown id. Texts are as written: escape them.
 */
@RestController
@RequestMapping(path = "/api/v1/chat/conversations", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("isAuthenticated()")
@Tag(name = "Chat", description = "Live chat conversations between requesters and the service desk")
class ChatApiController {

	private final Chats chats;

	ChatApiController(Chats chats) {
		this.chats = chats;
	}

	/** A conversation and its messages after {@code after} (0: all), in the order sent. */
	record ConversationJson(ConversationView conversation, List<MessageView> messages) {
	}

	@GetMapping("/{id}")
	@Operation(summary = "A conversation and its messages",
			description = "State WAITING, ACTIVE or CLOSED; ticketId the ticket it became, null for none.")
	ConversationJson get(@PathVariable long id,
			@Parameter(description = "only the messages after this message id; 0 for all")
			@RequestParam(defaultValue = "0") long after, @AuthenticationPrincipal CurrentUser me) {
		return new ConversationJson(chats.conversation(id, me), chats.messagesAfter(id, after, me));
	}

}
