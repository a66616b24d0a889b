package org.guichet.tickets;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many tickets are open now, desk-wide and regardless of who asks: for the operations
 * metrics, not for a person's lists (those apply the reader's visibility, see
 * {@link QueueCounts}). Each count reads the index {@code ix_ticket_status (status, id)} or
 * {@code ix_ticket_sla_due (sla_state, sla_due_at)}, never the whole table; still, on a large
 * desk it counts many index entries, so a caller that asks often keeps the answer a while.
 */
@Service
@Transactional(readOnly = true)
public class Backlog {

	private static final List<String> OPEN = Status.OPEN.stream().map(Status::name).toList();

	private final JdbcClient jdbc;

	Backlog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Counts the open tickets by status.
	 *
	 * @return one entry per status of {@link Status#OPEN}, zero when none, never null
	 */
	public Map<Status, Long> openByStatus() {
		Map<Status, Long> counts = new EnumMap<>(Status.class);
		Status.OPEN.forEach(status -> counts.put(status, 0L));
		jdbc.sql("select status, count(*) from ticket where status in (:open) group by status")
			.param("open", OPEN)
			.query((row, n) -> Map.entry(Status.valueOf(row.getString(1)), row.getLong(2)))
			.list()
			.forEach(count -> counts.put(count.getKey(), count.getValue()));
		return counts;
	}

	/**
	 * Counts the open tickets whose SLA is breached now ({@link SlaState#BREACHED}), the tickets
	 * of the agents' "Breached" queue.
	 */
	public long openBreached() {
		return jdbc.sql("select count(*) from ticket where sla_state = :breached and status in (:open)")
			.param("breached", SlaState.BREACHED.name())
			.param("open", OPEN)
			.query(Long.class)
			.single();
	}

}
