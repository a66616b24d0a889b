package org.guichet.sms;

import org.jspecify.annotations.Nullable;

/**
 * What a text became, or, at the webhook, that it was taken (docs/SMS.md#sms-in).
 *
 * @param ticketId the ticket it registered or followed up, null for none or not known yet
 * @param reason a word for the log and the triage list, empty when there is nothing to add
 */
public record SmsIngested(Outcome outcome, @Nullable Long ticketId, String reason) {

	/** What a text became. */
	public enum Outcome {

		/**
		 * Stored in {@code sms_inbound}, committed, not yet ingested: the webhook's answer to a new
		 * text, and the row's state until the ingestion decides one of the outcomes below.
		 */
		ACCEPTED,
		/** A new ticket, channel SMS, for the person whose number texted. */
		TICKET_CREATED,
		/** A reply on the ticket an SMS sent to that number was about, within the follow-up window. */
		FOLLOW_UP,
		/** No known active person has that number: the text waits in the SMS triage list. */
		UNKNOWN_NUMBER,
		/**
		 * Could not be ingested (a refusal that trying again would not change, logged at WARN): the
		 * text waits in the SMS triage list, as from an unknown number.
		 */
		FAILED,
		/**
		 * Delivered before (same gateway and message id): nothing done again. The webhook's answer
		 * carries the ticket when the first delivery's ingestion registered or followed one up already.
		 */
		ALREADY_INGESTED

	}

}
