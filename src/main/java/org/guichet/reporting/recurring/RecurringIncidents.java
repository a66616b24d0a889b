package org.guichet.reporting.recurring;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.guichet.system.InputChecks;
import org.guichet.system.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recurring incidents KPI: the incidents (type INCIDENT) created in a period that come back
 * — the same category and the same requester, or the same category and the same requester's
 * location, or near-identical titles ({@link TextSimilarity}) — {@code minOccurrences} times or
 * more, as clusters of their tickets. Defined in docs/KPIS.md, "Recurring incidents".
 * <p>
 * Settings: {@code guichet.kpis.recurring.min-occurrences} (default 3, the threshold when the
 * caller gives none), {@code guichet.kpis.recurring.max-clusters} (default 20, the clusters
 * listed), {@code guichet.kpis.recurring.max-tickets-per-cluster} (default 100, the latest
 * incidents listed in each), and the title similarity threshold of {@link TokenSetSimilarity}.
 */
@Service
public class RecurringIncidents {

	/** The longest period looked at, in days: a year, a leap one included. */
	public static final int MAX_PERIOD_DAYS = 366;

	/** The highest threshold accepted. */
	public static final int MAX_MIN_OCCURRENCES = 1000;

	private final IncidentReader reader;

	private final IncidentClusters clusters;

	private final Clock clock;

	private final ZoneId zone;

	private final int defaultMinOccurrences;

	private final int maxClusters;

	private final int maxTicketsPerCluster;

	RecurringIncidents(IncidentReader reader, TextSimilarity titles, Clock clock,
			@Value("${guichet.time-zone:Europe/Paris}") ZoneId zone,
			@Value("${guichet.kpis.recurring.min-occurrences:3}") int defaultMinOccurrences,
			@Value("${guichet.kpis.recurring.max-clusters:20}") int maxClusters,
			@Value("${guichet.kpis.recurring.max-tickets-per-cluster:100}") int maxTicketsPerCluster) {
		if (defaultMinOccurrences < 2 || defaultMinOccurrences > MAX_MIN_OCCURRENCES) {
			throw new IllegalArgumentException("guichet.kpis.recurring.min-occurrences must be from 2 to "
					+ MAX_MIN_OCCURRENCES + ", e.g. 3; got " + defaultMinOccurrences);
		}
		if (maxClusters < 1 || maxTicketsPerCluster < 1) {
			throw new IllegalArgumentException("guichet.kpis.recurring.max-clusters and max-tickets-per-cluster must be"
					+ " 1 or more; got " + maxClusters + " and " + maxTicketsPerCluster);
		}
		this.reader = reader;
		this.clusters = new IncidentClusters(titles);
		this.clock = clock;
		this.zone = zone;
		this.defaultMinOccurrences = defaultMinOccurrences;
		this.maxClusters = maxClusters;
		this.maxTicketsPerCluster = maxTicketsPerCluster;
	}

	/** The threshold when the caller gives none ({@code guichet.kpis.recurring.min-occurrences}). */
	public int defaultMinOccurrences() {
		return defaultMinOccurrences;
	}

	/**
	 * The incidents that came back in the period.
	 *
	 * @param from the first day, inclusive, in {@code guichet.time-zone} (from its midnight)
	 * @param to the last day, inclusive, in {@code guichet.time-zone} (until the next midnight)
	 * @param filter which incidents count, and what the reader may see
	 * @param minOccurrences the fewest incidents a cluster holds, from 2 to
	 * {@value #MAX_MIN_OCCURRENCES}
	 * @throws InvalidInputException (fields {@code from}, {@code to}, {@code minOccurrences}) when
	 * {@code from} is after {@code to}, the period is longer than {@value #MAX_PERIOD_DAYS} days or
	 * the threshold is out of range
	 */
	@Transactional(readOnly = true)
	public RecurringIncidentsReport find(LocalDate from, LocalDate to, RecurringFilter filter, int minOccurrences) {
		InputChecks checks = new InputChecks();
		checks.check(() -> {
			if (from.isAfter(to)) {
				throw new InvalidInputException("to", "kpis.recurring.period-reversed",
						"The period ends (" + to + ") before it starts (" + from + "): give a 'to' on or after 'from'",
						"to", to, from);
			}
			if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_PERIOD_DAYS) {
				throw new InvalidInputException("from", "kpis.recurring.period-too-long",
						"The period from " + from + " to " + to + " is longer than " + MAX_PERIOD_DAYS
								+ " days: choose a shorter one",
						"from", from, MAX_PERIOD_DAYS);
			}
		});
		checks.check(() -> {
			if (minOccurrences < 2 || minOccurrences > MAX_MIN_OCCURRENCES) {
				throw new InvalidInputException("minOccurrences", "kpis.recurring.min-occurrences-invalid",
						"minOccurrences must be a whole number from 2 to " + MAX_MIN_OCCURRENCES,
						"minOccurrences", minOccurrences, "2 to " + MAX_MIN_OCCURRENCES);
			}
		});
		checks.refuseIfAny();
		Instant asOf = clock.instant();
		List<Incident> incidents = reader.read(from.atStartOfDay(zone).toInstant(),
				to.plusDays(1).atStartOfDay(zone).toInstant(), filter);
		IncidentClusters.Found found = clusters.find(incidents, minOccurrences, maxClusters, maxTicketsPerCluster);
		return new RecurringIncidentsReport(from, to, minOccurrences, incidents.size(), found.total(),
				found.recurringIncidents(), found.clusters(), asOf);
	}

}
