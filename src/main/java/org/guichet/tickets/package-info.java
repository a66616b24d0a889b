/**
 * The ticket lifecycle: registration, categorisation, prioritisation, assignment, resolution and
 * closure of incidents, service requests and assistance requests, with their timeline and audit trail.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tickets")
@org.jspecify.annotations.NullMarked
package org.guichet.tickets;
