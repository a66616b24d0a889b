package org.guichet.search;

import java.util.List;

/**
 * One page of one source's hits.
 *
 * @param kind the source's {@link SearchSource#kind()}
 * @param total how many visible documents match, over every page
 * @param hits this page's hits, best first
 * @param facets counts of the visible matches by facet value
 */
public record SearchResults(String kind, long total, List<SearchHit> hits, List<Facet> facets) {

	public SearchResults {
		hits = List.copyOf(hits);
		facets = List.copyOf(facets);
	}

	/** No match. */
	public static SearchResults none(String kind) {
		return new SearchResults(kind, 0, List.of(), List.of());
	}

}
