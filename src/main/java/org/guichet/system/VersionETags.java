package org.guichet.system;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Gives every API answer carrying one record with a {@code version} its {@code ETag}
 * ({@code "<version>"}), the tag a change of that record sends back in {@code If-Match}: some
 * reads gave it and others not (an SLA policy's did not), so a client could not rely on it. An
 * answer that already has an ETag (a stamp, a digest of settings) keeps its own; lists, pages and
 * refusals carry none. A record's version is a {@code long} (or {@code Long}), as the records'
 * JPA versions are: an {@code int} {@code version} is a number of another kind (a catalogue
 * form's, 1, 2…, which If-Match does not take) and gives no ETag.
 */
@ControllerAdvice(annotations = RestController.class)
class VersionETags implements ResponseBodyAdvice<Object> {

	/** Each answer type's {@code version} component, read once; empty for a type without one. */
	private static final ClassValue<Optional<Method>> VERSIONS = new ClassValue<>() {

		@Override
		protected Optional<Method> computeValue(Class<?> type) {
			RecordComponent[] components = type.getRecordComponents();
			if (components == null) {
				return Optional.empty();
			}
			Optional<Method> accessor = Arrays.stream(components)
				.filter(component -> component.getName().equals("version"))
				.filter(component -> component.getType() == long.class || component.getType() == Long.class)
				.map(RecordComponent::getAccessor)
				.findFirst();
			// the answers are often records nested in their controller, not public
			accessor.ifPresent(method -> method.setAccessible(true));
			return accessor;
		}

	};

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return AnnotatedElementUtils.hasAnnotation(returnType.getContainingClass(), RestController.class);
	}

	@Override
	public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType,
			MediaType selectedContentType, Class<? extends HttpMessageConverter<?>> selectedConverterType,
			ServerHttpRequest request, ServerHttpResponse response) {
		if (body != null && response.getHeaders().getETag() == null) {
			VERSIONS.get(body.getClass()).map(accessor -> versionOf(accessor, body))
				.ifPresent(version -> response.getHeaders().setETag(IfMatch.etag(version)));
		}
		return body;
	}

	private static @Nullable Long versionOf(Method accessor, Object body) {
		try {
			Object version = accessor.invoke(body);
			return (Long) version;
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot read the version of " + body.getClass().getName(), ex);
		}
	}

}
