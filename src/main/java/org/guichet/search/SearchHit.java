package org.guichet.search;

import java.util.Map;

/**
 * One document found.
 *
 * @param kind the source's {@link SearchSource#kind()}
 * @param id the document's identifier within its kind (a ticket's number, an article's id)
 * @param title its title, plain text
 * @param excerptHtml the passage that matched, HTML-escaped, where only {@code <mark>} and
 * {@code </mark>} around the matched words are markup; empty when only the title matched
 * @param url the page that shows it, relative to the application's root ({@code /tickets/42})
 * @param labels what the list shows beside the title (status, category...), already in the
 * reader's language, by a key the source chooses
 */
public record SearchHit(String kind, String id, String title, String excerptHtml, String url,
		Map<String, String> labels) {

	public SearchHit {
		labels = Map.copyOf(labels);
	}

}
