package org.guichet.tickets;

import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes a ticket's SLA columns with plain SQL in the caller's transaction. A JPQL bulk update
 * would first flush the whole persistence context, at every new ticket and for each of the demo's
 * 400 past tickets loaded in one transaction; the entity never writes these columns, so nothing
 * it holds needs flushing before.
 */
@Component
class SlaColumns {

	private final JdbcClient jdbc;

	SlaColumns(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void write(long ticketId, SlaState state, @Nullable Instant dueAt) {
		jdbc.sql("update ticket set sla_state = ?, sla_due_at = ? where id = ?")
			.params(state.name(),
					new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, dueAt == null ? null : dueAt.atOffset(ZoneOffset.UTC)),
					ticketId)
			.update();
	}

}
