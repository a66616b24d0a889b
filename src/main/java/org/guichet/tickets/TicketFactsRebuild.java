package org.guichet.tickets;

import java.util.List;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.system.ForbiddenException;
import org.guichet.tickets.TicketEvents.TicketFactsReset;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tickets whose facts must be derived again ({@code ticket_fact_pending}): every ticket at
 * the upgrade that created the facts, every ticket after {@link #rebuild} (after a restore), and
 * the seeded ones. {@link TicketFactsCatchUp} works through them in batches.
 */
@Service
@Transactional
public class TicketFactsRebuild {

	private final JdbcClient jdbc;

	private final TicketFactsKeeper keeper;

	private final ApplicationEventPublisher events;

	TicketFactsRebuild(JdbcClient jdbc, TicketFactsKeeper keeper, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.keeper = keeper;
		this.events = events;
	}

	/**
	 * Marks every ticket's facts to be derived again from its history, in the background.
	 *
	 * @return how many tickets are now waiting for their facts
	 * @throws ForbiddenException for anyone but an administrator
	 */
	public long rebuild(CurrentUser by) {
		if (!by.has(Role.ADMINISTRATOR)) {
			throw new ForbiddenException("ticket-facts.rebuild.admin-only",
					"Only an administrator rebuilds the ticket facts");
		}
		jdbc.sql("insert into ticket_fact_pending (ticket_id) select t.id from ticket t"
				+ " where not exists (select 1 from ticket_fact_pending p where p.ticket_id = t.id)")
			.update();
		return pending();
	}

	/** How many tickets wait for their facts. */
	@Transactional(readOnly = true)
	public long pending() {
		return jdbc.sql("select count(*) from ticket_fact_pending").query(Long.class).single();
	}

	/**
	 * Derives the facts of up to {@code batchSize} pending tickets, lowest id first, in this
	 * transaction: they are reset together ({@link TicketFactsReset}, so that the SLA module hands
	 * their columns over again in one go), then derived and taken off the pending list before the
	 * commit, a few queries and batches of statements for the whole batch.
	 *
	 * @return how many tickets were taken
	 */
	int catchUp(int batchSize) {
		List<Long> due = jdbc.sql("select ticket_id from ticket_fact_pending order by ticket_id fetch first :n rows only")
			.param("n", batchSize)
			.query(Long.class)
			.list();
		if (due.isEmpty()) {
			return 0;
		}
		events.publishEvent(new TicketFactsReset(due.stream().map(TicketId::new).toList()));
		due.forEach(keeper::changed);
		return due.size();
	}

}
