package org.guichet.tickets;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.http.ContentDisposition;

import static org.assertj.core.api.Assertions.assertThat;

class AttachmentFileTests {

	private static final String NAME = "Relevé d’écran été €.png";

	@Test
	void theFallbackNameIsPrintableAsciiWithTheAccentsDropped() {
		assertThat(AttachmentFile.asciiFallback(NAME)).isEqualTo("Releve d'ecran ete _.png");
		assertThat(AttachmentFile.asciiFallback("Ça « marche ».txt")).isEqualTo("Ca \" marche \".txt");
		assertThat(AttachmentFile.asciiFallback("日本.pdf")).isEqualTo("__.pdf");
	}

	@Test
	void theDispositionCarriesAnAsciiFallbackAndTheUtf8Name() {
		String header = AttachmentFile.contentDisposition(false, NAME);
		assertThat(header).isEqualTo("attachment; filename=\"Releve d'ecran ete _.png\"; "
				+ "filename*=UTF-8''Relev%C3%A9%20d%E2%80%99%C3%A9cran%20%C3%A9t%C3%A9%20%E2%82%AC.png");
		assertThat(header.chars()).allMatch(c -> c >= 0x20 && c < 0x7F);
		ContentDisposition parsed = ContentDisposition.parse(header);
		assertThat(parsed.getFilename()).isEqualTo(NAME);
		assertThat(parsed.getCharset()).isEqualTo(StandardCharsets.UTF_8);
	}

	@Test
	void aQuoteOrBackslashInTheNameIsEscapedInTheFallback() {
		assertThat(AttachmentFile.contentDisposition(true, "a\\b’s.txt"))
			.startsWith("inline; filename=\"a\\\\b's.txt\"; filename*=UTF-8''a%5Cb%E2%80%99s.txt");
	}

}
