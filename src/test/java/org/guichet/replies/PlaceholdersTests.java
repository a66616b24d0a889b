package org.guichet.replies;

import java.util.Map;

import org.guichet.text.MarkdownEscaping;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceholdersTests {

	private static final Map<String, String> VALUES = Map.of("requester.firstName", "Alice", "requester.fullName",
			"Alice Dupont", "ticket.number", "#42", "ticket.title", "Printer jammed", "agent.fullName", "Julien Martin",
			"group.name", "Service desk");

	@Test
	void knownPlaceholdersAreReplacedWithSpacesInsideTheBracesAllowed() {
		assertThat(Placeholders.expand("Hello {{requester.firstName}}, about {{ ticket.title }}.", VALUES))
			.isEqualTo("Hello Alice, about Printer jammed.");
	}

	@Test
	void aKnownPlaceholderWithoutValueExpandsToNothing() {
		assertThat(Placeholders.expand("Team: {{group.name}}.", Map.of())).isEqualTo("Team: .");
	}

	@Test
	void unknownPlaceholdersAreNamedOnceInOrderAndLeftAsWrittenByExpansion() {
		String text = "Hi {{requester.name}} {{ticket.number}} {{agent.phone}} {{requester.name}}";
		assertThat(Placeholders.unknown(text)).containsExactly("requester.name", "agent.phone");
		assertThat(Placeholders.expand(text, VALUES)).isEqualTo("Hi {{requester.name}} #42 {{agent.phone}} {{requester.name}}");
	}

	@Test
	void aTextWithOnlyKnownPlaceholdersHasNoUnknownOnes() {
		assertThat(Placeholders.unknown("{{requester.fullName}} {{agent.firstName}} single {braces}")).isEmpty();
	}

	@Test
	void aRequesterNamedLikeHtmlStaysPlainTextInTheMarkdown() {
		String expanded = Placeholders.expand("Hello {{requester.fullName}}",
				Map.of("requester.fullName", "<script>alert(1)</script> & <img src=x onerror=alert(2)>"));
		// CommonMark renders a backslash-escaped character as itself: no "<" may start a tag
		assertThat(expanded).doesNotContainPattern("(?<!\\\\)[<>&]");
		assertThat(expanded)
			.isEqualTo("Hello \\<script\\>alert(1)\\</script\\> \\& \\<img src=x onerror=alert(2)\\>");
	}

	@Test
	void markdownLinksAndEmphasisInAValueAreEscaped() {
		assertThat(MarkdownEscaping.escape("[click](javascript:alert(1)) *bold* _it_ `code`"))
			.isEqualTo("\\[click\\](javascript:alert(1)) \\*bold\\* \\_it\\_ \\`code\\`");
	}

	@Test
	void aValueCannotStartABlockNorSpanSeveralLines() {
		assertThat(MarkdownEscaping.escape("# Title\n\n- item")).isEqualTo("\\# Title - item");
		assertThat(MarkdownEscaping.escape("> quote")).isEqualTo("\\> quote");
		assertThat(MarkdownEscaping.escape("1. first")).isEqualTo("1\\. first");
		assertThat(MarkdownEscaping.escape("---")).isEqualTo("\\---");
		assertThat(MarkdownEscaping.escape("#42 -5 +3")).isEqualTo("#42 -5 +3");
		assertThat(MarkdownEscaping.escape("Jean-Pierre O'Brien (Sales)")).isEqualTo("Jean-Pierre O'Brien (Sales)");
	}

	@Test
	void aBackslashInAValueIsEscapedSoItCannotUnescapeWhatFollows() {
		assertThat(Placeholders.expand("{{ticket.title}}*", Map.of("ticket.title", "C:\\"))).isEqualTo("C:\\\\*");
	}

	@Test
	void dollarSignsAndBackslashesInValuesAreInsertedLiterally() {
		assertThat(Placeholders.expand("{{ticket.title}}", Map.of("ticket.title", "Cost $1 \\ $2")))
			.isEqualTo("Cost $1 \\\\ $2");
	}

	@Test
	void theFirstNameIsTheFirstWordOfTheFullName() {
		assertThat(PlaceholderValues.firstName("  Élodie Chevalier ")).isEqualTo("Élodie");
		assertThat(PlaceholderValues.firstName("Madonna")).isEqualTo("Madonna");
		assertThat(PlaceholderValues.firstName("")).isEmpty();
	}

}
