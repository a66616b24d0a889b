package org.guichet.chat;

import org.jspecify.annotations.Nullable;

/**
 * A message as the pages and the streams show it.
 *
 * @param id the message's id, also its event's id
 * @param authorId who wrote it; null for a visitor, who has no account, and on the requester's and
 *        visitor's side, which is given no account's id ({@link #withoutAuthorId()})
 * @param author their full name
 * @param fromAgent whether an agent wrote it (else the requester)
 * @param text as written: shown as text, never as HTML
 * @param time the time it was sent, {@code HH:mm} in the desk's zone
 * @param sentAt the instant it was sent, ISO-8601 in UTC
 * @param note whether it is a line of the service (a transfer) rather than a message; its text then
 *        says what happened, in the reader's language
 */
public record MessageView(long id, @Nullable Long authorId, String author, boolean fromAgent, String text, String time,
		String sentAt, boolean note) {

	/** The same message without its author's account id, for the requester's or visitor's stream. */
	public MessageView withoutAuthorId() {
		return new MessageView(id, null, author, fromAgent, text, time, sentAt, note);
	}

}
