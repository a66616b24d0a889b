package org.guichet.replies.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.guichet.replies.InvalidDefinitionException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * A refused canned reply or macro as problem+json: like every other refusal ({@code code},
 * {@code field} of the first problem), with {@code errors} listing each field and its message,
 * as for a request that fails validation.
 */
final class DefinitionProblems {

	private DefinitionProblems() {
	}

	static ResponseEntity<ProblemDetail> of(InvalidDefinitionException ex, MessageSource messages) {
		Locale locale = LocaleContextHolder.getLocale();
		List<Map<String, String>> errors = ex.problems()
			.stream()
			.map(p -> Map.of("field", p.field() == null ? "" : p.field(), "code", p.messageKey(), "detail",
					messages.getMessage(p.messageKey(), p.arguments().toArray(), p.englishMessage(), locale)))
			.toList();
		ProblemDetail problem = ProblemDetail.forStatus(ex.status());
		problem.setDetail(errors.get(0).get("detail"));
		problem.setProperty("code", ex.messageKey());
		if (ex.field() != null) {
			problem.setProperty("field", ex.field());
		}
		problem.setProperty("errors", errors);
		return ResponseEntity.status(ex.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
