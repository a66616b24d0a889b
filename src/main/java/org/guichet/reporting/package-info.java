/**
 * Reporting: the desk's KPIs (resolution times, SLA compliance, reopenings, backlog,
 * satisfaction, first-contact and first-level resolution, escalations, volumes) computed over the
 * tickets module's published read model ({@code ticket_fact}, {@code ticket_open_span}), with
 * their targets, filters and series, and the self-service deflection rate read from the knowledge
 * module's public API ({@link org.guichet.reporting.DeflectionKpi}). Nothing depends on this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting")
@org.jspecify.annotations.NullMarked
package org.guichet.reporting;
