package org.guichet.knowledge;

/** Who may read a published article. */
public enum ArticleAudience {

	/** The IT team only. */
	INTERNAL,
	/** Everyone, requesters included, once published. */
	PUBLIC

}
