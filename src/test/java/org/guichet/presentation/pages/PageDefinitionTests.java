package org.guichet.presentation.pages;

import org.guichet.system.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PageDefinitionTests {

	@Test
	void aMissingSlugIsMadeFromTheTitleWithoutAccents() {
		assertThat(PageDefinition.of("  Nos bonnes pratiques : l’été ! ", null, "x").slug())
			.isEqualTo("nos-bonnes-pratiques-l-ete");
		assertThat(PageDefinition.derived("x".repeat(50) + " " + "y".repeat(50))).hasSizeLessThanOrEqualTo(60)
			.doesNotEndWith("-");
	}

	@Test
	void everyRefusedFieldIsReportedAtOnce() {
		InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
				() -> PageDefinition.of(" ", "Bad Slug", ""));

		assertThat(refused.field()).isEqualTo("title");
		assertThat(refused.others()).extracting(InvalidInputException::field).containsExactly("slug", "body");
	}

	@Test
	void aTitleOnSeveralLinesIsRefusedOneLine() {
		InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
				() -> PageDefinition.of("Nos pratiques\r\n\tde support", "pratiques", "b"));

		assertThat(refused.field() + " " + refused.messageKey()).isEqualTo("title field.one-line");
	}

	@Test
	void theGeneratedPagesNamesAreReserved() {
		InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
				() -> PageDefinition.of("Reference", "reference", "b"));

		assertThat(refused.messageKey()).isEqualTo("pages.slug.reserved");
	}

	@Test
	void theBodyIsKeptAsTypedAndTheTitleStripped() {
		PageDefinition page = PageDefinition.of(" Title ", "t", "  indented code\n");

		assertThat(page.title()).isEqualTo("Title");
		assertThat(page.body()).isEqualTo("  indented code\n");
	}

}
