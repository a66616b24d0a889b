package org.guichet.search;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import org.guichet.directory.CurrentUser;
import org.guichet.system.InvalidInputException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The global search for API clients: the same hits as the search page, under the caller's
 * visibility rules. Bad parameters are answered 400 with a problem naming the parameter.
 */
@RestController
class SearchApiController {

	private final SearchService search;

	SearchApiController(SearchService search) {
		this.search = search;
	}

	/** The answer: the words searched and one page of hits, total and facets per kind. */
	record SearchJson(String q, int page, int size, List<SearchResults> results) {
	}

	@GetMapping(path = "/api/v1/search", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Full-text search over the documents the caller may open",
			description = "Tickets (number, title, description, public replies, solution; internal notes for the IT"
					+ " team) and the other kinds of documents, ranked by relevance, with highlighted excerpts"
					+ " (HTML where only <mark> is markup) and facet counts. Any other query parameter is a facet"
					+ " filter of the kind asked for (status, type, category, group; f.kind for an article's kind).")
	@Parameter(name = "q", in = ParameterIn.QUERY, required = true, description = "the words; \"a phrase\", -word, #1042",
			schema = @Schema(type = "string", maxLength = SearchParameters.MAX_TEXT))
	@Parameter(name = "kind", in = ParameterIn.QUERY, description = "one kind only (its facets filter): ticket, article",
			schema = @Schema(type = "string"))
	@Parameter(name = "page", in = ParameterIn.QUERY, schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"))
	@Parameter(name = "size", in = ParameterIn.QUERY,
			schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "20"))
	SearchJson search(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
			@AuthenticationPrincipal CurrentUser caller) {
		SearchParameters asked = SearchParameters.of(parameters, search.kinds(), 20);
		try {
			return new SearchJson(asked.text(), asked.page(), asked.size(),
					search.search(asked.kind(), asked.request(caller, LocaleContextHolder.getLocale())));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException(asked.filters().isEmpty() ? "kind" : asked.filters().keySet().iterator().next(),
					"search.filter.unknown", "This filter cannot be applied: {0}", String.valueOf(e.getMessage()));
		}
	}

}
