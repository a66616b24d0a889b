package org.guichet.reporting.review;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.guichet.directory.CurrentUser;
import org.guichet.system.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import org.guichet.reporting.api.KpiFilterParameters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/kpis/review?month=YYYY-MM&format=pdf|html}: the monthly service review as a
 * PDF download (the default) or as the HTML document the PDF is printed from; {@code lang=fr|en}
 * chooses its language (else the caller's), and the KPI filter's criteria narrow it as on
 * {@code /api/v1/kpis}. A missing, malformed or future month answers 400 naming the
 * {@code field}, the {@code reason} and the {@code expected} format; a requester 403.
 */
@RestController
@RequestMapping("/api/v1/kpis")
@PreAuthorize("hasAnyRole('TECHNICIAN','SUPERVISOR','ADMINISTRATOR')")
class ReviewApiController {

	private final ServiceReviews reviews;

	private final ReviewDocument document;

	ReviewApiController(ServiceReviews reviews, ReviewDocument document) {
		this.reviews = reviews;
		this.document = document;
	}

	@GetMapping("/review")
	@KpiFilterParameters
	@Parameter(name = "month", in = ParameterIn.QUERY, description = "the month reviewed, YYYY-MM; by default the last whole one",
			schema = @Schema(type = "string", pattern = "^\\d{4}-\\d{2}$"))
	ResponseEntity<?> review(HttpServletRequest request, @RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) @Nullable String lang, @AuthenticationPrincipal CurrentUser me) {
		boolean html = isHtml(format);
		Locale locale = ReviewLanguage.of(lang, LocaleContextHolder.getLocale());
		ServiceReview review = reviews.review(reviews.read(request.getParameterMap(), me), me, locale);
		return html ? document.htmlResponse(review, locale) : document.pdfResponse(review, locale);
	}

	private static boolean isHtml(@Nullable String format) {
		if (format == null || format.isBlank() || format.strip().equalsIgnoreCase("pdf")) {
			return false;
		}
		if (format.strip().equalsIgnoreCase("html")) {
			return true;
		}
		throw new InvalidInputException("format", "review.format-unknown",
				"format: \"" + format + "\" is not a format of the review; give pdf or html", format);
	}

}
