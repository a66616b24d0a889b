package org.guichet.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.guichet.directory.CurrentUser;
import org.guichet.system.InvalidInputException;
import org.guichet.system.Pager;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * A search's query parameters, as the API and the results page take them: {@code q} (the words,
 * 1 to {@value #MAX_TEXT} characters, at least one word: {@link SearchWords#hasWord}), {@code kind}, {@code page} (from 0, within the first {@value SearchRequest#MAX_RESULTS} results), {@code size} (1 to 100)
 * and any other parameter as a facet filter, by its field's name ({@code status=NEW}); a field
 * whose name is one of those parameters' (an article's {@code kind}) is written {@code f.kind=FAQ}.
 * Bad input is refused with {@link InvalidInputException} naming the parameter.
 */
record SearchParameters(String text, @Nullable String kind, int page, int size, Map<String, List<String>> filters) {

	static final int MAX_TEXT = 500;

	private static final Set<String> OWN = Set.of("q", "kind", "page", "size", "_csrf");

	static SearchParameters of(MultiValueMap<String, String> parameters, List<String> kinds, int defaultSize) {
		String text = first(parameters, "q");
		if (text == null || text.isBlank()) {
			throw new InvalidInputException("q", "search.q.required", "Type the words to look for in q");
		}
		if (text.length() > MAX_TEXT) {
			throw new InvalidInputException("q", "search.q.too-long", "Type at most {0} characters in q", MAX_TEXT);
		}
		SearchWords.require("q", text);
		String kind = first(parameters, "kind");
		if (kind != null && kind.isBlank()) {
			kind = null;
		}
		if (kind != null && !kinds.contains(kind)) {
			throw new InvalidInputException("kind", "search.kind.unknown", "kind must be one of {0}",
					String.join(", ", kinds));
		}
		int page = number(parameters, "page", 0, 0, Pager.MAX_PAGE);
		int size = number(parameters, "size", defaultSize, 1, 100);
		Map<String, List<String>> filters = new LinkedHashMap<>();
		parameters.forEach((name, values) -> {
			if (!OWN.contains(name)) {
				List<String> kept = values.stream().filter(v -> v != null && !v.isBlank()).toList();
				if (!kept.isEmpty()) {
					filters.put(name.startsWith("f.") ? name.substring(2) : name, kept);
				}
			}
		});
		if (!filters.isEmpty() && kind == null) {
			throw new InvalidInputException(filters.keySet().iterator().next(), "search.filter.without-kind",
					"A filter needs the kind of documents it applies to: add kind=ticket or kind=article");
		}
		return new SearchParameters(text.strip(), kind, page, size, filters);
	}

	/**
	 * The search of these parameters for this reader.
	 *
	 * @throws InvalidInputException ({@code search.page.too-deep}) for a page past the
	 *         {@link SearchRequest#MAX_RESULTS} first results
	 */
	SearchRequest request(CurrentUser reader, Locale locale) {
		return new SearchRequest(text, reader, locale, filters, page, size);
	}

	/**
	 * The search of these parameters at the page asked or, past the results one may page through,
	 * at the deepest page: what a page shows under its "past the end" notice.
	 */
	SearchRequest reachableRequest(CurrentUser reader, Locale locale) {
		return new SearchRequest(text, reader, locale, filters, SearchRequest.reachable(page, size), size);
	}

	private static @Nullable String first(MultiValueMap<String, String> parameters, String name) {
		return parameters.getFirst(name);
	}

	private static int number(MultiValueMap<String, String> parameters, String name, int absent, int min, int max) {
		String value = first(parameters, name);
		if (value == null || value.isBlank()) {
			return absent;
		}
		try {
			int number = Integer.parseInt(value.strip());
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException e) {
			// refused below
		}
		throw new InvalidInputException(name, "search.number", "{0} must be a whole number from {1} to {2}", name,
				min, max);
	}

}
