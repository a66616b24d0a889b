package org.guichet.chat;

import java.time.Instant;

import org.guichet.text.Titles;
import org.jspecify.annotations.Nullable;

/**
 * A conversation as the pages show it, read in one transaction.
 *
 * @param requesterId the requester's account; null for a visitor's conversation that is no ticket yet
 * @param requester the requester's full name; for a visitor, the name they typed
 * @param visitorEmail for a visitor (not logged in), the address they typed, not verified; else null
 * @param agent the full name of the agent who took it; null while waiting
 * @param firstMessage the requester's first message, as written (the queue shows its start)
 * @param lastMessageId the id of the last message, 0 for none: the stream resumes after it
 */
public record ConversationView(long id, @Nullable Long requesterId, String requester, ChatState state,
		@Nullable Long agentId, @Nullable String agent, @Nullable Long ticketId, Instant startedAt,
		String firstMessage, long lastMessageId, @Nullable String visitorEmail) {

	/** The proposed title's length before its {@code …}, in characters. */
	private static final int TITLE_NEAR = 80;

	/** Whether a visitor, not logged in, wrote it: their name and address are not verified. */
	public boolean isVisitor() {
		return visitorEmail != null;
	}

	public boolean isOpen() {
		return state != ChatState.CLOSED;
	}

	/**
	 * The title proposed for the ticket the conversation becomes: the first message's first line,
	 * on one line and cut near {@value #TITLE_NEAR} characters ({@link Titles#firstLine}); empty when
	 * it holds nothing.
	 */
	public String proposedTitle() {
		return Titles.firstLine(firstMessage, TITLE_NEAR);
	}

}
