package org.guichet.knowledge;

import java.util.List;

/**
 * One page of a list of articles, newest change first.
 *
 * @param hasNext whether a next page has more
 */
public record ArticlePage(List<Article> articles, int page, int size, boolean hasNext) {

	public ArticlePage {
		articles = List.copyOf(articles);
	}

}
