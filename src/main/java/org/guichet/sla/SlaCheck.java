package org.guichet.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves tickets to "at risk" and "breached" when their time comes. It reads only the clocks due
 * from the {@code next_check_at} index, so a run costs nothing when nothing is due, and it
 * catches up after downtime: whatever fell due while Guichet was stopped is due at the first run.
 * Each clock is updated in its own transaction under its version, so two nodes never apply the
 * same change twice; an escalation level that falls due fires in that transaction, once (see
 * {@link SlaEscalations}).
 */
@Component
@ConditionalOnProperty(name = "guichet.sla.check.enabled", havingValue = "true", matchIfMissing = true)
class SlaCheck {

	private static final Logger log = LoggerFactory.getLogger(SlaCheck.class);

	private static final int BATCH = 200;

	private final TicketSlaRepository clocks;

	private final SlaManagement sla;

	private final TransactionTemplate transactions;

	private final Clock clock;

	SlaCheck(TicketSlaRepository clocks, SlaManagement sla, TransactionTemplate transactions, Clock clock) {
		this.clocks = clocks;
		this.sla = sla;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${guichet.sla.check.initial-delay:PT5S}",
			fixedDelayString = "${guichet.sla.check.interval:PT30S}")
	void run() {
		Instant now = clock.instant();
		List<Long> due;
		int checked = 0;
		int failed;
		do {
			due = clocks.findDue(Instant.EPOCH, now, PageRequest.of(0, BATCH));
			failed = 0;
			for (Long ticketId : due) {
				try {
					transactions.executeWithoutResult(status -> sla.check(ticketId, now));
				}
				catch (ConcurrencyFailureException | DataIntegrityViolationException ex) {
					// a version or an escalation level's (ticket, level) key already taken
					log.debug("SLA of ticket #{} checked by another node", ticketId);
				}
				catch (RuntimeException ex) {
					// one ticket that cannot be checked must not hold back the others behind it
					failed++;
					log.error("Could not check the SLA of ticket #{}; it stays due", ticketId, ex);
				}
			}
			checked += due.size();
		}
		while (due.size() == BATCH && failed < BATCH);
		if (checked > 0) {
			log.debug("Checked the SLA of {} tickets", checked);
		}
	}

}
