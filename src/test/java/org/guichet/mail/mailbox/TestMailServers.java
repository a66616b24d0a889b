package org.guichet.mail.mailbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.guichet.testing.LocalServers;

/**
 * GreenMail's IMAP, IMAPS and POP3 servers in the test's JVM. IMAPS presents a certificate made
 * for the test ({@code keytool}, for {@code localhost}), and {@link #TRUST_STORE} trusts it: the
 * application is given it as {@code guichet.mail.trust-store}, as an internal authority would be.
 */
final class TestMailServers {

	static final String HOST = "localhost";

	static final String ADDRESS = "support@desk.example";

	static final String LOGIN = "support";

	static final String PASSWORD = "s3cret-pass";

	static final Path TRUST_STORE;

	static final ServerSetup IMAP = new ServerSetup(LocalServers.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP);

	static final ServerSetup IMAPS = new ServerSetup(LocalServers.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAPS);

	static final ServerSetup POP3 = new ServerSetup(LocalServers.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_POP3);

	static {
		try {
			Path folder = Files.createTempDirectory("mailbox-tls");
			Path keys = folder.resolve("server.p12");
			Path cert = folder.resolve("server.cer");
			TRUST_STORE = folder.resolve("trust.p12");
			keytool("-genkeypair", "-alias", "greenmail", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
					"-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
					"-keystore", keys.toString(), "-storepass", "changeit", "-keypass", "changeit");
			keytool("-exportcert", "-alias", "greenmail", "-keystore", keys.toString(), "-storepass", "changeit",
					"-file", cert.toString());
			keytool("-importcert", "-noprompt", "-alias", "greenmail", "-file", cert.toString(), "-storetype", "PKCS12",
					"-keystore", TRUST_STORE.toString(), "-storepass", "trustpass");
			System.setProperty("greenmail.tls.keystore.file", keys.toString());
			System.setProperty("greenmail.tls.keystore.password", "changeit");
			System.setProperty("greenmail.tls.key.password", "changeit");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private TestMailServers() {
	}

	static GreenMail start() {
		for (ServerSetup setup : new ServerSetup[] { IMAP, IMAPS, POP3 }) {
			// the machine is shared: TLS may take more than GreenMail's 2 s to start
			setup.setServerStartupTimeout(30_000);
		}
		GreenMail mail = new GreenMail(new ServerSetup[] { IMAP, IMAPS, POP3 });
		mail.start();
		mail.setUser(ADDRESS, LOGIN, PASSWORD);
		return mail;
	}

	/** A message as a mail client would write it, with CRLF line ends. */
	static byte[] message(String messageId, String subject, String... extraHeaders) {
		StringBuilder text = new StringBuilder();
		text.append("Message-ID: <").append(messageId).append(">\r\n");
		text.append("From: Alice <alice@example.org>\r\n");
		text.append("To: ").append(ADDRESS).append("\r\n");
		text.append("Subject: ").append(subject).append("\r\n");
		text.append("Date: Tue, 1 Dec 2026 10:00:00 +0100\r\n");
		for (String header : extraHeaders) {
			text.append(header).append("\r\n");
		}
		text.append("MIME-Version: 1.0\r\n");
		text.append("Content-Type: text/plain; charset=UTF-8\r\n");
		text.append("Content-Transfer-Encoding: 8bit\r\n\r\n");
		text.append("Bonjour, l’imprimante du 2e étage ne répond plus.\r\n-- \r\nAlice\r\n");
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	static void deliver(GreenMail mail, byte[] raw) {
		try {
			mail.getUserManager().getUser(LOGIN)
				.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Waits, up to 30 seconds, until no mailbox is being read on this node: a test's deleted
	 * mailbox may still be in a scheduled reading, which would then ingest the next test's mail.
	 */
	static void awaitIdle(MailboxPoller poller) {
		long deadline = System.nanoTime() + 30_000_000_000L;
		while (!poller.idle() && System.nanoTime() < deadline) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private static void keytool(String... arguments) throws IOException {
		List<String> command = new java.util.ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try {
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (process.waitFor() != 0) {
				throw new IOException("keytool failed: " + output);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

}
