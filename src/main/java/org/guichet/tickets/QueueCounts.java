package org.guichet.tickets;

import java.util.Map;

import org.guichet.directory.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The counts shown on the agent's queue tabs and given by the API: for each {@link Queue}, how
 * many tickets it lists for the reader (with the same visibility rule as the lists), exact up to
 * {@link #BOUND} and "more than {@code BOUND}" beyond. Each count reads at most {@code BOUND + 1}
 * entries of an index, so that a page view costs the same on a thousand tickets or a million;
 * nothing is kept between views, so a count is never stale.
 */
@Service
public class QueueCounts {

	/**
	 * The largest count given exactly; a queue with more tickets says {@code 99+}. Each count costs
	 * up to this many index and row reads: 999 cost 20 to 150 ms a tab on PostgreSQL with a million
	 * tickets, 99 under 1 ms (docs/BENCHMARKS.md).
	 */
	public static final int BOUND = 99;

	private final TicketSearch search;

	QueueCounts(TicketSearch search) {
		this.search = search;
	}

	/**
	 * Counts every queue for the reader.
	 *
	 * @return one count per {@link Queue}, in the queues' order, never null
	 */
	@Transactional(readOnly = true)
	public Map<Queue, QueueCount> of(CurrentUser reader) {
		return search.count(reader, BOUND);
	}

}
