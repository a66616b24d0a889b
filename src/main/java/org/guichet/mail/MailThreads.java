package org.guichet.mail;

import java.util.Collection;
import java.util.Optional;

/**
 * The Message-IDs of each ticket's mails, sent and received: what threads a ticket's mails and
 * matches an incoming answer's {@code In-Reply-To} and {@code References} to its ticket.
 */
public interface MailThreads {

	/**
	 * Records a mail of a ticket; a Message-ID already recorded is left as it is.
	 *
	 * @param messageId with its angle brackets, as in the header
	 * @param outgoing whether Guichet sent it
	 */
	void record(String messageId, long ticketId, boolean outgoing);

	/**
	 * Records the mail that opened a ticket as the first of its thread: the ticket's mails written
	 * before it and not sent yet (the "received" mail, queued as the ticket was registered in the
	 * same transaction) are made to answer it, so that the requester's client shows them under
	 * their own mail. A Message-ID already recorded is left as it is.
	 *
	 * @param messageId with its angle brackets, as in the header
	 */
	void opened(String messageId, long ticketId);

	/**
	 * The ticket of the most recent of these Message-IDs that Guichet knows.
	 *
	 * @param messageIds with their angle brackets, as in the headers; unknown ones are ignored
	 */
	Optional<Long> ticketOf(Collection<String> messageIds);

}
