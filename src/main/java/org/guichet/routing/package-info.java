/**
 * Routing and assignment: ordered rules that put each new ticket in front of the right group or
 * technician, technicians' skills and absences, and each group's auto-assignment mode.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Routing")
@org.jspecify.annotations.NullMarked
package org.guichet.routing;
