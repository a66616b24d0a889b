package org.guichet.chat;

import org.guichet.system.DomainException;

/** A person posted more messages than the chat's limit allows in its window: 429, wait and send again. */
public class TooManyMessagesException extends DomainException {

	TooManyMessagesException(int max, long seconds) {
		super("text", "chat.too-many", "Too many messages: at most " + max + " in " + seconds
				+ " seconds. Wait a few seconds, then send it again", max, seconds);
	}

	@Override
	public int status() {
		return 429;
	}

}
