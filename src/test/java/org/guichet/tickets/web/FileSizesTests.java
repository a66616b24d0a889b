package org.guichet.tickets.web;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Sizes read as people write them, in French and English; a tiny file never reads "0.0 KB". */
class FileSizesTests {

	private final FileSizes sizes = new FileSizes(messages());

	@Test
	void frenchSizesSayOctetsKoAndMoWithADecimalComma() {
		assertThat(sizes.text(0, Locale.FRENCH)).isEqualTo("0 octet");
		assertThat(sizes.text(12, Locale.FRENCH)).isEqualTo("12 octets");
		assertThat(sizes.text(1536, Locale.FRENCH)).isEqualTo("1,5 Ko");
		assertThat(sizes.text(20 * 1024, Locale.FRENCH)).isEqualTo("20 Ko");
		assertThat(sizes.text(10L * 1024 * 1024, Locale.FRENCH)).isEqualTo("10 Mo");
		assertThat(sizes.text(3_500_000, Locale.FRENCH)).isEqualTo("3,3 Mo");
	}

	@Test
	void englishSizesSayBytesKbAndMb() {
		assertThat(sizes.text(1, Locale.ENGLISH)).isEqualTo("1 byte");
		assertThat(sizes.text(1023, Locale.ENGLISH)).isEqualTo("1,023 bytes");
		assertThat(sizes.text(1024, Locale.ENGLISH)).isEqualTo("1 KB");
		assertThat(sizes.text(150 * 1024 + 300, Locale.ENGLISH)).isEqualTo("150 KB");
		assertThat(sizes.text(2L * 1024 * 1024, Locale.ENGLISH)).isEqualTo("2 MB");
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
