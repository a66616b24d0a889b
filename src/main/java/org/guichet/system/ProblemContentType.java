package org.guichet.system;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Sends every {@link ProblemDetail} as {@code application/problem+json}, whoever wrote it, with its
 * {@code title} in the caller's language ({@link Problems#title}) as its {@code detail} is: Spring
 * and {@link ProblemDetail#forStatus} give the English reason phrase. A
 * refusal before any controller was chosen (a method or a content type the path does not take:
 * 405, 415) is answered by Spring Boot's problem handler, and a path whose controller produces
 * {@code application/json} made that answer {@code application/json}, which clients reading the
 * type to tell a refusal from a result took for a result.
 */
@ControllerAdvice
class ProblemContentType implements ResponseBodyAdvice<Object> {

	private final Problems problems;

	ProblemContentType(MessageSource messages) {
		this.problems = new Problems(messages);
	}

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType, MediaType selectedContentType,
			Class<? extends HttpMessageConverter<?>> selectedConverterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		if (!(body instanceof ProblemDetail problem)) {
			return body;
		}
		problem.setTitle(problems.title(problem.getStatus(), LocaleContextHolder.getLocale()));
		if (!MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(selectedContentType)
				&& MediaType.APPLICATION_JSON.isCompatibleWith(selectedContentType)) {
			response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
		return problem;
	}

}
