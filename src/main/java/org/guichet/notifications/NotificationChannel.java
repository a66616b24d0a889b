package org.guichet.notifications;

/** Where a notification reaches a person. */
public enum NotificationChannel {

	/** The notifications page and the count in the navigation bar. */
	IN_APP,
	/** A mail, through the outbox. */
	EMAIL,
	/**
	 * An SMS to the person's phone, through the SMS outbox (docs/SMS.md): offered for the events
	 * about a ticket, off unless the person or the administrators turn it on, shown only while the
	 * SMS channel is on.
	 */
	SMS

}
