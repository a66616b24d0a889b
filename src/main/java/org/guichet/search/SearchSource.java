package org.guichet.search;

import java.util.List;

/**
 * One kind of document the global search finds, contributed as a Spring bean by the module that
 * owns those documents (tickets, articles). The source applies its visibility rules inside its
 * own query: a document the reader may not open is never a hit, and is not counted in
 * {@link SearchResults#total()} nor in any facet.
 */
public interface SearchSource {

	/** The kind's name as the API's {@code kind=} parameter writes it: {@code ticket}, {@code article}. */
	String kind();

	/**
	 * One page of the documents matching the request's words that its reader may open, best first,
	 * with the request's facets counted over every visible match. Never null; an empty text gives
	 * no hit.
	 */
	SearchResults search(SearchRequest request);

	/**
	 * At most {@code max} documents for a search box's suggestions as the reader types: the words
	 * typed so far, the last one possibly incomplete. Never null; best first.
	 */
	List<SearchHit> suggest(SearchRequest request, int max);

	/**
	 * The documents the reader may open that are most like the request's text, best first, at
	 * most {@link SimilarRequest#max()}: a "more like this" query, where each significant word of
	 * the text is an alternative and the index's relevance (BM25) ranks the documents sharing the
	 * most and the rarest of them. Never null. A source that cannot tell gives none (the default).
	 */
	default List<SearchHit> similar(SimilarRequest request) {
		return List.of();
	}

}
