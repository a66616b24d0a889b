package org.guichet.search;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.guichet.directory.CurrentUser;
import org.guichet.system.InvalidInputException;
import org.guichet.system.Pager;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The search results page and the navbar box's suggestions, for everyone signed in, each seeing
 * only what they may open.
 */
@Controller
class SearchController {

	/** Suggestions per kind in the navbar's list. */
	static final int SUGGESTIONS = 5;

	private static final Pattern LAST_WORD = Pattern.compile("[\\p{L}\\p{N}]{3,}");

	private final SearchService search;

	SearchController(SearchService search) {
		this.search = search;
	}

	/**
	 * The hits of every kind (a few each) or, with {@code kind}, a page of that kind with its
	 * facets as filters. Blank words show the empty form; bad parameters show the form with the
	 * error, the words kept.
	 */
	@GetMapping("/search")
	String results(@RequestParam MultiValueMap<String, String> parameters, @AuthenticationPrincipal CurrentUser reader,
			Locale locale, HttpServletRequest request, Model model) {
		String q = parameters.getFirst("q");
		model.addAttribute("q", q == null ? "" : q.strip());
		model.addAttribute("kinds", search.kinds());
		model.addAttribute("ticketWord", ticketWord(reader));
		if (q == null || q.isBlank()) {
			model.addAttribute("results", List.of());
			return "search/results";
		}
		try {
			SearchParameters asked = SearchParameters.of(parameters, search.kinds(), 20);
			model.addAttribute("asked", asked);
			List<SearchResults> results = search.search(asked.kind(), asked.reachableRequest(reader, locale));
			model.addAttribute("results", results);
			if (asked.kind() != null && !results.isEmpty()) {
				model.addAttribute("pager", Pager.counted(asked.page(),
						Math.min(results.get(0).total(), SearchRequest.MAX_RESULTS), asked.size(), Pager.sameQuery(request)));
			}
			if (results.stream().allMatch(result -> result.total() == 0)) {
				model.addAttribute("startOfWord", startOfWord(asked.text()));
			}
		}
		catch (InvalidInputException e) {
			model.addAttribute("error", e);
			model.addAttribute("results", List.of());
		}
		catch (IllegalArgumentException e) {
			model.addAttribute("error", new InvalidInputException("q", "search.filter.unknown",
					"This filter cannot be applied: {0}", String.valueOf(e.getMessage())));
			model.addAttribute("results", List.of());
		}
		return "search/results";
	}

	/**
	 * The last word typed, when the words found nothing and it could be the beginning of a word,
	 * as the navbar's suggestions read it ("imprim" suggested "Imprimante bloquée", then the page
	 * found nothing): a plain word of three characters or more, not yet a prefix ({@code imprim*});
	 * null otherwise.
	 */
	private static @Nullable String startOfWord(String text) {
		String last = text.substring(text.lastIndexOf(' ') + 1);
		return LAST_WORD.matcher(last).matches() && !SearchWords.isCommon(last) ? last : null;
	}

	/**
	 * The navbar's suggestions for the words typed so far, then an entry searching for them: none
	 * for a single character that is no ticket number or more than {@value SearchParameters#MAX_TEXT}
	 * characters; a note asking for a word when they hold none ({@link SearchWords#hasWord}).
	 */
	@GetMapping("/search/suggest")
	String suggest(@RequestParam(name = "q", defaultValue = "") String q, @AuthenticationPrincipal CurrentUser reader,
			Locale locale, Model model) {
		String typed = q.strip();
		boolean fits = typed.length() <= SearchParameters.MAX_TEXT;
		boolean searchable = fits && SearchWords.hasWord(typed);
		model.addAttribute("q", typed);
		model.addAttribute("ticketWord", ticketWord(reader));
		model.addAttribute("noWord", fits && !searchable && typed.length() >= 2);
		model.addAttribute("hits", searchable
				? search.suggest(new SearchRequest(typed, reader, locale, Map.of(), 0, SUGGESTIONS), SUGGESTIONS)
				: List.of());
		model.addAttribute("searchable", searchable);
		return "search/suggestions :: options";
	}

	/**
	 * How the pages name the kind {@code ticket}: "ticket" for the IT team, "request" for a
	 * requester, as the portal names them (bundle keys {@code search.*.ticket} and {@code search.*.request}).
	 */
	static String ticketWord(CurrentUser reader) {
		return reader.isAgent() ? "ticket" : "request";
	}

}
