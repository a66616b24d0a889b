package org.guichet.system;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvalidFieldDialectTests {

	private final SpringTemplateEngine engine = engine();

	@Test
	void aFieldInErrorGetsTheClassSaysItIsInvalidAndIsDescribedByItsErrorFirst() {
		assertThat(render("<input class=\"form-control\" id=\"title\" aria-describedby=\"title-help\" g:invalid=\"${bad}\">", true))
			.isEqualTo("<input class=\"form-control is-invalid\" id=\"title\" aria-describedby=\"title-error title-help\" aria-invalid=\"true\">");
	}

	@Test
	void anErrorAlreadyDescribingTheFieldIsReadFirstAndOnlyOnce() {
		assertThat(render("<textarea id=\"chat-text\" aria-describedby=\"chat-hint chat-error\" g:invalid=\"${bad} ? 'chat-error'\"></textarea>", true))
			.isEqualTo("<textarea id=\"chat-text\" aria-describedby=\"chat-error chat-hint\" class=\"is-invalid\" aria-invalid=\"true\"></textarea>");
	}

	@Test
	void aTextNamesTheErrorOfAGroupOfRadioButtons() {
		assertThat(render("<input type=\"radio\" id=\"type1\" g:invalid=\"${bad} ? 'type-error'\">", true))
			.isEqualTo("<input type=\"radio\" id=\"type1\" class=\"is-invalid\" aria-invalid=\"true\" aria-describedby=\"type-error\">");
	}

	@Test
	void aFieldWithoutErrorIsLeftAsWrittenWithoutTheAttribute() {
		assertThat(render("<input class=\"form-control\" id=\"title\" g:invalid=\"${bad}\">", false))
			.isEqualTo("<input class=\"form-control\" id=\"title\">");
	}

	@Test
	void aFieldInErrorWithoutAnIdIsRefused() {
		assertThatThrownBy(() -> render("<input name=\"title\" g:invalid=\"${bad}\">", true))
			.isInstanceOf(TemplateProcessingException.class)
			.hasStackTraceContaining("without an id");
	}

	private String render(String template, boolean bad) {
		return engine.process(template, new Context(null, Map.of("bad", bad)));
	}

	private static SpringTemplateEngine engine() {
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(new StringTemplateResolver());
		engine.addDialect(new InvalidFieldDialect());
		return engine;
	}

}
