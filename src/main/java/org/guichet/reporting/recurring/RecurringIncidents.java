package org.guichet.reporting.recurring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.guichet.text.TextSimilarity;
import org.guichet.text.TokenSetSimilarity;
import org.guichet.reporting.KpiFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recurring incidents KPI: the incidents (type INCIDENT) created in a KPI filter's period that
 * come back {@code minOccurrences} times or more, as clusters of their tickets, one reason each
 * (see {@link IncidentClusters}): the same category and requester within the recurrence window; a
 * burst of one category at one location, well above its usual rate; or titles near-identical
 * ({@link TextSimilarity}) to the cluster's representative. Defined in docs/KPIS.md, "Recurring incidents". The filter is taken as
 * given: callers narrow it to the reader's scope first ({@code Kpis#recurringIncidents}).
 * <p>
 * Settings: {@code guichet.kpis.recurring.min-occurrences} (default 3, the threshold when the
 * caller gives none), {@code guichet.kpis.recurring.window} (default P30D, the requester's),
 * {@code guichet.kpis.recurring.burst-window} (default P1D), {@code burst-factor} (default 3),
 * {@code burst-chance} (default 0.001) and {@code burst-baseline} (default P28D) for the locations'
 * bursts,
 * {@code guichet.kpis.recurring.max-clusters} (default 20, the clusters listed),
 * {@code guichet.kpis.recurring.max-tickets-per-cluster} (default 100, the latest incidents listed
 * in each), and the title similarity threshold of {@link TokenSetSimilarity}.
 */
@Service
public class RecurringIncidents {

	/** The fewest incidents a cluster may be asked to hold. */
	public static final int MIN_MIN_OCCURRENCES = 2;

	/** The most incidents a cluster may be asked to hold. */
	public static final int MAX_MIN_OCCURRENCES = 1000;

	private final IncidentReader reader;

	private final IncidentClusters clusters;

	private final Clock clock;

	private final Duration burstBaseline;

	private final int defaultMinOccurrences;

	private final int maxClusters;

	private final int maxTicketsPerCluster;

	RecurringIncidents(IncidentReader reader, TextSimilarity titles, Clock clock,
			@Value("${guichet.kpis.recurring.min-occurrences:3}") int defaultMinOccurrences,
			@Value("${guichet.kpis.recurring.window:P30D}") Duration window,
			@Value("${guichet.kpis.recurring.burst-window:P1D}") Duration burstWindow,
			@Value("${guichet.kpis.recurring.burst-factor:3}") double burstFactor,
			@Value("${guichet.kpis.recurring.burst-chance:" + IncidentClusters.DEFAULT_BURST_CHANCE + "}") double burstChance,
			@Value("${guichet.kpis.recurring.burst-baseline:P28D}") Duration burstBaseline,
			@Value("${guichet.kpis.recurring.max-clusters:20}") int maxClusters,
			@Value("${guichet.kpis.recurring.max-tickets-per-cluster:100}") int maxTicketsPerCluster) {
		if (!accepts(defaultMinOccurrences)) {
			throw new IllegalArgumentException("guichet.kpis.recurring.min-occurrences must be from "
					+ MIN_MIN_OCCURRENCES + " to " + MAX_MIN_OCCURRENCES + ", e.g. 3; got " + defaultMinOccurrences);
		}
		if (maxClusters < 1 || maxTicketsPerCluster < 1) {
			throw new IllegalArgumentException("guichet.kpis.recurring.max-clusters and max-tickets-per-cluster must be"
					+ " 1 or more; got " + maxClusters + " and " + maxTicketsPerCluster);
		}
		if (burstBaseline.isNegative()) {
			throw new IllegalArgumentException(
					"guichet.kpis.recurring.burst-baseline must be zero or more, e.g. P28D; got " + burstBaseline);
		}
		this.reader = reader;
		this.clusters = new IncidentClusters(titles, window, burstWindow, burstFactor, burstChance);
		this.burstBaseline = burstBaseline;
		this.clock = clock;
		this.defaultMinOccurrences = defaultMinOccurrences;
		this.maxClusters = maxClusters;
		this.maxTicketsPerCluster = maxTicketsPerCluster;
	}

	/** The threshold when the caller gives none ({@code guichet.kpis.recurring.min-occurrences}). */
	public int defaultMinOccurrences() {
		return defaultMinOccurrences;
	}

	/** Whether a cluster may be asked to hold at least this many incidents. */
	public static boolean accepts(int minOccurrences) {
		return minOccurrences >= MIN_MIN_OCCURRENCES && minOccurrences <= MAX_MIN_OCCURRENCES;
	}

	/**
	 * The incidents that came back in the filter's period.
	 *
	 * @param filter which incidents count, already narrowed to the reader's scope
	 * @param minOccurrences the fewest incidents a cluster holds, {@link #accepts accepted}
	 * @throws IllegalArgumentException for a threshold not accepted (callers check it first)
	 */
	@Transactional(readOnly = true)
	public RecurringIncidentsReport find(KpiFilter filter, int minOccurrences) {
		if (!accepts(minOccurrences)) {
			throw new IllegalArgumentException("minOccurrences must be from " + MIN_MIN_OCCURRENCES + " to "
					+ MAX_MIN_OCCURRENCES + "; got " + minOccurrences);
		}
		Instant asOf = clock.instant();
		List<Incident> incidents = reader.read(filter);
		SiteBaseline baseline = reader.baseline(filter, burstBaseline);
		IncidentClusters.Found found = clusters.find(incidents, baseline, minOccurrences, maxClusters,
				maxTicketsPerCluster);
		return new RecurringIncidentsReport(filter.period().from(), filter.period().to(), minOccurrences,
				incidents.size(), found.total(), found.recurringIncidents(), found.clusters(), asOf);
	}

}
