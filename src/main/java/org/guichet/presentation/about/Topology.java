package org.guichet.presentation.about;

import java.util.List;

import org.guichet.presentation.flowchart.Label;
import org.jspecify.annotations.Nullable;

/**
 * The topology diagram of a deployment as a graph: who and what reaches Guichet, its nodes, and
 * what they reach. Ids are stable ({@code clients.requesters}, {@code clients.team},
 * {@code clients.api}, {@code clients.mail}, {@code application.1}, {@code database}, {@code server.MAIL_OUTGOING.1}…).
 *
 * @param nodes in the order of the drawing, from the people to the servers
 * @param links each from a node to the one it reaches
 */
public record Topology(List<Node> nodes, List<Link> links) {

	public Topology {
		nodes = List.copyOf(nodes);
		links = List.copyOf(links);
	}

	/** The node with this id. @throws IllegalArgumentException when there is none */
	public Node node(String id) {
		return nodes.stream().filter(node -> node.id().equals(id)).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No node " + id));
	}

	/** What a box of the diagram stands for; it chooses its shape. */
	public enum Kind {

		/** People's web browsers. */
		BROWSERS,
		/** Programs calling the API. */
		PROGRAMS,
		/** People's mail clients, writing to the mailboxes Guichet reads. */
		MAIL_SENDERS,
		/** A node running Guichet. */
		APPLICATION,
		/** The database. */
		DATABASE,
		/** An outside server. */
		SERVER

	}

	/**
	 * @param title the box's name
	 * @param details lines under it
	 */
	public record Node(String id, Kind kind, Label title, List<Label> details) {

		public Node {
			details = List.copyOf(details);
		}

	}

	/**
	 * @param label what goes over the link (a protocol), or null
	 */
	public record Link(String from, String to, @Nullable Label label) {
	}

}
