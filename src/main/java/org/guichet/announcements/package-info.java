/**
 * Announcements: what administrators and supervisors tell every user for a period (information,
 * planned maintenance, an ongoing major incident), shown as a banner on the portal and the agent
 * pages while current, read from a small cache ({@link org.guichet.announcements.Announcements#current}).
 * A major incident's announcement names its ticket, lets requesters follow it ("me too") through
 * {@link org.guichet.tickets.MajorIncidents#follow}, and ends when the incident is resolved, no
 * longer major, or cancelled.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Announcements")
@org.jspecify.annotations.NullMarked
package org.guichet.announcements;
