package org.guichet.tickets;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps {@code ticket_fact} and {@code ticket_open_span} in step with the tickets, in the
 * transaction of each change. Whatever changes a ticket says so here — every write of a ticket,
 * its audit trail, its comments and escalations through {@link TicketFactsListener}, the SLA
 * module's hand-over through {@link TicketManagement#recordSla}, the pending worker — and the
 * ticket's facts are derived once, from the database, just before the transaction commits.
 * A transaction that rolls back writes nothing.
 */
@Component
class TicketFactsKeeper {

	/** Tickets read together by one set of queries, and written by one batch of statements. */
	static final int BATCH = 500;

	private final TicketFactSource source;

	private final TicketFactWriter writer;

	private final EntityManager entityManager;

	private final ZoneId zone;

	TicketFactsKeeper(TicketFactSource source, TicketFactWriter writer, EntityManager entityManager,
			@Value("${guichet.time-zone:Europe/Paris}") ZoneId zone) {
		this.source = source;
		this.writer = writer;
		this.entityManager = entityManager;
		this.zone = zone;
	}

	/**
	 * The ticket changed in the current transaction: its facts are derived again before it
	 * commits.
	 *
	 * @throws IllegalStateException outside a transaction, where a change could not be kept
	 */
	void changed(long ticketId) {
		current().ticketIds.add(ticketId);
	}

	/**
	 * The ticket was inserted in the current transaction: no facts, spans or pending mark of it
	 * can be stored yet, so its facts are inserted without reading or deleting anything first.
	 */
	void created(long ticketId) {
		current().created.add(ticketId);
	}

	/**
	 * A ticket was loaded in the current transaction, if any: whatever Hibernate writes of it at
	 * the commit's flush must still reach its facts, so the transaction flushes before its commit
	 * and derives the facts of what the flush wrote.
	 */
	void loaded() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			current();
		}
	}

	/** The SLA module handed over these tickets' SLA columns; they are written with their facts. */
	void handedOver(List<SlaHandOver> handOvers) {
		Pending pending = current();
		for (SlaHandOver handOver : handOvers) {
			pending.sla.put(handOver.ticket().value(), handOver.facts());
			pending.ticketIds.add(handOver.ticket().value());
		}
	}

	/** The ticket's facts as derived now from the database (flushed), for a check or a test. */
	List<TicketFacts> derive(List<Long> ticketIds) {
		return source.load(ticketIds, Map.of(), Set.of()).stream().map(input -> TicketFacts.derive(input, zone)).toList();
	}

	private Pending current() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			throw new IllegalStateException("A ticket changes only in a transaction: its facts could not be kept");
		}
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (synchronization instanceof Pending pending && pending.keeper() == this) {
				return pending;
			}
		}
		Pending pending = new Pending();
		TransactionSynchronizationManager.registerSynchronization(pending);
		return pending;
	}

	/** The tickets changed in one transaction, and the SLA columns handed over in it. */
	private final class Pending implements TransactionSynchronization {

		private final Set<Long> ticketIds = new LinkedHashSet<>();

		private final Map<Long, SlaFacts> sla = new HashMap<>();

		private final Set<Long> created = new HashSet<>();

		TicketFactsKeeper keeper() {
			return TicketFactsKeeper.this;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			if (readOnly) {
				return;
			}
			// the entities' last changes reach the database, and tell what else changed
			entityManager.flush();
			while (!ticketIds.isEmpty()) {
				List<Long> batch = new ArrayList<>(BATCH);
				var iterator = ticketIds.iterator();
				while (iterator.hasNext() && batch.size() < BATCH) {
					batch.add(iterator.next());
					iterator.remove();
				}
				Set<Long> fresh = batch.stream().filter(created::contains).collect(Collectors.toSet());
				writer.write(source.load(batch, sla, fresh).stream().map(input -> TicketFacts.derive(input, zone)).toList(),
						fresh);
				// written once: should this transaction change them again, their rows exist now
				created.removeAll(fresh);
			}
		}

	}

}
