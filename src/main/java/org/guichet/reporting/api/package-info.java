/**
 * The reporting part of the REST API {@code /api/v1/kpis}: every KPI of a filter, the backlog
 * trend, the volumes, their CSV tables and the KPIs' targets, in the JSON contract described in
 * {@code docs/API.md}.
 */
@org.jspecify.annotations.NullMarked
package org.guichet.reporting.api;
