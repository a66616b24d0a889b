/**
 * How the reporting module writes its figures for people, the same on the dashboard, the targets
 * page and the monthly service review: one formatting of a KPI's value ({@link KpiFormat}), one
 * name per KPI and detail ({@link KpiNames}), one description of whose figures a filter selects
 * ({@link FilterScope}).
 */
@org.jspecify.annotations.NullMarked
package org.guichet.reporting.presentation;
