/**
 * Service level agreements: the time-to-own and time-to-resolve targets of each ticket, counted
 * in business time on a calendar, paused while the ticket waits, and the state they are in.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SLA")
@org.jspecify.annotations.NullMarked
package org.guichet.sla;
