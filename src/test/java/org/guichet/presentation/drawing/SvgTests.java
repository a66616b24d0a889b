package org.guichet.presentation.drawing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SvgTests {

	@Test
	void aDrawingsSizeIsWrittenInWholePixelsRoundedUpForThePdfPrinterToReadIt() {
		assertThat(Svg.size(792.0)).isEqualTo("792");
		assertThat(Svg.size(537.2)).isEqualTo("538");
		assertThat(Svg.number(537.25)).isEqualTo("537.3");
	}

	@Test
	void aCoordinateHasOneDecimalItsMagnitudeRoundedHalfUpAndNoNegativeZero() {
		assertThat(Svg.number(0)).isEqualTo("0.0");
		assertThat(Svg.number(2.04)).isEqualTo("2.0");
		assertThat(Svg.number(12.96)).isEqualTo("13.0");
		assertThat(Svg.number(-3.25)).isEqualTo("-3.3");
		assertThat(Svg.number(-0.04)).isEqualTo("0.0");
		assertThat(Svg.number(1234567.89)).isEqualTo("1234567.9");
	}

	@Test
	void textIsEscapedAndWrappedAtSpaces() {
		assertThat(Svg.escape("<a & \"b\">")).isEqualTo("&lt;a &amp; &quot;b&quot;&gt;");
		assertThat(Svg.wrap("Requesters' web browsers and more", 12)).containsExactly("Requesters'", "web browsers",
				"and more");
	}

}
