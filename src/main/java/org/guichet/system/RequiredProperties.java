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
 * server refuses.
 */
public final class RequiredProperties {

	private RequiredProperties() {
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
		List<String> missing = new ArrayList<>();
		walk(json, type, "", missing);
		return missing;
	}

	private static void walk(JsonNode json, AnnotatedType type, String path, List<String> missing) {
		Class<?> raw = raw(type.getType());
		if (raw == null) {
			return;
		}
		if (raw.isRecord() && json.isObject()) {
			for (RecordComponent component : raw.getRecordComponents()) {
				String property = FieldPaths.member(path, component.getName());
				JsonNode value = json.get(component.getName());
				if (value == null || value.isNull()) {
					if (!nullable(component.getAnnotatedType())) {
						missing.add(property);
					}
				}
				else {
					walk(value, component.getAnnotatedType(), property, missing);
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
				elementOrValue(json.get(i), element, FieldPaths.element(path, i), missing);
			}
		}
		else if (json.isObject() && Map.class.isAssignableFrom(raw)) {
			AnnotatedType value = argument(type, 1);
			if (value == null) {
				return;
			}
			for (Map.Entry<String, JsonNode> entry : json.properties()) {
				elementOrValue(entry.getValue(), value, FieldPaths.member(path, entry.getKey()), missing);
			}
		}
	}

	private static void elementOrValue(JsonNode json, AnnotatedType type, String path, List<String> missing) {
		if (json.isNull()) {
			// an element of any JSON value (Map<String, Object>) may be null: null is one of them
			if (!nullable(type) && raw(type.getType()) != Object.class) {
				missing.add(path);
			}
		}
		else {
			walk(json, type, path, missing);
		}
	}

	private static boolean nullable(AnnotatedType type) {
		return type.isAnnotationPresent(Nullable.class);
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
