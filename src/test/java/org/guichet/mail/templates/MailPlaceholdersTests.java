package org.guichet.mail.templates;

import java.util.List;
import java.util.Map;

import org.guichet.mail.MailKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailPlaceholdersTests {

	@Test
	void aPlaceholderIsANameOfLettersBetweenBracesAndAnyOtherBraceIsText() {
		assertThat(MailPlaceholders.used("[{ticket}] {title} {ticket} { name } {0} {a-b} {} {x"))
			.containsExactly("ticket", "title");
	}

	@Test
	void theUnknownPlaceholdersAreThoseNotAllowedInTheOrderWritten() {
		assertThat(MailPlaceholders.unknown("{ticket} {tittle} {name} {author}", List.of("name", "ticket", "title")))
			.containsExactly("tittle", "author");
		assertThat(MailPlaceholders.unknown("No placeholder {0} at all", List.of("name"))).isEmpty();
	}

	@Test
	void fillingPutsEachValueAsItIsAndLeavesAPlaceholderWithoutValueAsWritten() {
		assertThat(MailPlaceholders.fill("{name}: {title} costs $1 {other}", Map.of("name", "Zoé", "title", "a\\b $2")))
			.isEqualTo("Zoé: a\\b $2 costs $1 {other}");
	}

	@Test
	void aValueForMarkdownHasEveryPunctuationEscapedSoItMakesNoTagLinkEmphasisOrHeading() {
		assertThat(MailPlaceholders.markdownWords("#1042 *x* [a](b) <img src=x> é"))
			.isEqualTo("\\#1042 \\*x\\* \\[a\\]\\(b\\) \\<img src\\=x\\> é");
	}

	@Test
	void aKindOffersTheNameThePlaceholdersOfItsDefaultTextsAndTheReplyItsAuthor() {
		MailTemplate received = new MailTemplate("Request received: {title}", "Your request {ticket} « {title} »");
		MailTemplate status = new MailTemplate("{title}", "{what}");
		assertThat(MailPlaceholders.of(MailKind.RECEIVED, received)).containsExactly("name", "ticket", "title");
		assertThat(MailPlaceholders.of(MailKind.STATUS_CHANGED, status)).containsExactly("name", "title", "what");
		assertThat(MailPlaceholders.of(MailKind.PUBLIC_REPLY, received))
			.containsExactly("name", "ticket", "title", "author");
	}

}
