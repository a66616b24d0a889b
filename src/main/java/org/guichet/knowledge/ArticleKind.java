package org.guichet.knowledge;

/** What an article is for. */
public enum ArticleKind {

	/** How one problem was solved. */
	SOLUTION,
	/** Steps to follow, such as a category's diagnosis. */
	PROCEDURE,
	/** A question users ask often, and its answer. */
	FAQ,
	/** What happened during a major incident and what was done (summary, impact, timeline, causes, actions). */
	POST_INCIDENT,
	/** A problem known and not fixed yet, with its workaround. */
	KNOWN_ERROR

}
