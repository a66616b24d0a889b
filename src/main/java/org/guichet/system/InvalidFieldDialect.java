package org.guichet.system;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.expression.StandardExpressions;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * The one way a template marks a form field in error (WCAG 3.3.1, 4.1.2): {@code g:invalid} on the
 * field. Its value is an expression; when it is {@code true} the field gets the class
 * {@code is-invalid}, {@code aria-invalid="true"} and its error element's id in its
 * {@code aria-describedby}, before any description already there (read first), the id being
 * {@code <the field's id>-error} (an error id already there is moved first, not repeated: a field whose
 * error element is always present for scripts to fill); when the expression gives a text, that text is the error
 * element's id (radio buttons sharing one error, ids that differ from the error's prefix):
 * {@code g:invalid="${#fields.hasErrors('type')} ? 'type-error'"}. {@code null} or {@code false}
 * leave the field as written; {@code true} on a field without an id is refused
 * ({@link TemplateProcessingException}). The attribute is processed after every standard one (after
 * {@code th:field}, which gives the id, and {@code th:aria-describedby}) and never sent.
 */
@Component
class InvalidFieldDialect extends AbstractProcessorDialect {

	private static final String PREFIX = "g";

	InvalidFieldDialect() {
		super("Guichet invalid fields", PREFIX, 2000);
	}

	@Override
	public Set<IProcessor> getProcessors(String dialectPrefix) {
		return Set.of(new InvalidProcessor(dialectPrefix));
	}

	private static final class InvalidProcessor extends AbstractAttributeTagProcessor {

		InvalidProcessor(String dialectPrefix) {
			super(TemplateMode.HTML, dialectPrefix, null, false, "invalid", true, Integer.MAX_VALUE, true);
		}

		@Override
		protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
				String attributeValue, IElementTagStructureHandler structureHandler) {
			Object value = StandardExpressions.getExpressionParser(context.getConfiguration())
				.parseExpression(context, attributeValue).execute(context);
			String errorId = value instanceof String text && !text.isBlank() ? text
					: Boolean.TRUE.equals(value) ? errorOf(tag) : null;
			if (errorId == null) {
				return;
			}
			String classes = tag.getAttributeValue("class");
			structureHandler.setAttribute("class", classes == null || classes.isBlank() ? "is-invalid" : classes + " is-invalid");
			structureHandler.setAttribute("aria-invalid", "true");
			structureHandler.setAttribute("aria-describedby", errorFirst(errorId, tag.getAttributeValue("aria-describedby")));
		}

		/** The error's id, then the ids already describing the field (possibly null), the error's not repeated. */
		private static String errorFirst(String errorId, @Nullable String described) {
			return Stream.concat(Stream.of(errorId), described == null ? Stream.empty()
					: Arrays.stream(described.trim().split("\\s+")).filter(id -> !id.isEmpty() && !id.equals(errorId)))
				.collect(Collectors.joining(" "));
		}

		private static String errorOf(IProcessableElementTag tag) {
			String id = tag.getAttributeValue("id");
			if (id == null || id.isBlank()) {
				throw new TemplateProcessingException("g:invalid on a field without an id names no error: give the error's id");
			}
			return id + "-error";
		}

	}

}
