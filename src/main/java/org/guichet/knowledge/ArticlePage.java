package org.guichet.knowledge;

import java.util.List;

/**
 * One page of a list of articles, newest change first.
 *
 * @param hasNext whether a next page has more
 * @param total how many articles the whole list holds, every page together
 */
public record ArticlePage(List<Article> articles, int page, int size, boolean hasNext, long total) {

	public ArticlePage {
		articles = List.copyOf(articles);
	}

}
