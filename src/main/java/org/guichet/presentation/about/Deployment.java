package org.guichet.presentation.about;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.guichet.tickets.Channel;

/**
 * What this deployment is made of, read from its configuration and its connections.
 *
 * @param channels the channels demands come through, in {@link Channel}'s order (the portal and the API reach Guichet
 * themselves; the others are registered by the IT team)
 * @param nodes the nodes running Guichet, at least one (today: this node)
 * @param database the database every node uses
 * @param servers the outside servers Guichet is configured with (mail, directory, search…),
 * empty when none
 */
public record Deployment(Set<Channel> channels, List<ApplicationNode> nodes, DatabaseServer database,
		List<ExternalServer> servers) {

	/** @throws IllegalArgumentException when no node is given */
	public Deployment {
		if (nodes.isEmpty()) {
			throw new IllegalArgumentException("A deployment has at least one node");
		}
		channels = Collections.unmodifiableSet(channels.isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(channels));
		nodes = List.copyOf(nodes);
		servers = List.copyOf(servers);
	}

}
