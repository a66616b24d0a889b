package org.guichet.demo.mail;

import java.lang.management.ManagementFactory;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's mail server: GreenMail's SMTP and IMAP servers in the JVM, plain (no TLS), listening
 * on {@code guichet.demo.mail.bind-address}. Every mailbox's login is its address. A mail to an
 * address without mailbox gets one (GreenMail's own rule: its password is then the address).
 * Started by its bean, stopped when the application stops.
 */
public final class DemoMailServer {

	private static final Logger log = LoggerFactory.getLogger(DemoMailServer.class);

	private final GreenMail greenMail;

	private final DemoMailSettings settings;

	private DemoMailServer(GreenMail greenMail, DemoMailSettings settings) {
		this.greenMail = greenMail;
		this.settings = settings;
	}

	/**
	 * Starts the servers (port 0: a free port) with the support mailbox.
	 *
	 * @throws IllegalStateException when a port is taken or the servers do not start
	 */
	static DemoMailServer start(DemoMailSettings settings) {
		long start = System.nanoTime();
		long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
		GreenMail greenMail = new GreenMail(new ServerSetup[] {
				new ServerSetup(settings.smtpPort(), settings.bindAddress(), ServerSetup.PROTOCOL_SMTP),
				new ServerSetup(settings.imapPort(), settings.bindAddress(), ServerSetup.PROTOCOL_IMAP) });
		try {
			greenMail.start();
		}
		catch (RuntimeException ex) {
			greenMail.stop();
			throw new IllegalStateException("The demo's mail server could not start on " + settings.bindAddress()
					+ " (SMTP port " + settings.smtpPort() + ", IMAP port " + settings.imapPort()
					+ "): set other ports with guichet.demo.mail.smtp-port and imap-port (0: any free port),"
					+ " or turn it off with guichet.demo.mail.enabled=false", ex);
		}
		DemoMailServer server = new DemoMailServer(greenMail, settings);
		server.mailbox(settings.supportAddress());
		log.info("The demo's mail server listens on {}: SMTP port {}, IMAP port {}; mailboxes' password '{}'"
				+ " (started in {} ms, {} ms of CPU)", settings.bindAddress(), server.smtpPort(), server.imapPort(),
				settings.password(), (System.nanoTime() - start) / 1_000_000,
				(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1_000_000);
		return server;
	}

	/** Stops both servers; the mails they held are gone. */
	void stop() {
		greenMail.stop();
	}

	/** The address the servers listen on. */
	public String host() {
		return settings.bindAddress();
	}

	/** The SMTP port as bound (never 0). */
	public int smtpPort() {
		return greenMail.getSmtp().getPort();
	}

	/** The IMAP port as bound (never 0). */
	public int imapPort() {
		return greenMail.getImap().getPort();
	}

	/** The support mailbox's address. */
	public String supportAddress() {
		return settings.supportAddress();
	}

	/** What reading the support mailbox takes. */
	public DemoSupportMailbox supportMailbox() {
		return new DemoSupportMailbox(host(), imapPort(), settings.supportAddress(), settings.password(),
				settings.supportAddress());
	}

	/**
	 * Makes sure the address has a mailbox whose password is the demo's.
	 *
	 * @param address a mail address; compared without regard to case
	 */
	void mailbox(String address) {
		GreenMailUser user = greenMail.getUserManager().getUserByEmail(address);
		if (user == null) {
			greenMail.setUser(address, address, settings.password());
		}
		else if (!settings.password().equals(user.getPassword())) {
			user.setPassword(settings.password());
		}
	}

	/** The addresses that have a mailbox, in alphabetical order. */
	List<String> addresses() {
		return greenMail.getUserManager()
			.listUser()
			.stream()
			.map(GreenMailUser::getEmail)
			.sorted(Comparator.naturalOrder())
			.toList();
	}

	/**
	 * The messages of the address's inbox but those marked deleted, oldest first; empty when it has
	 * no mailbox.
	 */
	List<StoredMessage> inbox(String address) {
		GreenMailUser user = greenMail.getUserManager().getUserByEmail(address);
		if (user == null) {
			return List.of();
		}
		try {
			return List.copyOf(greenMail.getManagers().getImapHostManager().getInbox(user).getNonDeletedMessages());
		}
		catch (FolderException ex) {
			throw new IllegalStateException("The inbox of " + address + " cannot be read", ex);
		}
	}

	/** One message of the address's inbox, by its IMAP UID. */
	Optional<StoredMessage> message(String address, long uid) {
		return inbox(address).stream().filter(message -> message.getUid() == uid).findFirst();
	}

	/** A Jakarta Mail session on this server's SMTP, as a mail client would have. */
	Session smtpSession() {
		Properties properties = new Properties();
		properties.setProperty("mail.smtp.host", host());
		properties.setProperty("mail.smtp.port", Integer.toString(smtpPort()));
		properties.setProperty("mail.smtp.connectiontimeout", "10000");
		properties.setProperty("mail.smtp.timeout", "30000");
		return Session.getInstance(properties);
	}

}
