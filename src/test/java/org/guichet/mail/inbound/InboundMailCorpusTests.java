package org.guichet.mail.inbound;

import java.util.List;
import java.util.Map;

import org.guichet.mail.inbound.InboundMail.MailAddress;
import org.guichet.mail.inbound.InboundMail.MailPart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every message of the corpus ({@code src/test/resources/mail/corpus/}) read as its manifest
 * line says. Keys: kind, reason (part of the reason), failed, original (a bounce's details),
 * subject, subjectContains, first / last (first and last line of the new text), contains / lacks
 * (in the new text), newTextEmpty, textContains (in the full text), html (an HTML part exists),
 * htmlNull, htmlContains / htmlLacks (the sanitised HTML), newHtmlContains / newHtmlLacks,
 * attachments / inline / leftOut (comma-separated file names), limit (attachment limit in
 * bytes), problem (part of a reported problem), readable, syntheticId, messageId, inReplyTo,
 * references (how many), from, fromName, to (how many), cc, replyTo, dateNull.
 */
class InboundMailCorpusTests {

	static List<MailCorpus.Entry> corpus() {
		return MailCorpus.entries();
	}

	@Test
	void theCorpusHoldsAtLeastEightyMessagesOfEveryKind() {
		List<MailCorpus.Entry> entries = corpus();
		assertThat(entries).hasSizeGreaterThanOrEqualTo(80);
		assertThat(entries.stream().map(entry -> entry.expected().get("kind").get(0)).distinct())
			.containsExactlyInAnyOrder("NORMAL", "AUTO_REPLY", "BULK", "LIST", "BOUNCE");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("corpus")
	void eachMessageReadsAsItsManifestSays(MailCorpus.Entry entry) {
		Map<String, List<String>> expected = entry.expected();
		byte[] raw = entry.bytes();
		long limit = expected.containsKey("limit") ? Long.parseLong(expected.get("limit").get(0))
				: InboundMails.DEFAULT_ATTACHMENT_LIMIT;
		InboundMail mail = InboundMails.read(raw, limit);
		assertThat(mail.raw()).as("raw bytes").isEqualTo(raw);
		String newText = mail.newText();
		List<String> lines = newText.lines().toList();
		for (Map.Entry<String, List<String>> check : expected.entrySet()) {
			for (String value : check.getValue()) {
				String what = entry.file() + " " + check.getKey() + "=" + value + "; read: " + mail.classification()
						+ " subject=" + mail.subject() + " newText=[" + newText + "] problems=" + mail.problems();
				switch (check.getKey()) {
					case "kind" -> assertThat(mail.classification().kind()).as(what).hasToString(value);
					case "reason" -> assertThat(mail.classification().reason()).as(what).containsIgnoringCase(value);
					case "failed" -> assertThat(mail.classification().failedRecipient()).as(what).isEqualTo(value);
					case "original" -> assertThat(mail.classification().originalMessageId()).as(what).isEqualTo(value);
					case "subject" -> assertThat(mail.subject()).as(what).isEqualTo(value);
					case "subjectContains" -> assertThat(mail.subject()).as(what).contains(value);
					case "first" -> assertThat(lines).as(what).isNotEmpty().first().isEqualTo(value);
					case "last" -> assertThat(lines).as(what).isNotEmpty().last().isEqualTo(value);
					case "contains" -> assertThat(newText).as(what).contains(value);
					case "lacks" -> assertThat(newText).as(what).doesNotContain(value);
					case "newTextEmpty" -> assertThat(newText.isEmpty()).as(what).isEqualTo(Boolean.parseBoolean(value));
					case "textContains" -> assertThat(mail.text()).as(what).contains(value);
					case "html" -> assertThat(mail.html() != null).as(what).isEqualTo(Boolean.parseBoolean(value));
					case "htmlNull" -> assertThat(mail.html() == null).as(what).isEqualTo(Boolean.parseBoolean(value));
					case "htmlContains" -> assertThat(mail.html()).as(what).contains(value);
					case "htmlLacks" -> assertThat(mail.html()).as(what).isNotNull().doesNotContain(value);
					case "newHtmlContains" -> assertThat(mail.newHtml()).as(what).contains(value);
					case "newHtmlLacks" -> assertThat(mail.newHtml()).as(what).isNotNull().doesNotContain(value);
					case "attachments" -> assertThat(mail.parts().stream().map(MailPart::filename))
						.as(what).containsExactly(value.split(","));
					case "inline" -> assertThat(mail.parts().stream().filter(MailPart::inline).map(MailPart::filename))
						.as(what).containsExactly(value.split(","));
					case "leftOut" -> assertThat(mail.leftOut().stream().map(InboundMail.LeftOutPart::filename))
						.as(what).containsExactly(value.split(","));
					case "limit" -> assertThat(mail.parts().stream().mapToLong(MailPart::size).sum()).as(what)
						.isLessThanOrEqualTo(Long.parseLong(value));
					case "problem" -> assertThat(mail.problems()).as(what).anyMatch(problem -> problem.contains(value));
					case "readable" -> assertThat(mail.readable()).as(what).isEqualTo(Boolean.parseBoolean(value));
					case "syntheticId" -> {
						assertThat(mail.syntheticMessageId()).as(what).isEqualTo(Boolean.parseBoolean(value));
						assertThat(mail.messageId()).as(what).isEqualTo(InboundMails.read(raw.clone()).messageId());
					}
					case "messageId" -> assertThat(mail.messageId()).as(what).isEqualTo(value);
					case "inReplyTo" -> assertThat(mail.inReplyTo()).as(what).isEqualTo(value);
					case "references" -> assertThat(mail.references()).as(what).hasSize(Integer.parseInt(value));
					case "from" -> assertThat(mail.from()).as(what).isNotNull().extracting(MailAddress::address).isEqualTo(value);
					case "fromName" -> assertThat(mail.from()).as(what).isNotNull().extracting(MailAddress::name).isEqualTo(value);
					case "to" -> assertThat(mail.to()).as(what).hasSize(Integer.parseInt(value));
					case "cc" -> assertThat(mail.cc()).as(what).extracting(MailAddress::address).containsExactly(value);
					case "replyTo" -> assertThat(mail.replyTo()).as(what).extracting(MailAddress::address).containsExactly(value);
					case "dateNull" -> assertThat(mail.date() == null).as(what).isEqualTo(Boolean.parseBoolean(value));
					default -> fail("Unknown manifest key " + check.getKey() + " in " + entry.file());
				}
			}
		}
		if (mail.html() != null) {
			assertThat(MailFuzzTests.unsafeIn(mail.html())).as(entry.file() + " html").isEmpty();
		}
	}

}
