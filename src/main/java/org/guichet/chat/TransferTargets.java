package org.guichet.chat;

import java.util.List;

/**
 * Whom an agent may transfer a conversation to: the other agents of the chat groups and the chat
 * groups, each sorted by name.
 */
public record TransferTargets(List<Target> colleagues, List<Target> groups) {

	public TransferTargets {
		colleagues = List.copyOf(colleagues);
		groups = List.copyOf(groups);
	}

	/**
	 * A colleague or a group.
	 *
	 * @param online for a colleague, whether they have the chat open now; for a group, whether one
	 *        of its members has
	 */
	public record Target(long id, String name, boolean online) {
	}

	public boolean isEmpty() {
		return colleagues.isEmpty() && groups.isEmpty();
	}

}
