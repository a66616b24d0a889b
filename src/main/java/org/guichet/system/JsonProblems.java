package org.guichet.system;

import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.databind.DatabindException;

/**
 * Finds which JSON field a body could not be read at, e.g. {@code urgency} for an unknown
 * enumeration value.
 */
final class JsonProblems {

	private JsonProblems() {
	}

	static @Nullable String fieldOf(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getCause();
		while (cause != null && !(cause instanceof DatabindException)) {
			cause = cause.getCause();
		}
		if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
			String path = databind.getPath()
				.stream()
				.map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : String.valueOf(ref.getIndex()))
				.collect(Collectors.joining("."));
			return path.isEmpty() ? null : path;
		}
		return null;
	}

}
