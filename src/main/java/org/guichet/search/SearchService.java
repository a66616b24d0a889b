package org.guichet.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The global search: asks every {@link SearchSource} bean (tickets, articles...), each applying its
 * own visibility rules.
 */
@Service
public class SearchService {

	private final Map<String, SearchSource> sources = new LinkedHashMap<>();

	SearchService(List<SearchSource> sources) {
		sources.forEach(source -> this.sources.put(source.kind(), source));
	}

	/** The kinds of documents found, in the order the sources were registered. */
	public List<String> kinds() {
		return List.copyOf(sources.keySet());
	}

	/**
	 * One page of the hits of each kind asked for, or of every kind when {@code kind} is null; the
	 * request's filters apply to the kind asked for only (a filter unknown to a source is refused
	 * with {@link IllegalArgumentException}, as is an unknown kind).
	 */
	public List<SearchResults> search(@Nullable String kind, SearchRequest request) {
		if (kind != null) {
			return List.of(source(kind).search(request));
		}
		SearchRequest unfiltered = new SearchRequest(request.text(), request.reader(), request.locale(), Map.of(),
				request.page(), request.size());
		List<SearchResults> all = new ArrayList<>();
		sources.values().forEach(source -> all.add(source.search(request.filters().isEmpty() ? request : unfiltered)));
		return all;
	}

	/**
	 * Suggestions for a search box as the reader types, at most {@code max} per kind, kind by kind
	 * in the sources' order.
	 */
	public List<SearchHit> suggest(SearchRequest request, int max) {
		List<SearchHit> hits = new ArrayList<>();
		sources.values().forEach(source -> hits.addAll(source.suggest(request, max)));
		return hits;
	}

	/**
	 * The documents of one kind most like a text, for its reader ({@link SearchSource#similar}).
	 *
	 * @throws IllegalArgumentException for an unknown kind
	 */
	public List<SearchHit> similar(String kind, SimilarRequest request) {
		return source(kind).similar(request);
	}

	private SearchSource source(String kind) {
		SearchSource source = sources.get(kind);
		if (source == null) {
			throw new IllegalArgumentException("kind must be one of " + sources.keySet());
		}
		return source;
	}

}
