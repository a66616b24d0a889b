package org.guichet.mail.outbox;

/** Where a mail of the outbox is. */
public enum OutboxStatus {

	/** Waits for its next attempt. */
	QUEUED,
	/** Claimed by a node and handed to SMTP; becomes SENT, QUEUED again or FAILED. */
	SENDING,
	/** Accepted by the SMTP server. */
	SENT,
	/** Refused for good, given up after too many attempts, or interrupted while sent: shown to administrators. */
	FAILED

}
