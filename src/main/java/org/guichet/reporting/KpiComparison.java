package org.guichet.reporting;

/** How a KPI's value is compared with its target. */
public enum KpiComparison {

	/** Met when the value is the target or more (e.g. SLA compliance ≥ 0.95). */
	AT_LEAST,
	/** Met when the value is the target or less (e.g. mean resolution time ≤ PT8H). */
	AT_MOST;

	/** Whether {@code value} meets {@code target}, both in the KPI's unit. */
	public boolean met(double value, double target) {
		return this == AT_LEAST ? value >= target : value <= target;
	}

}
