package org.guichet.system;

import java.util.Iterator;
import java.util.List;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Lists in the OpenAPI description ({@code /v3/api-docs}) the {@code required} properties of
 * each record by the rule the API enforces ({@link RequiredProperties}): every component not
 * annotated {@code @Nullable}.
 */
@Component
class RequiredPropertiesInDescription implements ModelConverter {

	private static final String REF_PREFIX = "#/components/schemas/";

	@Override
	@SuppressWarnings({ "rawtypes", "unchecked" })
	public @Nullable Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
		if (!chain.hasNext()) {
			return null;
		}
		Schema resolved = chain.next().resolve(type, context, chain);
		if (resolved == null || type.getType() == null) {
			return resolved;
		}
		Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
		List<String> required = RequiredProperties.of(raw);
		if (!raw.isRecord()) {
			return resolved;
		}
		Schema model = resolved;
		if (resolved.get$ref() != null && resolved.get$ref().startsWith(REF_PREFIX)) {
			model = context.getDefinedModels().get(resolved.get$ref().substring(REF_PREFIX.length()));
		}
		if (model != null && model.getProperties() != null) {
			List<String> described = required.stream().filter(model.getProperties()::containsKey).toList();
			model.setRequired(described.isEmpty() ? null : described);
		}
		return resolved;
	}

}
