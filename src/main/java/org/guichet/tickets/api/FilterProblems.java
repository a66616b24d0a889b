package org.guichet.tickets.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.guichet.tickets.InvalidTicketFilterException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The 400 problem of a ticket list's filter: the first refusal as {@code detail}, {@code code}
 * and {@code field}, and every refusal, in the caller's language, under {@code errors}.
 */
final class FilterProblems {

	private FilterProblems() {
	}

	static ResponseEntity<ProblemDetail> of(InvalidTicketFilterException ex, MessageSource messages) {
		Locale locale = LocaleContextHolder.getLocale();
		List<Map<String, String>> errors = ex.errors()
			.stream()
			.map(error -> Map.of("field", error.field(), "code", error.code(), "value", error.value(), "detail",
					messages.getMessage(error.code(), error.arguments(), error.englishMessage(), locale)))
			.toList();
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
		problem.setDetail(errors.get(0).get("detail"));
		problem.setProperty("code", ex.messageKey());
		problem.setProperty("field", ex.field());
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
