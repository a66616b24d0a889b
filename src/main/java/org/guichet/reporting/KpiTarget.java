package org.guichet.reporting;

/**
 * The administrator's target for one KPI.
 *
 * @param kpi the KPI's name, one of {@link Kpi#NAMES} (e.g. {@code slaCompliance},
 * {@code slaCompliance.tto})
 * @param comparison how the value must compare with {@code value}
 * @param value in the KPI's unit: seconds for a duration, 0–1 for a ratio, 1–5 for a rating
 */
public record KpiTarget(String kpi, KpiComparison comparison, double value) {

	/** Whether {@code actual} (in the KPI's unit) meets this target. */
	public boolean metBy(double actual) {
		return comparison.met(actual, value);
	}

}
