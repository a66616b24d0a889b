package org.guichet.knowledge;

/** Where an article is in its life: written, reviewed, read, then put away. */
public enum ArticleStatus {

	/** Being written: read by the IT team only. */
	DRAFT,
	/** Written, waiting for a supervisor's or its owner's review: read by the IT team only. */
	IN_REVIEW,
	/** Read by its audience. */
	PUBLISHED,
	/** No longer current: read by the IT team only, kept for its history. */
	ARCHIVED

}
