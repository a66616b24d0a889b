package org.guichet.presentation.about;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class ByteSizesTests {

	@Test
	void aSizeIsWrittenInTheLargestUnitItHoldsOneOfInTheReadersDigits() {
		assertThat(ByteSizes.text(0, Locale.ENGLISH)).isEqualTo("0\u00a0B");
		assertThat(ByteSizes.text(1023, Locale.ENGLISH)).isEqualTo("1,023\u00a0B");
		assertThat(ByteSizes.text(1024, Locale.ENGLISH)).isEqualTo("1\u00a0KiB");
		assertThat(ByteSizes.text(5L * 1024 * 1024 + 512 * 1024, Locale.ENGLISH)).isEqualTo("5.5\u00a0MiB");
		assertThat(ByteSizes.text(5L * 1024 * 1024 + 512 * 1024, Locale.FRENCH)).isEqualTo("5,5\u00a0MiB");
		assertThat(ByteSizes.text(3L << 40, Locale.ENGLISH)).isEqualTo("3.0\u00a0TiB");
		assertThat(ByteSizes.text(5000L << 40, Locale.ENGLISH)).isEqualTo("5,000.0\u00a0TiB");
	}

}
