package org.guichet.presentation.about;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.guichet.presentation.about.Topology.Kind;
import org.guichet.presentation.about.Topology.Link;
import org.guichet.presentation.about.Topology.Node;
import org.guichet.presentation.flowchart.Label;
import org.guichet.tickets.Channel;
import org.junit.jupiter.api.Test;

class TopologyBuilderTests {

	static final ApplicationNode NODE = new ApplicationNode("guichet-1", "17.0.12+7", "Eclipse Adoptium",
			"Linux 6.1 (amd64)", 2, 8080);

	static final DatabaseServer H2 = DatabaseServer.of("H2", "2.4.240 (2025-09-22)",
			"jdbc:h2:file:./data/guichet;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");

	static final DatabaseServer POSTGRESQL = DatabaseServer.of("PostgreSQL", "17.11",
			"jdbc:postgresql://db.example.org:5432/guichet?prepareThreshold=0&user=guichet&password=secret");

	private static List<String> ids(Topology topology) {
		return topology.nodes().stream().map(Node::id).toList();
	}

	@Test
	void anH2DeploymentHasItsDatabaseEmbeddedInTheNodeAndNoOutsideServer() {
		Topology topology = TopologyBuilder.build(
				new Deployment(EnumSet.allOf(Channel.class), List.of(NODE), H2, List.of()));

		assertThat(ids(topology)).containsExactly("clients.requesters", "clients.team", "clients.api",
				"application.1", "database");
		Node database = topology.node("database");
		assertThat(database.kind()).isEqualTo(Kind.DATABASE);
		assertThat(database.title()).isEqualTo(Label.of("about.topology.database.H2_FILE"));
		assertThat(database.details()).contains(Label.of("about.topology.database.location", "./data/guichet"));
		assertThat(topology.links()).contains(new Link("application.1", "database", Label.of("about.topology.link.embedded")))
			.contains(new Link("clients.requesters", "application.1", Label.of("about.topology.link.http")))
			.contains(new Link("clients.api", "application.1", Label.of("about.topology.link.http")));
		assertThat(topology.nodes()).noneMatch(node -> node.kind() == Kind.SERVER);
	}

	@Test
	void aPostgresqlDeploymentReachesItsServerOverJdbcWithoutShowingTheCredentials() {
		Topology topology = TopologyBuilder.build(
				new Deployment(EnumSet.allOf(Channel.class), List.of(NODE), POSTGRESQL, List.of()));

		Node database = topology.node("database");
		assertThat(database.title()).isEqualTo(Label.of("about.topology.database.POSTGRESQL"));
		assertThat(database.details()).containsExactly(Label.of("about.topology.database.product", "PostgreSQL", "17.11"),
				Label.of("about.topology.database.location", "db.example.org:5432/guichet"));
		assertThat(topology.links()).contains(new Link("application.1", "database", Label.of("about.topology.link.jdbc")));
		assertThat(POSTGRESQL.url()).isEqualTo("jdbc:postgresql://db.example.org:5432/guichet?prepareThreshold=0")
			.doesNotContain("secret");
	}

	@Test
	void theTeamRegistersTheChannelsThatDoNotReachGuichetThemselves() {
		Topology topology = TopologyBuilder.build(new Deployment(EnumSet.of(Channel.PHONE, Channel.CHAT, Channel.PORTAL),
				List.of(NODE), H2, List.of()));

		assertThat(topology.node("clients.team").details()).containsExactly(Label.of("about.topology.team.workspace"),
				Label.of("about.topology.team.registers", List.of(Label.of("channel.PHONE"), Label.of("channel.CHAT"))));
	}

	@Test
	void withoutThePortalNorTheApiOnlyTheTeamReachesGuichet() {
		Topology topology = TopologyBuilder.build(
				new Deployment(Set.of(Channel.PHONE), List.of(NODE), POSTGRESQL, List.of()));

		assertThat(ids(topology)).containsExactly("clients.team", "application.1", "database");
		assertThat(topology.links()).extracting(Link::from).containsOnly("clients.team", "application.1");
	}

	@Test
	void everyNodeIsReachedByTheClientsAndReachesTheDatabaseAndTheServers() {
		ApplicationNode second = new ApplicationNode("guichet-2", "17.0.12+7", "Eclipse Adoptium", "Linux", 2, 8080);
		ExternalServer smtp = new ExternalServer(ServerKind.MAIL_OUTGOING, "smtp.example.org", "smtp.example.org:587",
				"SMTP");

		Topology topology = TopologyBuilder.build(new Deployment(EnumSet.of(Channel.PORTAL, Channel.EMAIL),
				List.of(NODE, second), POSTGRESQL, List.of(smtp)));

		assertThat(ids(topology)).containsExactly("clients.requesters", "clients.team", "application.1",
				"application.2", "database", "server.MAIL_OUTGOING.1");
		assertThat(topology.node("server.MAIL_OUTGOING.1").kind()).isEqualTo(Kind.SERVER);
		for (String application : List.of("application.1", "application.2")) {
			assertThat(topology.links()).contains(new Link("clients.requesters", application, Label.of("about.topology.link.http")),
					new Link("clients.team", application, Label.of("about.topology.link.http")),
					new Link(application, "database", Label.of("about.topology.link.jdbc")),
					new Link(application, "server.MAIL_OUTGOING.1", Label.of("about.topology.link.protocol", "SMTP")));
		}
	}

	@Test
	void onceAMailboxIsReadTheRequestersMailClientsWriteToItsServerAndTheTeamNoLongerRegistersEmail() {
		ExternalServer imap = new ExternalServer(ServerKind.MAIL_INCOMING, "support@example.org, rh@example.org",
				"imap.example.org:993", "IMAP + TLS");

		Topology topology = TopologyBuilder.build(new Deployment(EnumSet.of(Channel.PORTAL, Channel.EMAIL, Channel.PHONE),
				List.of(NODE), POSTGRESQL, List.of(imap)));

		assertThat(ids(topology)).containsExactly("clients.requesters", "clients.team", "clients.mail", "application.1",
				"database", "server.MAIL_INCOMING.1");
		assertThat(topology.node("clients.mail").kind()).isEqualTo(Kind.MAIL_SENDERS);
		assertThat(topology.node("clients.mail").details())
			.containsExactly(Label.of("about.topology.mail.detail", "support@example.org, rh@example.org"));
		assertThat(topology.node("clients.team").details()).containsExactly(Label.of("about.topology.team.workspace"),
				Label.of("about.topology.team.registers", List.of(Label.of("channel.PHONE"))));
		assertThat(topology.links()).contains(
				new Link("clients.mail", "server.MAIL_INCOMING.1", Label.of("about.topology.link.mail")),
				new Link("application.1", "server.MAIL_INCOMING.1", Label.of("about.topology.link.protocol", "IMAP + TLS")));
		assertThat(topology.links()).noneMatch(link -> link.from().equals("clients.mail") && link.to().startsWith("application"));
	}

	@Test
	void withAnSmsGatewayTheGatewayIsDrawnAndTheTeamNoLongerRegistersSms() {
		ExternalServer gateway = new ExternalServer(ServerKind.SMS_GATEWAY, "api.twilio.com", "api.twilio.com", "HTTPS");

		Topology with = TopologyBuilder.build(new Deployment(EnumSet.of(Channel.SMS, Channel.PHONE), List.of(NODE),
				POSTGRESQL, List.of(gateway)));
		Topology without = TopologyBuilder.build(new Deployment(EnumSet.of(Channel.SMS, Channel.PHONE), List.of(NODE),
				POSTGRESQL, List.of()));

		assertThat(ids(with)).contains("server.SMS_GATEWAY.1");
		assertThat(with.links()).contains(
				new Link("application.1", "server.SMS_GATEWAY.1", Label.of("about.topology.link.protocol", "HTTPS")));
		assertThat(with.node("clients.team").details()).containsExactly(Label.of("about.topology.team.workspace"),
				Label.of("about.topology.team.registers", List.of(Label.of("channel.PHONE"))));
		assertThat(without.node("clients.team").details()).contains(Label.of("about.topology.team.registers",
				List.of(Label.of("channel.PHONE"), Label.of("channel.SMS"))));
	}

	@Test
	void withoutAMailboxNoMailClientsAreDrawnAndTheTeamRegistersEmail() {
		Topology topology = TopologyBuilder.build(new Deployment(EnumSet.of(Channel.EMAIL), List.of(NODE), H2, List.of()));

		assertThat(ids(topology)).doesNotContain("clients.mail");
		assertThat(topology.node("clients.team").details()).contains(
				Label.of("about.topology.team.registers", List.of(Label.of("channel.EMAIL"))));
	}

	@Test
	void aDeploymentWithoutANodeIsRefused() {
		assertThatThrownBy(() -> new Deployment(Set.of(Channel.PORTAL), List.of(), H2, List.of()))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
