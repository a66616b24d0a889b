package org.guichet.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OneLineTests {

	@Test
	void aTextWithALineBreakATabAC1ControlOrALineOrParagraphSeparatorIsNotOneLine() {
		for (String text : new String[] { "Bob\r\nBcc: x@y", "Bob\tSmith", "Bob\u0085Smith", "Bob\u2028Smith",
				"Bob\u2029Smith", "Bob\u007f" }) {
			assertThat(OneLine.Check.holds(text)).as(text).isFalse();
		}
	}

	@Test
	void aTextOfLettersSpacesAndPunctuationInAnyScriptIsOneLineAndNullIsLeftToRequired() {
		assertThat(OneLine.Check.holds("Zoé Müller-Ødegård, 王 · l’équipe N2 (Lyon)")).isTrue();
		assertThat(OneLine.Check.holds(null)).isTrue();
	}

	@Test
	void aTextNotOneLineIsRefusedNamingItsFieldWithTheOneLineCode() {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> OneLine.Check.check("name", "a\u2028b"))
			.satisfies(refusal -> {
				assertThat(refusal.field()).isEqualTo("name");
				assertThat(refusal.messageKey()).isEqualTo(OneLine.CODE);
			});
	}

}
