package org.guichet.testing;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bodies written from the OpenAPI description ({@code /v3/api-docs}) rather than by hand: the
 * schemas of operations' JSON bodies, their required properties, and a body holding every
 * required property with a value of its type ({@code "x"}, {@code 1}, {@code true}, the first
 * value of an enumeration, {@code []}, nested objects filled alike), which passes the API's rule
 * on presence so that a call reaches what is checked after it (the caller's permission).
 */
public final class OpenApiBodies {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final JsonNode description;

	/** @param description the document {@code /v3/api-docs} answers */
	public OpenApiBodies(JsonNode description) {
		this.description = description;
	}

	/**
	 * @return the schema of the JSON body of {@code method path} (lower-case method, path as
	 *         described), null when it takes none
	 */
	public @Nullable JsonNode bodySchema(String method, String path) {
		JsonNode schema = description.path("paths")
			.path(path)
			.path(method.toLowerCase())
			.path("requestBody")
			.path("content")
			.path("application/json")
			.path("schema");
		return schema.isMissingNode() ? null : schema;
	}

	/** The schema itself, or the one its {@code $ref} names; null when there is none. */
	public @Nullable JsonNode resolved(@Nullable JsonNode schema) {
		if (schema == null) {
			return null;
		}
		JsonNode ref = schema.get("$ref");
		if (ref != null) {
			String name = ref.asString();
			return description.path("components").path("schemas").get(name.substring(name.lastIndexOf('/') + 1));
		}
		return schema;
	}

	/** The required properties of an object schema, in the order described; empty for another schema. */
	public List<String> required(@Nullable JsonNode schema) {
		List<String> names = new ArrayList<>();
		JsonNode object = resolved(schema);
		if (object != null) {
			object.path("required").forEach(name -> names.add(name.asString()));
		}
		return names;
	}

	/**
	 * A body of the schema holding every required property (and nothing else), each with a value
	 * of its type, nested objects filled alike; an array schema gives one such element.
	 */
	public JsonNode filled(@Nullable JsonNode schema) {
		return filled(schema, 0);
	}

	/** As {@link #filled(JsonNode)}, without {@code left}: the body a client that forgot it sends. */
	public ObjectNode without(JsonNode schema, String left) {
		ObjectNode body = (ObjectNode) filled(schema, 0);
		body.remove(left);
		return body;
	}

	private JsonNode filled(@Nullable JsonNode schema, int depth) {
		JsonNode type = resolved(schema);
		String kind = type == null || type.get("type") == null ? "object" : type.get("type").asString();
		return switch (kind) {
			case "string" -> type.has("enum") ? type.get("enum").get(0) : NODES.stringNode(switch (type.path("format").asString("")) {
				case "date-time" -> "2030-01-01T00:00:00Z";
				case "date" -> "2030-01-01";
				default -> "x";
			});
			case "integer", "number" -> NODES.numberNode(1);
			case "boolean" -> NODES.booleanNode(true);
			case "array" -> depth == 0 ? NODES.arrayNode().add(filled(type.get("items"), depth + 1)) : NODES.arrayNode();
			default -> {
				ObjectNode object = NODES.objectNode();
				if (type != null && depth < 4) {
					for (String name : required(type)) {
						object.set(name, filled(type.path("properties").get(name), depth + 1));
					}
				}
				yield object;
			}
		};
	}

}
