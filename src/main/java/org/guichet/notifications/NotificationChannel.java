package org.guichet.notifications;

/** Where a notification reaches a person. */
public enum NotificationChannel {

	/** The notifications page and the count in the navigation bar. */
	IN_APP,
	/** A mail, through the outbox. */
	EMAIL

}
