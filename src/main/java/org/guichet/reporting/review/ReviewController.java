package org.guichet.reporting.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.guichet.directory.CurrentUser;
import org.guichet.reporting.KpiFilter;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The service review's page, {@code /reports/review?month=YYYY-MM} (the last whole month when
 * none is given), and its PDF, {@code /reports/review.pdf?month=…}: for the IT team, each within
 * the scope of their KPIs; a requester gets 403. A month that does not fit is shown back in its
 * field with what to enter instead.
 */
@Controller
@PreAuthorize("hasAnyRole('TECHNICIAN','SUPERVISOR','ADMINISTRATOR')")
class ReviewController {

	private final ServiceReviews reviews;

	private final ReviewDocument document;

	ReviewController(ServiceReviews reviews, ReviewDocument document) {
		this.reviews = reviews;
		this.document = document;
	}

	@GetMapping("/reports/review")
	String page(HttpServletRequest request, @RequestParam(required = false) @Nullable String month,
			@RequestParam(required = false) @Nullable String lang, @AuthenticationPrincipal CurrentUser me,
			Model model) {
		Locale locale = ReviewLanguage.of(lang, LocaleContextHolder.getLocale());
		model.addAttribute("month", month == null ? "" : month);
		model.addAttribute("lang", locale.getLanguage());
		String otherLang = locale.getLanguage().equals("fr") ? "en" : "fr";
		model.addAttribute("otherLang", otherLang);
		Map<String, String> criteria = criteria(request);
		model.addAttribute("criteria", criteria);
		if (month == null) {
			return "redirect:" + link("/reports/review", reviews.lastWholeMonth().toString(), lang, criteria);
		}
		try {
			ServiceReviews.Request asked = reviews.read(request.getParameterMap(), me);
			model.addAttribute("query", request.getQueryString());
			model.addAttribute("review", reviews.review(asked, me, locale));
			model.addAttribute("otherLanguagePdf", link("/reports/review.pdf", month, otherLang, criteria));
		}
		catch (InvalidReviewMonthException ex) {
			model.addAttribute("monthError", ex);
		}
		model.addAttribute("links", true);
		return "reports/review";
	}

	/** {@code path} with the month, the language when not null, and the criteria, encoded. */
	private static String link(String path, String month, @Nullable String lang, Map<String, String> criteria) {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath(path).queryParam("month", month);
		if (lang != null) {
			link.queryParam("lang", lang);
		}
		criteria.forEach(link::queryParam);
		return link.build().encode().toUriString();
	}

	/**
	 * The KPI filter's criteria the request sent (every parameter of {@link KpiFilter#PARAMETERS}
	 * but the period, which the month gives), first value of each, in that order: what the month
	 * form and the links to the same review carry, so the review keeps its group, technician…
	 */
	private static Map<String, String> criteria(HttpServletRequest request) {
		Map<String, String> criteria = new LinkedHashMap<>();
		for (String name : KpiFilter.PARAMETERS) {
			String value = request.getParameter(name);
			if (value != null && !value.isBlank() && !List.of("period", "from", "to").contains(name)) {
				criteria.put(name, value);
			}
		}
		return criteria;
	}

	@GetMapping("/reports/review.pdf")
	ResponseEntity<byte[]> pdf(HttpServletRequest request, @RequestParam(required = false) @Nullable String lang,
			@AuthenticationPrincipal CurrentUser me) {
		Locale locale = ReviewLanguage.of(lang, LocaleContextHolder.getLocale());
		return document.pdfResponse(reviews.review(reviews.read(request.getParameterMap(), me), me, locale), locale);
	}

}
