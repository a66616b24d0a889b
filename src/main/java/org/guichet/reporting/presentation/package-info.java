/**
 * How the reporting module writes its figures for people, the same on the dashboard, the targets
 * page and the monthly service review: one formatting of a KPI's value ({@link KpiFormat}), one
 * name per KPI and detail ({@link KpiNames}), one description of whose figures a filter selects
 * ({@link FilterScope}). Named interface: the presentation pack writes its KPI summary with them.
 */
@org.springframework.modulith.NamedInterface("kpi-texts")
@org.jspecify.annotations.NullMarked
package org.guichet.reporting.presentation;
