package org.guichet.presentation.about;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.guichet.mail.Mailboxes;
import org.guichet.sms.SmsSettings;
import org.guichet.tickets.Channel;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Reads what this deployment is made of from where it is: this node from its Java machine, the
 * database from a connection's metadata, and the database's size from its file (H2) or from the
 * server ({@code pg_database_size}).
 * <p>
 * The outside servers are the outgoing mail server Guichet sends by (when {@code spring.mail.host}
 * or the demo's mail server configures one) and the incoming mail servers of the enabled mailboxes
 * (one per server and protocol, named by the addresses read there); a capability that adds another
 * kind (directory, search engine) adds it to {@link #read}'s servers from its own settings.
 */
@Component
class DeploymentReader {

	private final DataSource dataSource;

	private final Environment environment;

	private final Mailboxes mailboxes;

	private final ObjectProvider<JavaMailSender> smtp;

	private final ObjectProvider<SmsSettings> sms;

	DeploymentReader(DataSource dataSource, Environment environment, Mailboxes mailboxes,
			ObjectProvider<JavaMailSender> smtp, ObjectProvider<SmsSettings> sms) {
		this.sms = sms;
		this.dataSource = dataSource;
		this.environment = environment;
		this.mailboxes = mailboxes;
		this.smtp = smtp;
	}

	/** The deployment now, with {@code channels} as the lifecycle's configuration enables them. */
	Deployment read(Set<Channel> channels) {
		List<ExternalServer> servers = new ArrayList<>(outgoingMailServers());
		servers.addAll(incomingMailServers());
		servers.addAll(smsGateways());
		return new Deployment(channels, List.of(thisNode()), database(), servers);
	}

	/**
	 * The SMTP server the outbox sends by, named by its host, with its port (25 when none is set);
	 * none when no host is configured (mails then wait in the outbox).
	 */
	List<ExternalServer> outgoingMailServers() {
		if (!(smtp.getIfAvailable() instanceof JavaMailSenderImpl sender) || sender.getHost() == null
				|| sender.getHost().isBlank()) {
			return List.of();
		}
		boolean tls = "smtps".equalsIgnoreCase(sender.getProtocol())
				|| "true".equalsIgnoreCase(sender.getJavaMailProperties().getProperty("mail.smtp.starttls.enable"));
		int port = sender.getPort() > 0 ? sender.getPort() : "smtps".equalsIgnoreCase(sender.getProtocol()) ? 465 : 25;
		return List.of(new ExternalServer(ServerKind.MAIL_OUTGOING, sender.getHost(), sender.getHost() + ":" + port,
				"SMTP" + (tls ? " + TLS" : "")));
	}

	/** The SMS channel's gateway, named by its host, while the channel is on and a provider is set. */
	List<ExternalServer> smsGateways() {
		SmsSettings settings = sms.getIfAvailable();
		return settings == null ? List.of()
				: settings.gatewayUrl()
					.map(url -> List.of(new ExternalServer(ServerKind.SMS_GATEWAY, url.getHost(),
							url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : ""),
							url.getScheme().toUpperCase(Locale.ROOT))))
					.orElse(List.of());
	}

	/** One incoming mail server per server and protocol of the enabled mailboxes, named by their addresses. */
	List<ExternalServer> incomingMailServers() {
		Map<String, List<Mailboxes.ReadMailbox>> byServer = new LinkedHashMap<>();
		for (Mailboxes.ReadMailbox mailbox : mailboxes.enabled()) {
			String protocol = mailbox.protocol().name() + (mailbox.secure() ? " + TLS" : "");
			byServer.computeIfAbsent(mailbox.server() + " " + protocol, key -> new ArrayList<>()).add(mailbox);
		}
		return byServer.values().stream().map(read -> {
			Mailboxes.ReadMailbox first = read.get(0);
			return new ExternalServer(ServerKind.MAIL_INCOMING,
					String.join(", ", read.stream().map(Mailboxes.ReadMailbox::address).toList()), first.server(),
					first.protocol().name() + (first.secure() ? " + TLS" : ""));
		}).toList();
	}

	ApplicationNode thisNode() {
		int port = environment.getProperty("local.server.port", Integer.class,
				environment.getProperty("server.port", Integer.class, 8080));
		return new ApplicationNode(hostName(), Runtime.version().toString(), System.getProperty("java.vendor", ""),
				System.getProperty("os.name", "") + " " + System.getProperty("os.version", "") + " ("
						+ System.getProperty("os.arch", "") + ")",
				Runtime.getRuntime().availableProcessors(), port);
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			// the machine's name does not resolve to an address: the name itself is still right,
			// first in the exception's message ("name: name: Name or service not known")
			String env = System.getenv("HOSTNAME");
			String message = String.valueOf(ex.getMessage());
			int colon = message.indexOf(':');
			return env != null && !env.isBlank() ? env : colon > 0 ? message.substring(0, colon) : message;
		}
	}

	DatabaseServer database() {
		try (Connection connection = dataSource.getConnection()) {
			DatabaseMetaData meta = connection.getMetaData();
			return DatabaseServer.of(meta.getDatabaseProductName(), meta.getDatabaseProductVersion(), meta.getURL());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The database's description could not be read", ex);
		}
	}

	/**
	 * The database's size in bytes now: its file for H2 ({@code <path>.mv.db}, relative to the
	 * working folder when the path is), {@code pg_database_size} for PostgreSQL; null otherwise.
	 */
	@Nullable Long databaseBytes(DatabaseServer database) {
		return switch (database.kind()) {
			case H2_FILE -> {
				String location = String.valueOf(database.location());
				Path file = Path.of((location.startsWith("~") ? System.getProperty("user.home") + location.substring(1)
						: location) + ".mv.db");
				try {
					yield Files.exists(file) ? Files.size(file) : null;
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
			case POSTGRESQL -> postgresqlSize();
			default -> null;
		};
	}

	private long postgresqlSize() {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement size = connection.prepareStatement("select pg_database_size(current_database())");
				ResultSet result = size.executeQuery()) {
			result.next();
			return result.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The database's size could not be read", ex);
		}
	}

	/** The data folder ({@code guichet.data-dir}, default {@code ./data}), absolute and normalised. */
	Path dataDirectory() {
		return Path.of(environment.getProperty("guichet.data-dir", "./data")).toAbsolutePath().normalize();
	}

}
