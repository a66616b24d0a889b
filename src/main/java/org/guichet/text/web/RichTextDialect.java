package org.guichet.text.web;

import java.util.Set;

import org.guichet.text.RichText;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * Gives templates the renderer as the expression object {@code #richText}:
 * {@code th:utext="${#richText.html(comment.body, '/tickets/12/attachments/')}"}. An expression
 * object, not a bean reference: Thymeleaf refuses {@code @bean} calls in {@code th:utext}.
 */
@Component
class RichTextDialect extends AbstractDialect implements IExpressionObjectDialect {

	private static final String NAME = "richText";

	private final RichText richText;

	/**
	 * @param richText the application's renderer; web slice tests, which load dialects but not
	 * the module's services, get a new one (it holds no state)
	 */
	RichTextDialect(ObjectProvider<RichText> richText) {
		super("Guichet rich text");
		this.richText = richText.getIfAvailable(RichText::new);
	}

	@Override
	public IExpressionObjectFactory getExpressionObjectFactory() {
		return new IExpressionObjectFactory() {
			@Override
			public Set<String> getAllExpressionObjectNames() {
				return Set.of(NAME);
			}

			@Override
			public Object buildObject(IExpressionContext context, String expressionObjectName) {
				return richText;
			}

			@Override
			public boolean isCacheable(String expressionObjectName) {
				return true;
			}
		};
	}

}
