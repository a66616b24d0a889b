package org.guichet.search;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.guichet.directory.CurrentUser;
import org.guichet.system.InvalidInputException;

/**
 * What a reader looks for.
 *
 * @param text the words typed, as typed (the source analyses them); may be blank
 * @param reader who asks: the visibility rules are theirs
 * @param locale the reader's language, for labels and excerpts
 * @param filters facet values to keep, by facet field ({@link Facet#field()}); values of a field
 * are alternatives, fields are all required; a field a source does not know is refused with
 * {@link IllegalArgumentException}
 * @param page the page, from 0; a page beyond the first {@value #MAX_RESULTS} results is refused
 * with {@link InvalidInputException} naming {@code page} (code {@code search.page.too-deep})
 * @param size hits per page, 1 to 100
 */
public record SearchRequest(String text, CurrentUser reader, Locale locale, Map<String, List<String>> filters,
		int page, int size) {

	/**
	 * How deep results can be paged: OpenSearch's default {@code index.max_result_window}, kept on
	 * Lucene too so that every search (API, pages, knowledge base) answers alike on either backend.
	 */
	public static final int MAX_RESULTS = 10_000;

	/**
	 * The page a list asks the search for when a person asks for {@code page}: that page, or the
	 * deepest within {@link #MAX_RESULTS} when it lies beyond, whose pager then says the page asked
	 * is past the list's end.
	 *
	 * @param page from 0
	 * @param size 1 to 100
	 */
	public static int reachable(int page, int size) {
		return Math.min(page, MAX_RESULTS / size - 1);
	}

	public SearchRequest {
		if (page < 0 || size < 1 || size > 100) {
			throw new IllegalArgumentException("page must be 0 or more and size 1 to 100");
		}
		if (((long) page + 1) * size > MAX_RESULTS) {
			throw new InvalidInputException("page", "search.page.too-deep",
					"Only the first {0} results can be paged through: add words or filters to narrow the search",
					MAX_RESULTS);
		}
		filters = Map.copyOf(filters);
	}

}
