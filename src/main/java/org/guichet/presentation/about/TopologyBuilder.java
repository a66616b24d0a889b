package org.guichet.presentation.about;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.guichet.presentation.about.Topology.Kind;
import org.guichet.presentation.about.Topology.Link;
import org.guichet.presentation.about.Topology.Node;
import org.guichet.presentation.flowchart.Label;
import org.guichet.tickets.Channel;

/**
 * Builds the topology diagram of a deployment: a pure function of what the deployment is made
 * of, drawing only what it has. The requesters' browsers when the portal is a channel, the IT
 * team's browsers (who register the phone, e-mail, SMS and chat demands), the programs calling
 * the API when it is a channel; each node running Guichet, reached by all of them; the database,
 * embedded in the node's process for H2, a server otherwise; and each outside server configured
 * (mail, directory, search engine, other services), none when there is none. Once a mailbox is
 * read (an incoming mail server) and e-mail is a channel, the requesters' mail clients are drawn
 * writing to it, and the IT team no longer registers what comes by e-mail.
 */
public final class TopologyBuilder {

	/** The channels whose demands the IT team registers on the requesters' behalf. */
	private static final Set<Channel> REGISTERED_BY_THE_TEAM = EnumSet.of(Channel.PHONE, Channel.EMAIL, Channel.SMS,
			Channel.CHAT);

	private TopologyBuilder() {
	}

	/** The diagram of {@code deployment}. */
	public static Topology build(Deployment deployment) {
		List<Node> nodes = new ArrayList<>();
		List<String> clients = new ArrayList<>();
		if (deployment.channels().contains(Channel.PORTAL)) {
			nodes.add(new Node("clients.requesters", Kind.BROWSERS, Label.of("about.topology.requesters"),
					List.of(Label.of("about.topology.requesters.portal"))));
			clients.add("clients.requesters");
		}
		List<ExternalServer> mailboxes = deployment.servers().stream()
			.filter(server -> server.kind() == ServerKind.MAIL_INCOMING).toList();
		boolean readsMail = deployment.channels().contains(Channel.EMAIL) && !mailboxes.isEmpty();
		boolean readsSms = deployment.channels().contains(Channel.SMS)
				&& deployment.servers().stream().anyMatch(server -> server.kind() == ServerKind.SMS_GATEWAY);
		List<Label> registered = new ArrayList<>();
		for (Channel channel : Channel.values()) {
			if ((channel == Channel.EMAIL && readsMail) || (channel == Channel.SMS && readsSms)) {
				continue;
			}
			if (REGISTERED_BY_THE_TEAM.contains(channel) && deployment.channels().contains(channel)) {
				registered.add(Label.of("channel." + channel.name()));
			}
		}
		nodes.add(new Node("clients.team", Kind.BROWSERS, Label.of("about.topology.team"),
				registered.isEmpty() ? List.of(Label.of("about.topology.team.workspace"))
						: List.of(Label.of("about.topology.team.workspace"),
								Label.of("about.topology.team.registers", registered))));
		clients.add("clients.team");
		if (deployment.channels().contains(Channel.API)) {
			nodes.add(new Node("clients.api", Kind.PROGRAMS, Label.of("about.topology.api"),
					List.of(Label.of("about.topology.api.detail"))));
			clients.add("clients.api");
		}
		if (readsMail) {
			nodes.add(new Node("clients.mail", Kind.MAIL_SENDERS, Label.of("about.topology.mail"),
					List.of(Label.of("about.topology.mail.detail",
							String.join(", ", mailboxes.stream().map(ExternalServer::name).toList())))));
		}
		List<Link> links = new ArrayList<>();
		List<String> applications = new ArrayList<>();
		int index = 1;
		for (ApplicationNode application : deployment.nodes()) {
			String id = "application." + index++;
			nodes.add(new Node(id, Kind.APPLICATION, Label.of("about.topology.application"),
					List.of(Label.of("about.topology.application.host", application.hostName(), application.port()),
							Label.of("about.topology.application.java", application.javaVersion()),
							Label.of("about.topology.application.os", application.operatingSystem()))));
			applications.add(id);
			for (String client : clients) {
				links.add(new Link(client, id, Label.of("about.topology.link.http")));
			}
		}
		DatabaseServer database = deployment.database();
		List<Label> details = new ArrayList<>();
		details.add(Label.of("about.topology.database.product", database.product(), database.version()));
		if (database.location() != null) {
			details.add(Label.of("about.topology.database.location", database.location()));
		}
		nodes.add(new Node("database", Kind.DATABASE, Label.of("about.topology.database." + database.kind().name()),
				details));
		Label jdbc = Label.of(database.kind().embedded() ? "about.topology.link.embedded" : "about.topology.link.jdbc");
		for (String application : applications) {
			links.add(new Link(application, "database", jdbc));
		}
		int[] perKind = new int[ServerKind.values().length];
		for (ExternalServer server : deployment.servers()) {
			String id = "server." + server.kind().name() + "." + ++perKind[server.kind().ordinal()];
			nodes.add(new Node(id, Kind.SERVER, Label.of("about.topology.server." + server.kind().name()),
					List.of(Label.of("about.topology.server.address", server.address()))));
			for (String application : applications) {
				links.add(new Link(application, id, Label.of("about.topology.link.protocol", server.protocol())));
			}
			if (readsMail && server.kind() == ServerKind.MAIL_INCOMING) {
				links.add(new Link("clients.mail", id, Label.of("about.topology.link.mail")));
			}
		}
		return new Topology(nodes, links);
	}

}
