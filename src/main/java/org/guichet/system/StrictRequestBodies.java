package org.guichet.system;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads the JSON bodies our own clients send (the REST API) strictly: a value is taken only in
 * its own JSON type, so that {@code 2.5}, {@code 1e2} or {@code "2"} where an integer is expected,
 * {@code "true"} or {@code 1} for a boolean, a number for a text or an enumeration, or {@code ""}
 * for anything but a text is refused (400 {@code field.type-invalid}, naming the field and what to
 * send) instead of being rounded or converted. Answers are written as before. The shared
 * {@link JsonMapper}, which reads third parties' JSON (gateways, OpenSearch, OpenID providers),
 * stays as lenient as Jackson's defaults. Unknown properties are still ignored, so that what a
 * {@code GET} gives may be sent back.
 */
@Configuration(proxyBeanMethods = false)
class StrictRequestBodies {

	/** After Spring Boot's own customizer (order 0), whose JSON converter it replaces on the server's side. */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	ServerHttpMessageConvertersCustomizer strictJsonRequestBodies(JsonMapper shared) {
		JsonMapper strict = strict(shared);
		return builder -> builder.withJsonConverter(new JacksonJsonHttpMessageConverter(strict));
	}

	/**
	 * @param shared the application's mapper, its modules and settings kept
	 * @return a copy that takes each value only in its own JSON type
	 */
	static JsonMapper strict(JsonMapper shared) {
		return shared.rebuild()
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			.withCoercionConfigDefaults(coercions -> coercions.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			// an integer is a floating-point number too
			.withCoercionConfig(LogicalType.Float, coercions -> coercions.setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert))
			.build();
	}

}
