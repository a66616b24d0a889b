package org.guichet.reporting.recurring;

/** What links the incidents of a recurring cluster; a cluster may have several. */
public enum RecurrenceReason {

	/** The same category and the same requester. */
	SAME_REQUESTER,

	/** The same category and requesters at the same location. */
	SAME_LOCATION,

	/** Near-identical titles ({@link TextSimilarity#similar}), whatever their category. */
	SIMILAR_TITLES

}
