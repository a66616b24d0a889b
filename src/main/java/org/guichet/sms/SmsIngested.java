package org.guichet.sms;

import org.jspecify.annotations.Nullable;

/**
 * What a text became.
 *
 * @param ticketId the ticket it registered or followed up, null for none
 * @param reason a word for the log and the triage list, empty when there is nothing to add
 */
public record SmsIngested(Outcome outcome, @Nullable Long ticketId, String reason) {

	/** What a text became. */
	public enum Outcome {

		/** A new ticket, channel SMS, for the person whose number texted. */
		TICKET_CREATED,
		/** A reply on the ticket an SMS sent to that number was about, within the follow-up window. */
		FOLLOW_UP,
		/** No known active person has that number: the text waits in the SMS triage list. */
		UNKNOWN_NUMBER,
		/** Delivered before (same gateway and message id): nothing done again. */
		ALREADY_INGESTED

	}

}
