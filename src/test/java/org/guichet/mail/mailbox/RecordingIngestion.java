package org.guichet.mail.mailbox;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.guichet.mail.ingest.Ingested;
import org.guichet.mail.ingest.MailIngestion;
import org.guichet.mail.ingest.MailboxPolicy;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The application's ingestion as the mailbox tests see it: each message goes to the real
 * ingestion, and is recorded with its policy and what it became; the test's check runs while
 * the message is being ingested. A message whose bytes contain {@link #FAIL_MARKER} fails before
 * the ingestion (nothing committed); one with {@link #CRASH_MARKER} fails after the ingestion
 * committed, the first time only, as a node stopping before it marked the message would. Messages
 * ingested together are so alike: a run holding a failing message fails before the ingestion
 * (nothing committed, nothing recorded: the reader ingests each alone then), a run holding a
 * crashing one fails after its commit; {@link #runs} records the size of every run that committed.
 */
class RecordingIngestion implements MailIngestion {

	static final String FAIL_MARKER = "X-Test-Ingestion: fail";

	static final String CRASH_MARKER = "X-Test-Ingestion: crash-after-commit";

	record Handed(MailboxPolicy policy, byte[] raw, Ingested.Outcome outcome) {

		String text() {
			return new String(raw, StandardCharsets.UTF_8);
		}

	}

	private final MailIngestion ingestion;

	final List<Handed> handed = new CopyOnWriteArrayList<>();

	final List<String> crashed = new CopyOnWriteArrayList<>();

	final List<Integer> runs = new CopyOnWriteArrayList<>();

	volatile Consumer<byte[]> during = raw -> {
	};

	RecordingIngestion(MailIngestion ingestion) {
		this.ingestion = ingestion;
	}

	@Override
	public Ingested ingest(MailboxPolicy mailbox, byte[] raw) {
		during.accept(raw);
		String text = new String(raw, StandardCharsets.UTF_8);
		if (text.contains(FAIL_MARKER)) {
			handed.add(new Handed(mailbox, raw, null));
			throw new IllegalStateException("The test ingestion refuses this message");
		}
		Ingested ingested = ingestion.ingest(mailbox, raw);
		handed.add(new Handed(mailbox, raw, ingested.outcome()));
		if (text.contains(CRASH_MARKER) && !crashed.contains(ingested.messageId())) {
			crashed.add(ingested.messageId());
			throw new IllegalStateException("The node stops after the ingestion committed");
		}
		return ingested;
	}

	@Override
	public List<Ingested> ingestTogether(MailboxPolicy mailbox, List<byte[]> raws) {
		raws.forEach(during);
		if (raws.stream().anyMatch(raw -> new String(raw, StandardCharsets.UTF_8).contains(FAIL_MARKER))) {
			throw new IllegalStateException("The test ingestion refuses one of these messages");
		}
		List<Ingested> together = ingestion.ingestTogether(mailbox, raws);
		runs.add(raws.size());
		boolean crash = false;
		for (int i = 0; i < raws.size(); i++) {
			handed.add(new Handed(mailbox, raws.get(i), together.get(i).outcome()));
			if (new String(raws.get(i), StandardCharsets.UTF_8).contains(CRASH_MARKER)
					&& !crashed.contains(together.get(i).messageId())) {
				crashed.add(together.get(i).messageId());
				crash = true;
			}
		}
		if (crash) {
			throw new IllegalStateException("The node stops after the ingestion committed");
		}
		return together;
	}

	/** Puts the recording around the application's ingestion. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Config {

		@Bean
		static BeanPostProcessor recordingIngestion() {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					return bean instanceof MailIngestion ingestion && !(bean instanceof RecordingIngestion)
							? new RecordingIngestion(ingestion) : bean;
				}

			};
		}

	}

}
