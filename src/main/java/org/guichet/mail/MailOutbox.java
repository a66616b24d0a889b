package org.guichet.mail;

import java.util.Optional;

/**
 * Mail out: a mail is written to the outbox in the caller's transaction, so it exists exactly when
 * the change that caused it does; the sender job sends it after the commit, retries while the
 * SMTP server is away and never sends it twice by itself (see docs/MAIL.md#sending-mail).
 */
public interface MailOutbox {

	/**
	 * Writes the mail in the recipient's language (their own, or the default language) with a
	 * new {@code Message-ID} chained to the ticket's previous mails, and queues it.
	 *
	 * @param recipientId a user's id
	 * @return the mail's {@code Message-ID} (with its angle brackets), or nothing when the user is
	 *         inactive or has no e-mail address
	 * @throws java.util.NoSuchElementException when there is no such user
	 */
	Optional<String> queue(long recipientId, MailNotice notice);

}
