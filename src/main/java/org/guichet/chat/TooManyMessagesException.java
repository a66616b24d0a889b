package org.guichet.chat;

import org.guichet.system.DomainException;

/**
 * A person posted more messages than the chat's limit allows in its window, or an IP address started
 * more visitor conversations than allowed: 429, wait and send again.
 */
public class TooManyMessagesException extends DomainException {

	TooManyMessagesException(int max, long seconds) {
		super("text", "chat.too-many", "Too many messages: at most " + max + " in " + seconds
				+ " seconds. Wait a few seconds, then send it again", max, seconds);
	}

	/** Another limit: {@code messageKey}'s text takes the most and the window's length. */
	TooManyMessagesException(String messageKey, int max, long window) {
		super("text", messageKey, "Too many: at most " + max + " in " + window, max, window);
	}

	@Override
	public int status() {
		return 429;
	}

}
