package org.guichet.reporting;

/** What a KPI's value measures, and how the API writes it. */
public enum KpiUnit {

	/** A length of time, held in whole seconds; the API writes an ISO-8601 duration ({@code PT3H20M}). */
	DURATION,
	/** A share of tickets, from 0 to 1. */
	RATIO,
	/** A number of tickets. */
	COUNT,
	/** A satisfaction rating, 1 to 5 (an average may have decimals). */
	RATING

}
