package org.guichet.mail.ingest;

import org.jspecify.annotations.Nullable;

/**
 * What the ingestion did with one message, once it is committed.
 *
 * @param outcome what the message became
 * @param messageId its Message-ID without angle brackets (derived from the bytes when it had none)
 * @param ticketId the ticket it opened, followed up or concerns, or null when none
 * @param reason why, in English for the log and the mailbox's activity page (e.g. the header that
 *        made it an automatic reply)
 */
public record Ingested(Outcome outcome, String messageId, @Nullable Long ticketId, String reason) {

	/** What a message became. */
	public enum Outcome {

		/** A new ticket (also a reply to a closed ticket, linked to it). */
		TICKET_CREATED,
		/** A follow-up of an existing ticket. */
		FOLLOW_UP,
		/** Nothing new: this Message-ID was ingested before (the mailbox delivered it again after a crash). */
		ALREADY_INGESTED,
		/** An automatic reply, a list or bulk mail: no ticket, no answer. */
		AUTOMATIC,
		/** A bounce: recorded on the ticket of the mail that bounced, its address flagged. */
		BOUNCE,
		/** From an unknown sender refused by the mailbox's policy (answered once, politely). */
		SENDER_REFUSED,
		/** From a blocked address or domain, from Guichet's own addresses, or over the sender's rate limit. */
		DROPPED

	}

}
