package org.guichet.system;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Finds which JSON field a body could not be read at ({@code urgency}, {@code targets[0].value}),
 * and what that field takes, e.g. an integer where {@code 2.5} was sent.
 */
final class JsonProblems {

	private JsonProblems() {
	}

	/** @return the path of the field at fault ({@link FieldPaths}), null when the body as a whole is */
	static @Nullable String fieldOf(HttpMessageNotReadableException ex) {
		DatabindException databind = databind(ex);
		if (databind == null || databind.getPath().isEmpty()) {
			return null;
		}
		String path = "";
		for (JacksonException.Reference ref : databind.getPath()) {
			path = ref.getPropertyName() != null ? FieldPaths.member(path, ref.getPropertyName())
					: FieldPaths.element(path, ref.getIndex());
		}
		return path.isEmpty() ? null : path;
	}

	/**
	 * What the field at fault takes, as the message key of its wording and its arguments:
	 * {@code field.type.integer}, {@code .number}, {@code .boolean}, {@code .text}, {@code .list},
	 * {@code .choice} (with the values, e.g. {@code LOW, HIGH}); null when the value was of the
	 * right type but not readable (a date in another format…) or the type is not known.
	 */
	static @Nullable Expected expected(HttpMessageNotReadableException ex) {
		if (!(databind(ex) instanceof MismatchedInputException mismatch) || mismatch.getTargetType() == null) {
			return null;
		}
		Class<?> type = mismatch.getTargetType();
		if (type.isEnum()) {
			return new Expected("field.type.choice", Arrays.stream(type.getEnumConstants())
				.map(constant -> ((Enum<?>) constant).name())
				.collect(Collectors.joining(", ")));
		}
		if (List.of(int.class, long.class, short.class, byte.class, Integer.class, Long.class, Short.class, Byte.class,
				BigInteger.class).contains(type)) {
			return new Expected("field.type.integer", null);
		}
		if (List.of(double.class, float.class, Double.class, Float.class, BigDecimal.class).contains(type)) {
			return new Expected("field.type.number", null);
		}
		if (type == boolean.class || type == Boolean.class) {
			return new Expected("field.type.boolean", null);
		}
		if (type == String.class) {
			return new Expected("field.type.text", null);
		}
		if (type.isArray() || Collection.class.isAssignableFrom(type)) {
			return new Expected("field.type.list", null);
		}
		if (type.isRecord() || Map.class.isAssignableFrom(type)) {
			return new Expected("field.type.object", null);
		}
		return null;
	}

	private static @Nullable DatabindException databind(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getCause();
		while (cause != null && !(cause instanceof DatabindException)) {
			cause = cause.getCause();
		}
		return (DatabindException) cause;
	}

	/**
	 * @param key the message key saying what the field takes
	 * @param values the values it may take, for a choice; null otherwise
	 */
	record Expected(String key, @Nullable String values) {
	}

}
