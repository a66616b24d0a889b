package org.guichet.system;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every refusal of the REST API into {@code application/problem+json}, in the caller's
 * language, naming the field at fault and the message key ({@code code}) clients can rely on.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final MessageSource messages;

	ApiExceptionHandler(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * A refusal of the domain, with its status. A stale change (412) also gives the current
	 * version as the {@code ETag}, the one to send again, in the API's wording of the record, and
	 * names as its {@code field} where the stale version came from: {@code If-Match} or the body's
	 * {@code version}.
	 */
	@ExceptionHandler(DomainException.class)
	ResponseEntity<ProblemDetail> domain(DomainException ex) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = ProblemDetail.forStatus(ex.status());
		String code = ex.apiMessageKey();
		problem.setDetail(messages.getMessage(code, ex.apiArguments(), ex.getMessage(), locale));
		problem.setProperty("code", code);
		if (ex instanceof VersionMismatchException) {
			problem.setProperty("field", IfMatch.source());
		}
		else if (ex.field() != null) {
			problem.setProperty("field", ex.field());
		}
		if (ex instanceof InvalidInputException invalid) {
			problem.setProperty("errors", errors(invalid, locale));
		}
		// an exception that lists its refusals itself (the list filters, with each value) gives its own
		ex.properties().forEach(problem::setProperty);
		if (ex instanceof VersionMismatchException stale) {
			return ResponseEntity.status(problem.getStatus())
				.eTag(IfMatch.etag(stale.currentVersion()))
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}
		return problem(problem);
	}

	/**
	 * Every refusal of one input, the first one included, as {@code errors}: {@code field},
	 * {@code code} and {@code detail} each, in the caller's language (as for a request that fails
	 * validation), so that a client learns all that is wrong at once.
	 */
	private List<Map<String, String>> errors(InvalidInputException first, Locale locale) {
		return Stream.concat(Stream.of(first), first.others().stream())
			.map(ex -> Map.of("field", ex.field() == null ? "" : ex.field(), "code", ex.messageKey(), "detail",
					messages.getMessage(ex.messageKey(), ex.arguments(), ex.getMessage(), locale)))
			.toList();
	}

	/**
	 * Two writers changed the same record at the same instant (Hibernate's optimistic lock): 409,
	 * nothing of the second saved. The code is the record's own {@code <record>.concurrent} when
	 * its messages have one ({@code ticket.concurrent} for a ticket), else {@code record.concurrent},
	 * whose words fit any record.
	 */
	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingFailureException ex) {
		Locale locale = LocaleContextHolder.getLocale();
		String code = "record.concurrent";
		if (ex instanceof ObjectOptimisticLockingFailureException locked && locked.getPersistentClassName() != null) {
			String entity = locked.getPersistentClassName();
			String own = entity.substring(Math.max(entity.lastIndexOf('.'), entity.lastIndexOf('$')) + 1)
				.toLowerCase(Locale.ROOT) + ".concurrent";
			code = messages.getMessage(own, null, null, locale) == null ? code : own;
		}
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.CONFLICT);
		problem.setDetail(messages.getMessage(code, null, locale));
		problem.setProperty("code", code);
		return problem(problem);
	}

	/**
	 * A constraint of the database refused the change, typically because something still refers
	 * to what is being deleted: 409 {@code request.integrity}; or a value is longer than its column,
	 * which a service's own check should have named: 400 {@code request.too-long}. Nothing was changed.
	 */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException ex) {
		boolean tooLong = ValueTooLong.causes(ex);
		String code = tooLong ? ValueTooLong.CODE : "request.integrity";
		ProblemDetail problem = ProblemDetail.forStatus(tooLong ? HttpStatus.BAD_REQUEST : HttpStatus.CONFLICT);
		problem.setDetail(messages.getMessage(code, null, LocaleContextHolder.getLocale()));
		problem.setProperty("code", code);
		return problem(problem);
	}

	/**
	 * Anything else that failed on the server's side: 500 {@code request.failed} in problem+json,
	 * never the cause's text, which may name internals; the log holds the cause under the
	 * {@code reference} the answer gives, for the operator. Spring Security's refusals go on to
	 * it (401, 403), and an answer already begun (a client gone mid-download) is left as it is.
	 *
	 * @throws Exception {@code ex} itself in those two cases
	 */
	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletResponse response) throws Exception {
		if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException || response.isCommitted()) {
			throw ex;
		}
		String reference = UUID.randomUUID().toString().substring(0, 8);
		log.error("An API request failed (reference {})", reference, ex);
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.INTERNAL_SERVER_ERROR);
		problem.setDetail(messages.getMessage("request.failed", new Object[] { reference },
				LocaleContextHolder.getLocale()));
		problem.setProperty("code", "request.failed");
		problem.setProperty("reference", reference);
		return problem(problem);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return problem(invalid(ex.getName(), String.valueOf(ex.getValue())));
	}

	/**
	 * A body that fails its declared constraints: 400 with each failure in {@code errors} under the
	 * same codes as the services' own checks ({@code field.required}, {@code field.too-long} with
	 * the longest length, {@code field.at-least} / {@code field.at-most} with the bound…), the first
	 * one as the problem's {@code code}, {@code field} and {@code detail}.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> {
				ConstraintRefusal refusal = ConstraintRefusal.of(error);
				return Map.of("field", error.getField(), "code", refusal.code(), "detail",
						messages.getMessage(refusal.code(), refusal.arguments(), locale));
			})
			.toList();
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
		if (errors.isEmpty()) {
			problem.setDetail(messages.getMessage("request.invalid", null, locale));
			problem.setProperty("code", "request.invalid");
		}
		else {
			problem.setDetail(errors.get(0).get("detail"));
			problem.setProperty("code", errors.get(0).get("code"));
			problem.setProperty("field", errors.get(0).get("field"));
		}
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/**
	 * A body that cannot be read: 400 {@code field.type-invalid} naming the field and what it takes
	 * when a value is not of its type ({@code 2.5} or {@code "2"} for an integer: nothing is rounded
	 * nor converted, see {@link StrictRequestBodies}), else {@code request.unreadable}, naming the
	 * field when one is at fault.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
		String field = JsonProblems.fieldOf(ex);
		JsonProblems.Expected expected = field == null ? null : JsonProblems.expected(ex);
		if (expected != null) {
			String takes = messages.getMessage(expected.key(), new Object[] { expected.values() }, locale);
			String detail = messages.getMessage("field.type-invalid", new Object[] { field, takes }, locale);
			problem.setDetail(detail);
			problem.setProperty("code", "field.type-invalid");
			problem.setProperty("errors", List.of(Map.of("field", field, "code", "field.type-invalid", "detail", detail)));
		}
		else {
			problem.setDetail(field == null ? messages.getMessage("request.unreadable", null, locale)
					: messages.getMessage("request.field-unreadable", new Object[] { field }, locale));
			problem.setProperty("code", "request.unreadable");
		}
		if (field != null) {
			problem.setProperty("field", field);
		}
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private ProblemDetail invalid(String field, String value) {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
		problem.setDetail(messages.getMessage("request.parameter-invalid", new Object[] { field, value },
				LocaleContextHolder.getLocale()));
		problem.setProperty("code", "request.parameter-invalid");
		problem.setProperty("field", field);
		return problem;
	}

	private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
