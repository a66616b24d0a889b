package org.guichet.tickets;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes, every few minutes, the resolved tickets nobody answered in time. Each batch is its own
 * transaction; a ticket closed twice by two nodes is refused by its version, not closed twice.
 */
@Component
@ConditionalOnProperty(name = "guichet.tickets.auto-close.enabled", havingValue = "true", matchIfMissing = true)
class AutoClosure {

	private static final Logger log = LoggerFactory.getLogger(AutoClosure.class);

	private static final int BATCH = 200;

	private final TicketManagement tickets;

	AutoClosure(TicketManagement tickets) {
		this.tickets = tickets;
	}

	@Scheduled(initialDelayString = "${guichet.tickets.auto-close.initial-delay:PT1M}",
			fixedDelayString = "${guichet.tickets.auto-close.interval:PT10M}")
	@SchedulerLock(name = "auto-closure")
	void closeUnanswered() {
		int closed;
		int total = 0;
		do {
			closed = tickets.closeUnanswered(BATCH);
			total += closed;
		}
		while (closed == BATCH);
		if (total > 0) {
			log.info("Closed {} resolved tickets left unanswered", total);
		}
	}

}
