package org.guichet.mail.outbox;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.jspecify.annotations.Nullable;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One sender thread's connection to the SMTP server of {@code spring.mail.*}, opened at the first
 * message and kept for every round of a run of the job, closed by {@link #close}. Unlike
 * {@link JavaMailSenderImpl#send}, it does not ask the server with a {@code NOOP} whether the
 * connection still works before each message (one more round trip per mail): a connection is
 * trusted until a message fails on it, then reset with {@code RSET}, or dropped and opened again
 * for the next message. Not for several threads at once.
 */
final class SmtpConnection implements AutoCloseable {

	private final JavaMailSenderImpl settings;

	private @Nullable Transport transport;

	SmtpConnection(JavaMailSenderImpl settings) {
		this.settings = settings;
	}

	/** The mail session of {@code spring.mail.*}, shared by every message (never null). */
	Session session() {
		return settings.getSession();
	}

	/**
	 * Hands one message to the server for the recipients of its headers.
	 *
	 * @throws Unreachable when no connection could be opened (no other message will go either)
	 * @throws MessagingException when the server refused this message or the connection broke
	 */
	void send(MimeMessage message) throws Unreachable, MessagingException {
		message.saveChanges();
		Transport open = open();
		try {
			open.sendMessage(message, message.getAllRecipients());
		}
		catch (MessagingException ex) {
			reset(open);
			throw ex;
		}
	}

	@Override
	public void close() {
		Transport open = transport;
		transport = null;
		if (open != null) {
			try {
				open.close();
			}
			catch (MessagingException ex) {
				// QUIT failed: the connection is gone all the same
			}
		}
	}

	private Transport open() throws Unreachable {
		if (transport != null) {
			return transport;
		}
		try {
			Transport opened = session().getTransport(settings.getProtocol() == null ? "smtp" : settings.getProtocol());
			opened.connect(settings.getHost(), settings.getPort(), blankAsNull(settings.getUsername()),
					blankAsNull(settings.getPassword()));
			transport = opened;
			return opened;
		}
		catch (MessagingException ex) {
			throw new Unreachable(ex);
		}
	}

	/** After a failed message: keeps the connection when the server answers {@code RSET}, else drops it. */
	private void reset(Transport failed) {
		try {
			if (failed instanceof SMTPTransport smtp && smtp.isConnected() && smtp.simpleCommand("RSET") == 250) {
				return;
			}
		}
		catch (MessagingException ex) {
			// the connection broke: dropped below
		}
		close();
	}

	private static @Nullable String blankAsNull(@Nullable String value) {
		return value == null || value.isEmpty() ? null : value;
	}

	/** No connection to the SMTP server could be opened; the cause says why. */
	static final class Unreachable extends Exception {

		private static final long serialVersionUID = 1L;

		Unreachable(MessagingException cause) {
			super(cause.getMessage(), cause);
		}

	}

}
