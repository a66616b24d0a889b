package org.guichet.mail.mailbox;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Properties;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.guichet.system.SecretCipher;
import org.guichet.mail.MailboxDefinition;
import org.guichet.mail.MailboxDefinition.Protocol;
import org.guichet.mail.MailboxDefinition.Security;
import org.guichet.system.SecretCipher;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Opens connections to mailboxes' servers with bounded waits, and tells what went wrong in words
 * an administrator can act on. TLS certificates are checked against the Java trust store, or the
 * one given as {@code guichet.mail.trust-store} (PKCS12, for a server whose certificate an internal
 * authority signed), and the server's name is checked against its certificate.
 */
@Component
class MailServers {

	private final Duration connectTimeout;

	private final Duration readTimeout;

	private final @Nullable SSLSocketFactory tls;

	MailServers(@Value("${guichet.mail.mailbox-connect-timeout:10s}") Duration connectTimeout,
			@Value("${guichet.mail.mailbox-read-timeout:60s}") Duration readTimeout,
			@Value("${guichet.mail.trust-store:}") String trustStore,
			@Value("${guichet.mail.trust-store-password:}") String trustStorePassword) {
		this.connectTimeout = connectTimeout;
		this.readTimeout = readTimeout;
		this.tls = trustStore.isBlank() ? null : socketFactory(Path.of(trustStore), trustStorePassword.toCharArray());
	}

	/**
	 * A connected store for {@code mailbox}; the caller closes it.
	 *
	 * @param readTimeout how long a read may wait for the server; zero: forever (IDLE watchers)
	 * @throws MessagingException when the server cannot be reached or refuses the login
	 */
	Store connect(MailboxDefinition mailbox, String password, Duration readTimeout) throws MessagingException {
		Store store = session(mailbox, readTimeout).getStore(storeProtocol(mailbox));
		store.connect(mailbox.host(), mailbox.port(), mailbox.username(), password);
		return store;
	}

	Store connect(MailboxDefinition mailbox, String password) throws MessagingException {
		return connect(mailbox, password, readTimeout);
	}

	private Session session(MailboxDefinition mailbox, Duration readTimeout) {
		String p = storeProtocol(mailbox);
		Properties properties = new Properties();
		properties.put("mail." + p + ".connectiontimeout", String.valueOf(connectTimeout.toMillis()));
		properties.put("mail." + p + ".timeout", String.valueOf(readTimeout.toMillis()));
		properties.put("mail." + p + ".ssl.checkserveridentity", "true");
		if (mailbox.security() == Security.STARTTLS) {
			properties.put("mail." + p + ".starttls.enable", "true");
			properties.put("mail." + p + ".starttls.required", "true");
		}
		if (mailbox.security() != Security.NONE && tls != null) {
			properties.put("mail." + p + ".ssl.socketFactory", tls);
		}
		// reading a message's bytes must not flag it \Seen: only a message whose ingestion returned is
		properties.put("mail.imap.peek", "true");
		properties.put("mail.imaps.peek", "true");
		// a message's bytes in one FETCH, not in 16 kB pieces of one round trip each: its size is bounded
		properties.put("mail.imap.partialfetch", "false");
		properties.put("mail.imaps.partialfetch", "false");
		// the POP3 messages are read whole once, not kept in memory by the folder
		properties.put("mail." + p + ".keepmessagecontent", "false");
		return Session.getInstance(properties);
	}

	static String storeProtocol(MailboxDefinition mailbox) {
		boolean tls = mailbox.security() == Security.TLS;
		return mailbox.protocol() == Protocol.IMAP ? (tls ? "imaps" : "imap") : (tls ? "pop3s" : "pop3");
	}

	/** What kind of failure {@code failure} is, from it and its causes. */
	static FailureKind kind(Throwable failure) {
		if (failure instanceof SecretCipher.UnreadableSecretException) {
			return FailureKind.PASSWORD_UNREADABLE;
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof UnknownHostException) {
				return FailureKind.UNKNOWN_HOST;
			}
			if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
				return FailureKind.REFUSED;
			}
			if (cause instanceof SocketTimeoutException) {
				return FailureKind.TIMEOUT;
			}
			if (cause instanceof SSLException) {
				return FailureKind.TLS;
			}
			if (cause instanceof AuthenticationFailedException) {
				return FailureKind.CREDENTIALS;
			}
			if (cause instanceof FolderNotFoundException) {
				return FailureKind.NO_SUCH_FOLDER;
			}
			String message = String.valueOf(cause.getMessage());
			if (message.contains("STARTTLS") || message.contains("STLS")) {
				return FailureKind.TLS;
			}
		}
		return FailureKind.OTHER;
	}

	/** The failure's own words, its deepest cause's first, without the stack. */
	static String detail(Throwable failure) {
		Throwable deepest = failure;
		while (deepest.getCause() != null && deepest.getCause() != deepest) {
			deepest = deepest.getCause();
		}
		String message = deepest.getMessage() == null ? deepest.getClass().getSimpleName() : deepest.getMessage();
		if (deepest != failure && failure.getMessage() != null && !failure.getMessage().equals(message)) {
			message = message + " (" + failure.getMessage() + ")";
		}
		return message.strip();
	}

	private static SSLSocketFactory socketFactory(Path file, char[] password) {
		try (InputStream in = Files.newInputStream(file)) {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(in, password);
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(store);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, trust.getTrustManagers(), null);
			return context.getSocketFactory();
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("guichet.mail.trust-store: " + file + " cannot be read as a PKCS12 trust store ("
					+ ex.getMessage() + ")", ex);
		}
	}

}
