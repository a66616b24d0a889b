package org.guichet.system;

import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The one rule for what a JSON request body must hold: a component of a record that is not
 * annotated {@link Nullable} (JSpecify) is a required property, refused when absent or
 * {@code null}; a {@code @Nullable} one may be left out, and its Javadoc says what absence means.
 * The request bodies of the API ({@link RequiredPropertiesAdvice}) and the OpenAPI description
 * ({@link RequiredPropertiesInDescription}) both read it here, so that clients see what the
 * server refuses. So is the rule for texts: every text of a body ({@code String}, also an element
 * of a list or a value of a map) is one line ({@link OneLine}) unless its type is annotated
 * {@link MultiLine}.
 */
public final class RequiredProperties {

	private RequiredProperties() {
	}

	/**
	 * @param type any class
	 * @return the JSON names of the components of {@code type} that are one-line texts
	 *         ({@code String} not annotated {@link MultiLine}), in declaration order; empty when it
	 *         is not a record
	 */
	public static List<String> oneLine(Class<?> type) {
		if (!type.isRecord()) {
			return List.of();
		}
		return Arrays.stream(type.getRecordComponents())
			.filter(component -> component.getType() == String.class && !multiLine(component.getAnnotatedType()))
			.map(RecordComponent::getName)
			.toList();
	}

	/**
	 * @param type any class
	 * @return the JSON names of the required properties of {@code type}, in declaration order;
	 *         empty when it is not a record
	 */
	public static List<String> of(Class<?> type) {
		if (!type.isRecord()) {
			return List.of();
		}
		return Arrays.stream(type.getRecordComponents())
			.filter(component -> !nullable(component.getAnnotatedType()))
			.map(RecordComponent::getName)
			.toList();
	}

	/**
	 * Walks {@code json} along {@code type}: records' components, the elements of collections and
	 * arrays, the values of maps.
	 *
	 * @param json a body as read, before it is bound to {@code type}
	 * @param type the type it will be bound to, with its nullness annotations
	 * @return the JSON path of each required property that is absent or {@code null}
	 *         ({@code steps[1].approvers}), in document order; empty when none. A node whose shape
	 *         does not fit the type is left to the binding, which names it.
	 */
	public static List<String> missing(JsonNode json, AnnotatedType type) {
		Found found = new Found();
		walk(json, type, "", found);
		return found.missing;
	}

	/**
	 * Walks {@code json} along {@code type} as {@link #missing} does.
	 *
	 * @return the JSON path of each one-line text (a {@code String} not annotated
	 *         {@link MultiLine}) that holds a control character ({@code name}, {@code tags[1]}), in
	 *         document order; empty when none
	 */
	public static List<String> notOneLine(JsonNode json, AnnotatedType type) {
		Found found = new Found();
		walk(json, type, "", found);
		return found.notOneLine;
	}

	/** What a walk found: required properties absent, one-line texts holding a control character. */
	private static final class Found {

		private final List<String> missing = new ArrayList<>();

		private final List<String> notOneLine = new ArrayList<>();

	}

	private static void walk(JsonNode json, AnnotatedType type, String path, Found found) {
		Class<?> raw = raw(type.getType());
		if (raw == null) {
			return;
		}
		if (raw == String.class && json.isString()) {
			if (!multiLine(type) && !OneLine.Check.holds(json.asString())) {
				found.notOneLine.add(path);
			}
		}
		else if (raw.isRecord() && json.isObject()) {
			for (RecordComponent component : raw.getRecordComponents()) {
				String property = FieldPaths.member(path, component.getName());
				JsonNode value = json.get(component.getName());
				if (value == null || value.isNull()) {
					if (!nullable(component.getAnnotatedType())) {
						found.missing.add(property);
					}
				}
				else {
					walk(value, component.getAnnotatedType(), property, found);
				}
			}
		}
		else if (json.isArray() && (Collection.class.isAssignableFrom(raw) || raw.isArray())) {
			AnnotatedType element = type instanceof AnnotatedArrayType array ? array.getAnnotatedGenericComponentType()
					: argument(type, 0);
			if (element == null) {
				return;
			}
			for (int i = 0; i < json.size(); i++) {
				elementOrValue(json.get(i), element, FieldPaths.element(path, i), found);
			}
		}
		else if (json.isObject() && Map.class.isAssignableFrom(raw)) {
			AnnotatedType value = argument(type, 1);
			if (value == null) {
				return;
			}
			for (Map.Entry<String, JsonNode> entry : json.properties()) {
				elementOrValue(entry.getValue(), value, FieldPaths.member(path, entry.getKey()), found);
			}
		}
	}

	private static void elementOrValue(JsonNode json, AnnotatedType type, String path, Found found) {
		if (json.isNull()) {
			// an element of any JSON value (Map<String, Object>) may be null: null is one of them
			if (!nullable(type) && raw(type.getType()) != Object.class) {
				found.missing.add(path);
			}
		}
		else {
			walk(json, type, path, found);
		}
	}

	private static boolean nullable(AnnotatedType type) {
		return type.isAnnotationPresent(Nullable.class);
	}

	private static boolean multiLine(AnnotatedType type) {
		return type.isAnnotationPresent(MultiLine.class);
	}

	private static @Nullable AnnotatedType argument(AnnotatedType type, int index) {
		if (type instanceof AnnotatedParameterizedType parameterized
				&& parameterized.getAnnotatedActualTypeArguments().length > index) {
			return parameterized.getAnnotatedActualTypeArguments()[index];
		}
		return null;
	}

	private static @Nullable Class<?> raw(Type type) {
		if (type instanceof Class<?> plain) {
			return plain;
		}
		if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> plain) {
			return plain;
		}
		return null;
	}

}
