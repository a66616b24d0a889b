package org.guichet.reporting.recurring;

/** Why incidents are one recurring cluster; defined in docs/KPIS.md, "Recurring incidents". */
public enum RecurrenceReason {

	/**
	 * The same category and the same requester, created less than the recurrence window
	 * ({@code guichet.kpis.recurring.window}) after the cluster's first incident.
	 */
	SAME_REQUESTER,

	/**
	 * A burst of one category at one location: the incidents of requesters at that location in
	 * spans of {@code guichet.kpis.recurring.burst-window} holding at least
	 * {@code guichet.kpis.recurring.burst-factor} times the usual number there (its rate over the
	 * period and the {@code burst-baseline} before it) and at least the threshold.
	 */
	SAME_LOCATION,

	/**
	 * Titles each near-identical ({@link org.guichet.text.TextSimilarity#similar}) to the cluster's representative
	 * title, whatever their category, over the whole period.
	 */
	SIMILAR_TITLES

}
