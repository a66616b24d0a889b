package org.guichet.mail.outbox;

import java.util.HashSet;
import java.util.Set;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.jspecify.annotations.Nullable;

/** Tells a failure that will not go away (an SMTP 5xx answer) from one worth trying again. */
final class SmtpFailures {

	private SmtpFailures() {
	}

	/**
	 * Whether the server refused the mail for good: a 5xx answer to the sender, a recipient or the
	 * message, anywhere in the chain of causes. A connection that failed, a timeout or a 4xx answer
	 * is worth another attempt.
	 */
	static boolean permanent(Throwable failure) {
		Integer code = smtpCode(failure);
		return code != null && code >= 500 && code < 600;
	}

	/** The SMTP answer code in the chain of causes, or nothing when the server gave none. */
	static @Nullable Integer smtpCode(Throwable failure) {
		Set<Throwable> seen = new HashSet<>();
		Throwable current = failure;
		while (current != null && seen.add(current)) {
			if (current instanceof SMTPSendFailedException sent) {
				return sent.getReturnCode();
			}
			if (current instanceof SMTPAddressFailedException address) {
				return address.getReturnCode();
			}
			if (current instanceof SMTPSenderFailedException sender) {
				return sender.getReturnCode();
			}
			Throwable next = current instanceof MessagingException messaging && messaging.getNextException() != null
					? messaging.getNextException() : current.getCause();
			current = next;
		}
		return null;
	}

	/** A short account of the failure for the administrators' page (at most 2,000 characters). */
	static String describe(Throwable failure) {
		StringBuilder text = new StringBuilder();
		Set<Throwable> seen = new HashSet<>();
		Throwable current = failure;
		while (current != null && seen.add(current)) {
			if (!text.isEmpty()) {
				text.append(" ← ");
			}
			text.append(current.getClass().getSimpleName()).append(": ").append(current.getMessage());
			current = current instanceof MessagingException messaging && messaging.getNextException() != null
					? messaging.getNextException() : current.getCause();
		}
		return text.length() > 2000 ? text.substring(0, 2000) : text.toString();
	}

}
