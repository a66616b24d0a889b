package org.guichet.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class TypographyTests {

	@Test
	void frenchPutsANoBreakSpaceBeforeTheColonWhateverTheCountry() {
		assertThat(Typography.labelled("Bureau", "B12", Locale.FRENCH)).isEqualTo("Bureau\u00a0: B12");
		assertThat(Typography.labelled("Bureau", "B12", Locale.CANADA_FRENCH)).isEqualTo("Bureau\u00a0: B12");
	}

	@Test
	void englishAndOtherLanguagesPutNone() {
		assertThat(Typography.labelled("Room", "B12", Locale.ENGLISH)).isEqualTo("Room: B12");
		assertThat(Typography.colon(Locale.GERMAN)).isEqualTo(":");
	}

}
