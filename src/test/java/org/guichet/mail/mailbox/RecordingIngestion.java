package org.guichet.mail.mailbox;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.guichet.mail.ingest.Ingested;
import org.guichet.mail.ingest.MailIngestion;
import org.guichet.mail.ingest.MailboxPolicy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The ingestion as the mailbox tests see it (the real one is another part of issue 11): records
 * each message handed over with its policy, runs the test's check while the message is being
 * ingested, and throws for messages whose bytes contain {@link #FAIL_MARKER}.
 */
class RecordingIngestion implements MailIngestion {

	static final String FAIL_MARKER = "X-Test-Ingestion: fail";

	record Handed(MailboxPolicy policy, byte[] raw) {

		String text() {
			return new String(raw, StandardCharsets.UTF_8);
		}

	}

	final List<Handed> handed = new CopyOnWriteArrayList<>();

	volatile Consumer<byte[]> during = raw -> {
	};

	@Override
	public Ingested ingest(MailboxPolicy mailbox, byte[] raw) {
		during.accept(raw);
		handed.add(new Handed(mailbox, raw));
		if (new String(raw, StandardCharsets.UTF_8).contains(FAIL_MARKER)) {
			throw new IllegalStateException("The test ingestion refuses this message");
		}
		return new Ingested(Ingested.Outcome.TICKET_CREATED, "id", 1L, "recorded by the test");
	}

	/** Provides the recording ingestion to the application under test. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Config {

		@Bean
		RecordingIngestion recordingIngestion() {
			return new RecordingIngestion();
		}

	}

}
