package org.guichet.chat;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The agents online on this node: those with at least one open agent chat stream (the queue or a
 * conversation). Several nodes will keep it in the database (docs/adr/014-chat-transport.md).
 */
@Component
public class ChatPresence {

	private final Map<Long, Integer> streams = new ConcurrentHashMap<>();

	/** An agent's stream opened. */
	public void arrive(long agentId) {
		streams.merge(agentId, 1, Integer::sum);
	}

	/** An agent's stream ended; once all have, the agent is no longer online. */
	public void leave(long agentId) {
		streams.computeIfPresent(agentId, (id, count) -> count > 1 ? count - 1 : null);
	}

	/** The ids of the agents online now. */
	public Set<Long> online() {
		return Set.copyOf(streams.keySet());
	}

}
