/**
 * In-app notifications: what Guichet tells a member of the IT team about a ticket (an
 * escalation, a level of an SLA policy), listed on their notifications page and counted in the
 * navigation bar until they read it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
@org.jspecify.annotations.NullMarked
package org.guichet.notifications;
