/**
 * Notifications: who is told what about tickets, in-app (listed on their notifications page and
 * counted in the navigation bar until read) and by mail (through the mail module's outbox), as
 * each person's preferences per event and channel choose ({@link org.guichet.notifications.NotificationPreferences});
 * the agents' daily digest and the password-reset mail.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
@org.jspecify.annotations.NullMarked
package org.guichet.notifications;
