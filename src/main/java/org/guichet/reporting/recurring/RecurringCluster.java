package org.guichet.reporting.recurring;

import java.time.Instant;
import java.util.List;

/**
 * Incidents that came back for one reason (several when clusters of different reasons hold
 * exactly the same incidents); see {@link RecurrenceReason} for what each requires.
 *
 * @param reasons why its incidents are one cluster, in the enum's order, at least one
 * @param label its most common words (up to three found in at least half of its titles, as
 * written, the commonest first), or the title of its latest incident when its titles hold no
 * meaningful word
 * @param size the number of its incidents
 * @param firstOccurrence when its first incident was registered
 * @param lastOccurrence when its latest incident was registered
 * @param tickets its latest incidents, newest first (then by id, descending), at most the limit
 * of tickets per cluster: {@code size} may be larger
 */
public record RecurringCluster(List<RecurrenceReason> reasons, String label, int size, Instant firstOccurrence,
		Instant lastOccurrence, List<Ticket> tickets) {

	/** One incident of a cluster. */
	public record Ticket(long id, String title, Instant createdAt) {
	}

}
