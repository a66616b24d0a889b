package org.guichet.chat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.guichet.text.MarkdownEscaping;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TranscriptTests {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final Instant T0 = Instant.parse("2026-12-13T09:02:00Z");

	@Test
	void eachMessageIsAParagraphWithItsTimeInTheDesksZoneAndItsAuthor() {
		String text = Transcript.of(List.of(new Transcript.Line(T0, "Alice Martin", "My screen stays black"),
				new Transcript.Line(T0.plusSeconds(60), "Thomas Petit", "Is it plugged in?")), PARIS, 20_000);
		assertThat(text).isEqualTo("**10:02 Alice Martin**: My screen stays black\n\n**10:03 Thomas Petit**: Is it plugged in?");
	}

	@Test
	void whatTheyWroteReadsAsWrittenNeverAsMarkup() {
		String text = Transcript.of(List.of(new Transcript.Line(T0, "Alice", "# <b>bold</b> *not* [link](x)")), PARIS,
				20_000);
		assertThat(text).isEqualTo("**10:02 Alice**: \\# \\<b\\>bold\\</b\\> \\*not\\* \\[link\\](x)");
	}

	@Test
	void aTranscriptLongerThanTheLimitKeepsItsFirstMessagesAndEndsWithAnEllipsisInNoLanguage() {
		List<Transcript.Line> lines = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			lines.add(new Transcript.Line(T0, "Alice", "x".repeat(90)));
		}
		String text = Transcript.of(lines, PARIS, 1_000);
		assertThat(text.length()).isLessThanOrEqualTo(1_000);
		assertThat(text).startsWith("**10:02 Alice**: xxx").endsWith("x\n\n" + MarkdownEscaping.escape("[…]"));
	}

}
