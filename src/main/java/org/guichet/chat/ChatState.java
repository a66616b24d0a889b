package org.guichet.chat;

/** Where a conversation is. */
public enum ChatState {

	/** Started by the requester, in the queue until an agent takes it. */
	WAITING,
	/** Taken by an agent: both write. */
	ACTIVE,
	/** Ended by either side: read-only. */
	CLOSED

}
