package org.guichet.tickets;

import java.util.Map;

import org.guichet.directory.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The counts shown on the agent's queue tabs and given by the API: for each {@link Queue}, how
 * many tickets it lists for the reader (with the same visibility rule as the lists), and the total
 * above a filtered list ({@link #ofList}); exact up to {@link #BOUND} and "more than {@code BOUND}" beyond. Each count reads at most {@code BOUND + 1}
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

	/**
	 * How many tickets a list holds in all its pages, exact up to {@link #BOUND} and "more"
	 * beyond, as the tabs count. {@code shown} is the page already read for {@code query}: when no
	 * page follows it, or when the pages up to it already hold more than {@code BOUND} tickets,
	 * the total is known without a query; otherwise (the first pages of a longer list) one count
	 * reads at most {@code BOUND + 1} entries with the list's very conditions.
	 *
	 * @param query the list's query, as given to {@link TicketManagement#search}
	 * @param shown the page that search returned for it
	 * @return the total, never null
	 */
	@Transactional(readOnly = true)
	public QueueCount ofList(TicketQuery query, TicketSlice shown, CurrentUser reader) {
		long atLeast = (long) shown.page() * shown.size() + shown.tickets().size() + (shown.hasNext() ? 1 : 0);
		boolean lastPage = !shown.hasNext() && (shown.page() == 0 || !shown.tickets().isEmpty());
		if (!lastPage && !shown.hasNext()) {
			// a page past the list's end tells nothing of the pages before it
			return search.count(query, reader, BOUND);
		}
		if (atLeast > BOUND) {
			return new QueueCount(BOUND, true);
		}
		return lastPage ? new QueueCount((int) atLeast, false) : search.count(query, reader, BOUND);
	}

}
