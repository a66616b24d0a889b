package org.guichet.mail.inbound;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link InboundMails#heads}, which reads a header alone to order a batch, says of every message of
 * the corpus (malformed ones included) what the whole reading says: Message-ID, threading ids,
 * sender and subject.
 */
class InboundHeadsTests {

	static java.util.List<MailCorpus.Entry> corpus() {
		return MailCorpus.entries();
	}

	@ParameterizedTest
	@MethodSource("corpus")
	void theHeaderAloneGivesTheIdsSenderAndSubjectOfTheWholeReading(MailCorpus.Entry entry) {
		byte[] raw = MailCorpus.bytes(entry.file());
		InboundMail whole = InboundMails.read(raw);
		InboundMails.Heads heads = InboundMails.heads(raw);
		if (!whole.readable()) {
			// the whole reading of a broken structure keeps no header at all: nothing to compare with
			return;
		}
		assertThat(heads.messageId()).isEqualTo(whole.syntheticMessageId() ? null : whole.messageId());
		assertThat(heads.inReplyTo()).isEqualTo(whole.inReplyTo());
		assertThat(heads.references()).isEqualTo(whole.references());
		assertThat(heads.from()).isEqualTo(whole.from());
		assertThat(heads.subject()).isEqualTo(whole.subject());
	}

}
