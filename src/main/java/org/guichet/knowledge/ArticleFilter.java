package org.guichet.knowledge;

import org.guichet.system.InvalidInputException;
import org.guichet.system.Pager;
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
		Pager.checkPage(page);
		if (size < 1 || size > 100) {
			throw new InvalidInputException("size", "knowledge.paging", "size: 1 to 100 articles a page");
		}
	}

	/** Every article, first page of 50. */
	public static ArticleFilter all() {
		return new ArticleFilter(null, null, null, null, null, null, null, 0, 50);
	}

}
