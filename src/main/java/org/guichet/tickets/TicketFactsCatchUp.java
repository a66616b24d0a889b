package org.guichet.tickets;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Derives the facts of the pending tickets ({@link TicketFactsRebuild}) in the background, a
 * batch per transaction, until none is left: a database upgraded, restored or seeded gets its
 * facts while Guichet serves. Several nodes may run it at once: they derive the same facts from
 * the same history, and when two insert the same ticket's first facts together the second batch
 * is rolled back and taken again at the next run.
 */
@Component
@ConditionalOnProperty(name = "guichet.tickets.facts.catch-up.enabled", havingValue = "true", matchIfMissing = true)
class TicketFactsCatchUp {

	private static final Logger log = LoggerFactory.getLogger(TicketFactsCatchUp.class);

	/**
	 * Tickets per transaction: large enough that a commit's own cost is shared by many tickets,
	 * small enough that a batch holds little memory and a batch rolled back by a concurrent node
	 * loses little work.
	 */
	static final int BATCH = 1000;

	private final TicketFactsRebuild pending;

	TicketFactsCatchUp(TicketFactsRebuild pending) {
		this.pending = pending;
	}

	@Scheduled(initialDelayString = "${guichet.tickets.facts.catch-up.initial-delay:PT10S}",
			fixedDelayString = "${guichet.tickets.facts.catch-up.interval:PT1M}")
	@SchedulerLock(name = "ticket-facts-catch-up")
	void run() {
		int taken;
		int total = 0;
		long started = System.nanoTime();
		try {
			do {
				taken = pending.catchUp(BATCH);
				total += taken;
			}
			while (taken == BATCH);
		}
		catch (ConcurrencyFailureException | DataIntegrityViolationException ex) {
			log.debug("Ticket facts derived by another node at the same time; the rest waits for the next run", ex);
		}
		if (total > 0) {
			log.info("Derived the facts of {} tickets in {} ms", total, (System.nanoTime() - started) / 1_000_000);
		}
	}

}
