package org.guichet.chat;

import org.jspecify.annotations.Nullable;

/**
 * What the streams of a conversation are told after a commit.
 *
 * @param conversationId the conversation; 0 for the agents' queue alone
 * @param kind what happened
 * @param message the message posted, for {@link Kind#MESSAGE}; null otherwise
 * @param authorId who is typing, for {@link Kind#TYPING}; who acted otherwise; {@link #VISITOR} for a visitor
 */
public record ChatSignal(long conversationId, Kind kind, @Nullable MessageView message, long authorId) {

	/** The id that stands for a visitor, who has no account, as a signal's author or a stream's viewer. */
	public static final long VISITOR = 0;

	/** What happened. */
	public enum Kind {

		/** A message was posted: every stream of the conversation shows it. */
		MESSAGE,
		/** Someone is typing: the other side shows it for a few seconds. */
		TYPING,
		/** The conversation was taken, closed or turned into a ticket: the pages show its new state. */
		STATE,
		/** The queue changed (a conversation started, was taken or closed): the agents' queues reload. */
		QUEUE

	}

}
