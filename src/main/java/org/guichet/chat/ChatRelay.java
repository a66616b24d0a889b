package org.guichet.chat;

/**
 * Carries what happened in a conversation to the streams open on it, after the commit that
 * stored it. This node's relay hands it to its own streams ({@link ChatStreams}); a relay for
 * several nodes will pass it through the database (PostgreSQL {@code LISTEN/NOTIFY}) to every node's
 * streams (docs/adr/014-chat-transport.md). A stream that misses a signal loses nothing: messages are
 * read from the database when it resumes.
 */
public interface ChatRelay {

	/** Tells every stream of the signal's conversation (and the agents' queues), on every node. */
	void relay(ChatSignal signal);

}
