package org.guichet.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Type;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a JSON request body that lacks a required property ({@link RequiredProperties}) before
 * it is bound, so that an absent field is never read as {@code false}, zero or empty: 400
 * {@code field.required} naming the first one by its JSON path, every one in {@code errors}; and
 * one whose one-line text holds a line break, a tab or another control character ({@link OneLine},
 * {@code field.one-line}), in the same {@code errors}.
 * Only the body of the request is read; the mapper that reads stored JSON is left as it is.
 */
@ControllerAdvice
class RequiredPropertiesAdvice extends RequestBodyAdviceAdapter {

	private final JsonMapper json;

	RequiredPropertiesAdvice(JsonMapper json) {
		this.json = json;
	}

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
		MediaType type = message.getHeaders().getContentType();
		if (type == null || !(MediaType.APPLICATION_JSON.isCompatibleWith(type) || type.getSubtype().endsWith("+json"))) {
			return message;
		}
		byte[] body = message.getBody().readAllBytes();
		JsonNode tree;
		try {
			tree = json.readTree(body);
		}
		catch (JacksonException unreadable) {
			// the binding says where the body cannot be read
			return new ReadAgain(message.getHeaders(), body);
		}
		AnnotatedType bound = parameter.getParameter().getAnnotatedType();
		InputChecks checks = new InputChecks();
		RequiredProperties.missing(tree, bound).forEach(field -> checks.check(() -> {
			throw new InvalidInputException(field, "field.required", "Give " + field);
		}));
		RequiredProperties.notOneLine(tree, bound).forEach(field -> checks.check(() -> {
			throw OneLine.Check.refusal(field);
		}));
		checks.refuseIfAny();
		return new ReadAgain(message.getHeaders(), body);
	}

	private record ReadAgain(HttpHeaders headers, byte[] body) implements HttpInputMessage {

		@Override
		public InputStream getBody() {
			return new ByteArrayInputStream(body);
		}

		@Override
		public HttpHeaders getHeaders() {
			return headers;
		}

	}

}
