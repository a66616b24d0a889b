package org.guichet.system;

import java.util.stream.Collectors;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Answers in {@code application/problem+json} the refusals of an API path ({@code /api/…}) made
 * before any API controller was chosen: a path that does not exist (404), a method (405) or a
 * content type (415, 406) it does not take. {@link ApiExceptionHandler} serves the API's
 * controllers only, so these went to Spring Boot's error page, whose JSON is no problem. Outside
 * the API the exception goes on to the pages' error handling.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiRoutingProblems {

	private final MessageSource messages;

	ApiRoutingProblems(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * The exception's own status, with {@code code} {@code request.routing} and a detail in the
	 * caller's language saying what the path takes ({@code request.routing.<status>}).
	 *
	 * @throws ServletException the exception itself when the path is not the API's
	 */
	@ExceptionHandler({ NoResourceFoundException.class, NoHandlerFoundException.class,
			HttpRequestMethodNotSupportedException.class,
			HttpMediaTypeNotSupportedException.class, HttpMediaTypeNotAcceptableException.class })
	ResponseEntity<ProblemDetail> routing(ServletException ex, HttpServletRequest request) throws ServletException {
		if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			throw ex;
		}
		ErrorResponse refusal = (ErrorResponse) ex;
		ProblemDetail problem = refusal.getBody();
		int status = refusal.getStatusCode().value();
		problem.setDetail(messages.getMessage("request.routing." + status, arguments(ex, request), problem.getDetail(),
				LocaleContextHolder.getLocale()));
		problem.setProperty("code", "request.routing");
		return ResponseEntity.status(refusal.getStatusCode())
			.headers(refusal.getHeaders())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	/** The path, the method or content type sent, and what the path takes instead. */
	private static Object[] arguments(ServletException ex, HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (ex instanceof HttpRequestMethodNotSupportedException method) {
			// sorted: the order Spring finds them in changes from one start to the next
			String supported = method.getSupportedHttpMethods() == null ? ""
					: method.getSupportedHttpMethods().stream().map(Object::toString).sorted()
						.collect(Collectors.joining(", "));
			return new Object[] { path, method.getMethod(), supported };
		}
		if (ex instanceof HttpMediaTypeNotSupportedException type) {
			return new Object[] { path, String.valueOf(type.getContentType()), MediaType.toString(type.getSupportedMediaTypes()) };
		}
		if (ex instanceof HttpMediaTypeNotAcceptableException type) {
			return new Object[] { path, String.valueOf(request.getHeader("Accept")),
					MediaType.toString(type.getSupportedMediaTypes()) };
		}
		return new Object[] { path };
	}

}
