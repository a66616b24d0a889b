package org.guichet.reporting;

/** The step of a volume series. */
public enum Granularity {

	/** One point per local day. */
	DAY,
	/** One point per ISO week (Monday to Sunday), dated by its Monday (or the period's first day). */
	WEEK

}
