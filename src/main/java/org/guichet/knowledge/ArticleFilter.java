package org.guichet.knowledge;

import org.jspecify.annotations.Nullable;

/**
 * What a list of articles keeps; every null criterion keeps all.
 *
 * @param categoryId the category and its sub-categories
 * @param ownerId the owner's user id
 * @param tag one tag, lower case
 * @param page from 0
 * @param size 1 to 100
 */
public record ArticleFilter(@Nullable ArticleStatus status, @Nullable ArticleKind kind,
		@Nullable ArticleAudience audience, @Nullable ArticleLanguage language, @Nullable Long categoryId,
		@Nullable Long ownerId, @Nullable String tag, int page, int size) {

	public ArticleFilter {
		if (page < 0 || size < 1 || size > 100) {
			throw new org.guichet.system.InvalidInputException(page < 0 ? "page" : "size", "knowledge.paging",
					"page must be 0 or more and size 1 to 100");
		}
	}

	/** Every article, first page of 50. */
	public static ArticleFilter all() {
		return new ArticleFilter(null, null, null, null, null, null, null, 0, 50);
	}

}
