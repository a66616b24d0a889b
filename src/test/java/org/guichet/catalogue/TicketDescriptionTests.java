package org.guichet.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class TicketDescriptionTests {

	private static final CatalogueItem UNUSED_ITEM = new CatalogueItem();

	@Test
	void aLongTextAnswerWithLineBreaksStaysInsideItsBulletAndTheNextLabelStartsItsOwn() {
		String description = CatalogueRequests.description(UNUSED_ITEM, List.of(
				new FiledAnswers.Answer("why", "Why", FieldKind.LONG_TEXT, List.of(), "First line\nsecond line\n\nafter a blank"),
				new FiledAnswers.Answer("room", "Room", FieldKind.SHORT_TEXT, List.of(), "B12")), Locale.ENGLISH);

		assertThat(description).isEqualTo("""
				- **Why**: First line
				  second line

				  after a blank
				- **Room**: B12""");
	}

	@Test
	void markdownTypedInAnAnswerOrALabelIsEscapedSoItShowsAsTyped() {
		String description = CatalogueRequests.description(UNUSED_ITEM, List.of(
				new FiledAnswers.Answer("why", "Why *now*", FieldKind.LONG_TEXT, List.of(), "**x** and [a](http://e.example)\n- not a bullet")),
				Locale.ENGLISH);

		assertThat(description).isEqualTo("""
				- **Why \\*now\\***: \\*\\*x\\*\\* and \\[a\\](http://e.example)
				  \\- not a bullet""");
	}

	@Test
	void aFrenchDescriptionPutsANoBreakSpaceBeforeEachColon() {
		String description = CatalogueRequests.description(UNUSED_ITEM, List.of(
				new FiledAnswers.Answer("room", "Bureau", FieldKind.SHORT_TEXT, List.of(), "B12")), Locale.FRENCH);

		assertThat(description).isEqualTo("- **Bureau**\u00a0: B12");
	}

}
