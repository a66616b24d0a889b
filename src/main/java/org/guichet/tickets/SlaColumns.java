package org.guichet.tickets;

import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.persistence.EntityManager;
import org.hibernate.Hibernate;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Component;

/**
 * Writes tickets' SLA columns with plain SQL in the caller's transaction. A JPQL bulk update
 * would first flush the whole persistence context, at every new ticket and for each of the demo's
 * 400 past tickets loaded in one transaction; the entity never writes these columns, so nothing
 * it holds needs flushing before. A ticket loaded in the transaction is shown the new values too.
 */
@Component
class SlaColumns {

	/** A ticket whose columns already hold these values is not written again (a rebuild's hand-over). */
	private static final String UPDATE = "update ticket set sla_state = ?, sla_due_at = ? where id = ?"
			+ " and (sla_state is distinct from ? or sla_due_at is distinct from ?)";

	private final JdbcTemplate jdbc;

	private final EntityManager entityManager;

	SlaColumns(JdbcTemplate jdbc, EntityManager entityManager) {
		this.jdbc = jdbc;
		this.entityManager = entityManager;
	}

	/** Writes the state and next deadline of each ticket, in one batch of statements. */
	void write(List<SlaHandOver> handOvers) {
		if (handOvers.isEmpty()) {
			return;
		}
		jdbc.batchUpdate(UPDATE, handOvers.stream().map(h -> {
			SqlParameterValue dueAt = new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE,
					h.dueAt() == null ? null : h.dueAt().atOffset(ZoneOffset.UTC));
			return new Object[] { h.state().name(), dueAt, h.ticket().value(), h.state().name(), dueAt };
		}).toList());
		for (SlaHandOver handOver : handOvers) {
			Ticket loaded = loaded(handOver.ticket().value());
			if (loaded != null) {
				loaded.showSla(handOver.state(), handOver.dueAt());
			}
		}
	}

	/** The ticket if this transaction holds it loaded, without reading it from the database. */
	private @Nullable Ticket loaded(long ticketId) {
		Ticket reference = entityManager.getReference(Ticket.class, ticketId);
		return Hibernate.isInitialized(reference) ? (Ticket) Hibernate.unproxy(reference) : null;
	}

}
