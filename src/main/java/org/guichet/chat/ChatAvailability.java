package org.guichet.chat;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Whether a requester starting a conversation now would find someone to answer.
 *
 * @param available someone of the chat groups is online within the chat's hours
 * @param reason why not, a message key of the {@code chat} bundles; null when available
 * @param nextOpening when the chat's hours start again, when closed by its calendar; null otherwise
 */
public record ChatAvailability(boolean available, @Nullable String reason, @Nullable Instant nextOpening) {

	static final ChatAvailability OPEN = new ChatAvailability(true, null, null);

	static ChatAvailability closedUntil(Instant nextOpening) {
		return new ChatAvailability(false, "chat.unavailable.closed", nextOpening);
	}

	static final ChatAvailability NOBODY_ONLINE = new ChatAvailability(false, "chat.unavailable.nobody", null);

}
