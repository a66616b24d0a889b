package org.guichet.assist;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Embeds the tickets that have no embedding yet, in the background, a batch at a time, every
 * {@code guichet.assist.embeddings.interval} (default 5 s) while the model is on: the durable
 * queue is "the tickets without an embedding", so registration writes nothing more and waits for
 * nothing, and a ticket the process stopped before embedding is embedded after the restart. With
 * several nodes, two may embed one ticket at once: the later write wins, with the same vector.
 */
@Component
@ConditionalOnProperty(name = "guichet.assist.embeddings.enabled", havingValue = "true")
class EmbeddingJob {

	/** How many tickets a run embeds at most (about 12 ms each on one core). */
	static final int BATCH = 200;

	private static final Logger log = LoggerFactory.getLogger(EmbeddingJob.class);

	private final TicketEmbeddings embeddings;

	EmbeddingJob(TicketEmbeddings embeddings) {
		this.embeddings = embeddings;
	}

	@Scheduled(initialDelayString = "${guichet.assist.embeddings.interval:5s}",
			fixedDelayString = "${guichet.assist.embeddings.interval:5s}")
	@SchedulerLock(name = "ticket-embeddings")
	void run() {
		try {
			int done;
			do {
				done = embeddings.embedPending(BATCH);
			}
			while (done == BATCH && !Thread.currentThread().isInterrupted());
		}
		catch (RuntimeException e) {
			// the next run tries again: a ticket without an embedding is only missing from the semantic half
			log.warn("Embedding tickets failed; the next run tries again", e);
		}
	}

}
