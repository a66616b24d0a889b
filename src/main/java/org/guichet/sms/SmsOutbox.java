package org.guichet.sms;

/**
 * SMS out (docs/SMS.md#sms-out), written in the caller's transaction: an SMS exists exactly when
 * the change it tells does, and is sent after the commit by the sender job, with retries.
 */
public interface SmsOutbox {

	/**
	 * Queues an SMS about a ticket to a person's phone: the text, cut to fit the configured
	 * segments, then the ticket's link. An answer from that number within the follow-up window is
	 * a follow-up on the ticket.
	 *
	 * @param text what the SMS says, in the recipient's language
	 * @param path the page of the ticket as the recipient opens it, a path of this site ({@code /portal/tickets/12})
	 * @return false, with nothing queued, when the SMS channel is off or the person has no valid
	 *         phone number (or no longer exists)
	 */
	boolean queue(long recipientId, long ticketId, String text, String path);

	/** Whether the SMS channel is on: people may choose it in their preferences. */
	boolean enabled();

}
