package org.guichet.reporting.recurring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The incidents that came back in a period.
 *
 * @param from the period's first day, inclusive, in {@code guichet.time-zone}
 * @param to the period's last day, inclusive, in {@code guichet.time-zone}
 * @param minOccurrences the fewest incidents a cluster holds
 * @param incidents how many incidents of the period matched the filter
 * @param totalClusters how many clusters were found, listed or not
 * @param recurringIncidents how many incidents the clusters found hold, listed or not
 * @param clusters the largest clusters (see {@link IncidentClusters} for the order), at most
 * {@code guichet.kpis.recurring.max-clusters}
 * @param asOf when it was computed
 */
public record RecurringIncidentsReport(LocalDate from, LocalDate to, int minOccurrences, int incidents,
		int totalClusters, int recurringIncidents, List<RecurringCluster> clusters, Instant asOf) {
}
