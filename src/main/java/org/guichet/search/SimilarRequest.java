package org.guichet.search;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.guichet.directory.CurrentUser;

/**
 * Documents like a text ("more like this"): a ticket's title and description, say.
 *
 * @param text the text to compare with, plain (no query syntax: every character is taken as
 * written); may be blank, which finds nothing
 * @param reader who asks: the visibility rules are theirs
 * @param locale the reader's language, for labels
 * @param leftOut the ids (as {@link SearchHit#id()} writes them) never given: the document the
 * text comes from
 * @param filters facet values to keep, as {@link SearchRequest#filters()} (a field a source does not
 * know is refused with {@link IllegalArgumentException})
 * @param max at most that many documents, 1 to 100
 */
public record SimilarRequest(String text, CurrentUser reader, Locale locale, Set<String> leftOut,
		Map<String, List<String>> filters, int max) {

	public SimilarRequest {
		if (max < 1 || max > 100) {
			throw new IllegalArgumentException("max must be 1 to 100");
		}
		leftOut = Set.copyOf(leftOut);
		filters = Map.copyOf(filters);
	}

}
