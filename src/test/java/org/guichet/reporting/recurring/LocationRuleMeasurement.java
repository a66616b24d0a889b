package org.guichet.reporting.recurring;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.guichet.text.TokenSetSimilarity;
import org.guichet.text.TitleWords;

/**
 * How many incidents the location rule puts in clusters on real ticket texts spread over 20 sites
 * of uneven size ({@link RealTicketTexts#onUnevenSites}), before and after issue 9's change of the
 * rule: the previous rule (three incidents of one category at one site within a window cut from
 * the first one, reproduced here) and the burst rule of {@link IncidentClusters}, each with a
 * window of 1, 7 and 30 days over the whole year; then, with the default settings, as a dashboard
 * asks it: every period of 1, 7 and 30 days of the year after its first 28 days, with the 28 days
 * before it as the baseline. Not a test (it only measures): run with
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.guichet.reporting.recurring.LocationRuleMeasurement /work/shared/data/tickets/it-tickets-topic-train.csv [burst chance]
 * </pre>
 */
public final class LocationRuleMeasurement {

	private static final int MIN_OCCURRENCES = 3;

	private static final Instant START = Instant.parse("2025-12-01T00:00:00Z");

	private LocationRuleMeasurement() {
	}

	public static void main(String[] args) throws IOException {
		double chance = args.length > 1 ? Double.parseDouble(args[1]) : IncidentClusters.DEFAULT_BURST_CHANCE;
		List<Incident> incidents = RealTicketTexts.onUnevenSites(RealTicketTexts.incidents(Path.of(args[0])), 20);
		TokenSetSimilarity titles = new TokenSetSimilarity(TokenSetSimilarity.DEFAULT_THRESHOLD);
		System.out.println("| window | previous rule | burst rule |\n|---|---|---|");
		for (int days : new int[] { 1, 7, 30 }) {
			Duration window = Duration.ofDays(days);
			IncidentClusters bursts = new IncidentClusters(titles, Duration.ofDays(30), window, 3, chance);
			double after = share(bursts.find(incidents, SiteBaseline.none(Duration.ofDays(365)), MIN_OCCURRENCES,
					Integer.MAX_VALUE, Integer.MAX_VALUE), incidents.size());
			System.out.printf("| %d d | %.1f %% | %.2f %% |%n", days, 100 * previousRule(incidents, window, incidents.size()),
					100 * after);
		}
		IncidentClusters defaults = new IncidentClusters(titles, Duration.ofDays(30), Duration.ofDays(1), 3, chance);
		System.out.println("\n| period | periods | previous rule (30-day window) | burst rule (defaults) | periods with a burst |\n|---|---|---|---|---|");
		for (int days : new int[] { 1, 7, 30 }) {
			long before = 0;
			long after = 0;
			long total = 0;
			int periods = 0;
			int withBurst = 0;
			for (int from = 28; from + days <= 365; from += days) {
				Instant start = START.plus(Duration.ofDays(from));
				Instant end = start.plus(Duration.ofDays(days));
				List<Incident> period = between(incidents, start, end);
				Map<List<Object>, Long> counts = new HashMap<>();
				between(incidents, start.minus(Duration.ofDays(28)), start).forEach(incident -> counts
					.merge(List.of(incident.categoryId(), incident.location()), 1L, Long::sum));
				List<SiteBaseline.Count> baseline = counts.entrySet()
					.stream()
					.map(entry -> new SiteBaseline.Count((Long) entry.getKey().get(0), (String) entry.getKey().get(1),
							entry.getValue()))
					.toList();
				double share = share(defaults.find(period, new SiteBaseline(Duration.ofDays(28), Duration.ofDays(days),
						baseline), MIN_OCCURRENCES, Integer.MAX_VALUE, Integer.MAX_VALUE), 1);
				before += Math.round(previousRule(period, Duration.ofDays(30), 1));
				after += Math.round(share);
				total += period.size();
				periods++;
				withBurst += share > 0 ? 1 : 0;
			}
			System.out.printf("| %d d | %d | %.1f %% | %.2f %% | %d |%n", days, periods, 100.0 * before / total,
					100.0 * after / total, withBurst);
		}
	}

	private static List<Incident> between(List<Incident> incidents, Instant start, Instant end) {
		return incidents.stream()
			.filter(incident -> !incident.createdAt().isBefore(start) && incident.createdAt().isBefore(end))
			.toList();
	}

	/** The incidents in location clusters divided by {@code of}. */
	private static double share(IncidentClusters.Found found, int of) {
		Set<Long> ids = new HashSet<>();
		found.clusters()
			.stream()
			.filter(cluster -> cluster.reasons().contains(RecurrenceReason.SAME_LOCATION))
			.forEach(cluster -> cluster.tickets().forEach(ticket -> ids.add(ticket.id())));
		return (double) ids.size() / of;
	}

	/**
	 * The rule before issue 9's change: the incidents of each (category, location) in time order,
	 * cut into windows from each cluster's first incident; a window of three or more is a cluster.
	 * The incidents in such clusters divided by {@code of}.
	 */
	private static double previousRule(List<Incident> incidents, Duration window, int of) {
		Map<List<Object>, List<Incident>> byKey = new HashMap<>();
		for (Incident incident : incidents) {
			if (incident.categoryId() != null && incident.location() != null) {
				byKey.computeIfAbsent(List.of(incident.categoryId(), TitleWords.key(incident.location())),
						key -> new ArrayList<>()).add(incident);
			}
		}
		long inClusters = 0;
		for (List<Incident> key : byKey.values()) {
			key.sort((first, second) -> first.createdAt().compareTo(second.createdAt()));
			int start = 0;
			while (start < key.size()) {
				Instant until = key.get(start).createdAt().plus(window);
				int end = start + 1;
				while (end < key.size() && key.get(end).createdAt().isBefore(until)) {
					end++;
				}
				inClusters += end - start >= MIN_OCCURRENCES ? end - start : 0;
				start = end;
			}
		}
		return (double) inClusters / of;
	}

}
