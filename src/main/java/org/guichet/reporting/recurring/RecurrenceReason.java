package org.guichet.reporting.recurring;

/** Why incidents are one recurring cluster; defined in docs/KPIS.md, "Recurring incidents". */
public enum RecurrenceReason {

	/**
	 * The same category and the same requester, created less than the recurrence window
	 * ({@code guichet.kpis.recurring.window}) after the cluster's first incident.
	 */
	SAME_REQUESTER,

	/**
	 * The same category and requesters at the same location, created less than the recurrence
	 * window after the cluster's first incident.
	 */
	SAME_LOCATION,

	/**
	 * Titles each near-identical ({@link TextSimilarity#similar}) to the cluster's representative
	 * title, whatever their category, over the whole period.
	 */
	SIMILAR_TITLES

}
