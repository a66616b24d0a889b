package org.guichet.reporting.recurring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Finds the incidents that came back, one kind of recurrence at a time, never by chains (a cluster
 * is not the transitive closure of links of different kinds):
 * <ul>
 * <li>{@link RecurrenceReason#SAME_REQUESTER}: incidents of one category and one requester, and
 * {@link RecurrenceReason#SAME_LOCATION}: of one category and one location (compared in lower
 * case, accents folded), each taken in time order and cut into windows: a cluster starts at its
 * earliest incident and holds the next ones created less than {@code window} after it; the
 * following one starts the next cluster;</li>
 * <li>{@link RecurrenceReason#SIMILAR_TITLES}: the groups of {@link TextSimilarity#groups} among
 * the incidents of one category (those without a category among themselves), each title similar
 * to its group's representative, over the whole period.</li>
 * </ul>
 * A cluster holds at least {@code minOccurrences} incidents. An incident may be in one cluster of
 * each kind; clusters of different kinds with exactly the same incidents are one, with each
 * reason.
 * <p>
 * Clusters come largest first, then the one with the latest occurrence first, then the one whose
 * newest incident has the highest id, so the same incidents always give the same list.
 */
final class OldIncidentClusters {

	/** Incidents in the same category with the same requester. */
	private record RequesterKey(long categoryId, long requesterId) {
	}

	/** Incidents in the same category with requesters at the same location. */
	private record LocationKey(long categoryId, String location) {
	}

	/**
	 * @param clusters the first clusters in the order above, at most the limit asked
	 * @param total how many clusters were found, listed or not
	 * @param recurringIncidents how many distinct incidents the clusters found hold, listed or not
	 */
	record Found(List<RecurringCluster> clusters, int total, int recurringIncidents) {
	}

	/** Incidents in time order, then by id. */
	private static final Comparator<Incident> OLDEST_FIRST = Comparator.comparing(Incident::createdAt)
		.thenComparingLong(Incident::id);

	private static final Comparator<Incident> NEWEST_FIRST = OLDEST_FIRST.reversed();

	private static final int LABEL_WORDS = 3;

	/** The block of the incidents without a category (ids are positive). */
	private static final long NO_CATEGORY = 0;

	private final TextSimilarity titles;

	private final Duration window;

	/**
	 * @param titles the title similarity
	 * @param window how long after its first incident a requester's or a location's cluster takes
	 * more, positive
	 */
	OldIncidentClusters(TextSimilarity titles, Duration window) {
		if (window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("guichet.kpis.recurring.window must be positive, e.g. P30D; got " + window);
		}
		this.titles = titles;
		this.window = window;
	}

	/**
	 * @param incidents those of the period, in any order
	 * @param minOccurrences the fewest incidents a cluster holds, 2 or more
	 * @param maxClusters the most clusters listed, 1 or more
	 * @param maxTickets the most incidents listed in a cluster (its latest), 1 or more
	 */
	Found find(List<Incident> incidents, int minOccurrences, int maxClusters, int maxTickets) {
		List<Incident> ordered = incidents.stream().sorted(OLDEST_FIRST).toList();
		Map<List<Integer>, Integer> reasonsByMembers = new LinkedHashMap<>();
		byKey(ordered, minOccurrences, RecurrenceReason.SAME_REQUESTER, reasonsByMembers, incident ->
				incident.categoryId() == null ? null : new RequesterKey(incident.categoryId(), incident.requesterId()));
		byKey(ordered, minOccurrences, RecurrenceReason.SAME_LOCATION, reasonsByMembers, incident -> {
			String location = incident.location() == null ? "" : OldTitleWords.key(incident.location());
			return incident.categoryId() == null || location.isEmpty() ? null
					: new LocationKey(incident.categoryId(), location);
		});
		byTitle(ordered, minOccurrences, reasonsByMembers);
		return collect(ordered, reasonsByMembers, maxClusters, maxTickets);
	}

	private static int bit(RecurrenceReason reason) {
		return 1 << reason.ordinal();
	}

	/**
	 * Adds the title clusters: the groups of {@link TextSimilarity#groups} within each category
	 * (incidents without a category are one more block).
	 *
	 * @param ordered oldest first
	 */
	private void byTitle(List<Incident> ordered, int minOccurrences, Map<List<Integer>, Integer> reasonsByMembers) {
		Map<Long, List<Integer>> byCategory = new HashMap<>();
		for (int i = 0; i < ordered.size(); i++) {
			Long category = ordered.get(i).categoryId();
			byCategory.computeIfAbsent(category == null ? NO_CATEGORY : category, c -> new ArrayList<>()).add(i);
		}
		for (List<Integer> block : byCategory.values()) {
			if (block.size() < minOccurrences) {
				continue;
			}
			int[] groups = titles.groups(block.stream().map(i -> ordered.get(i).title()).toList());
			Map<Integer, List<Integer>> byRepresentative = new HashMap<>();
			for (int i = 0; i < groups.length; i++) {
				byRepresentative.computeIfAbsent(groups[i], r -> new ArrayList<>()).add(block.get(i));
			}
			byRepresentative.values().stream().filter(members -> members.size() >= minOccurrences).forEach(
					members -> reasonsByMembers.merge(members, bit(RecurrenceReason.SIMILAR_TITLES), (a, b) -> a | b));
		}
	}

	/**
	 * Adds the clusters of one kind of key: the incidents of each key in time order, cut into
	 * windows.
	 *
	 * @param ordered oldest first
	 */
	private void byKey(List<Incident> ordered, int minOccurrences, RecurrenceReason reason,
			Map<List<Integer>, Integer> reasonsByMembers, Function<Incident, @Nullable Object> keyOf) {
		Map<Object, List<Integer>> byKey = new HashMap<>();
		for (int i = 0; i < ordered.size(); i++) {
			Object key = keyOf.apply(ordered.get(i));
			if (key != null) {
				byKey.computeIfAbsent(key, k -> new ArrayList<>(2)).add(i);
			}
		}
		for (List<Integer> members : byKey.values()) {
			if (members.size() < minOccurrences) {
				continue;
			}
			int start = 0;
			while (start < members.size()) {
				Instant until = ordered.get(members.get(start)).createdAt().plus(window);
				int end = start + 1;
				while (end < members.size() && ordered.get(members.get(end)).createdAt().isBefore(until)) {
					end++;
				}
				if (end - start >= minOccurrences) {
					reasonsByMembers.merge(List.copyOf(members.subList(start, end)), bit(reason), (a, b) -> a | b);
				}
				start = end;
			}
		}
	}

	/** @param ordered oldest first; the clusters' members are indexes in it, ascending */
	private static Found collect(List<Incident> ordered, Map<List<Integer>, Integer> reasonsByMembers,
			int maxClusters, int maxTickets) {
		BitSet recurring = new BitSet(ordered.size());
		List<Map.Entry<List<Integer>, Integer>> clusters = new ArrayList<>(reasonsByMembers.entrySet());
		clusters.forEach(cluster -> cluster.getKey().forEach(recurring::set));
		Comparator<List<Integer>> largestThenLatest = Comparator.<List<Integer>>comparingInt(List::size)
			.thenComparing(members -> ordered.get(members.get(members.size() - 1)), OLDEST_FIRST)
			.reversed()
			.thenComparing(OldIncidentClusters::lexicographic);
		clusters.sort(Map.Entry.comparingByKey(largestThenLatest));
		List<RecurringCluster> listed = clusters.stream().limit(maxClusters).map(cluster -> {
			List<Incident> members = new ArrayList<>(cluster.getKey().size());
			cluster.getKey().forEach(i -> members.add(ordered.get(i)));
			members.sort(NEWEST_FIRST);
			return cluster(members, cluster.getValue(), maxTickets);
		}).toList();
		return new Found(listed, clusters.size(), recurring.cardinality());
	}

	/** Two clusters of the same size whose newest incident is the same: by their first differing member. */
	private static int lexicographic(List<Integer> first, List<Integer> second) {
		for (int i = 0; i < first.size(); i++) {
			int order = Integer.compare(first.get(i), second.get(i));
			if (order != 0) {
				return order;
			}
		}
		return 0;
	}

	/** @param members newest first */
	private static RecurringCluster cluster(List<Incident> members, int reasonBits, int maxTickets) {
		Instant first = members.get(members.size() - 1).createdAt();
		Instant last = members.get(0).createdAt();
		List<RecurringCluster.Ticket> tickets = members.stream()
			.limit(maxTickets)
			.map(incident -> new RecurringCluster.Ticket(incident.id(), incident.title(), incident.createdAt()))
			.toList();
		List<RecurrenceReason> reasons = Arrays.stream(RecurrenceReason.values())
			.filter(reason -> (reasonBits & bit(reason)) != 0)
			.toList();
		return new RecurringCluster(reasons, label(members), members.size(), first, last, tickets);
	}

	/**
	 * The cluster's commonest meaningful words (counted once per title), the commonest first, then
	 * in alphabetical order of their reduced form; each as most often written. Up to three, those
	 * in at least half of the titles, and always the commonest.
	 */
	static String label(List<Incident> members) {
		Map<String, Integer> titlesWithWord = new HashMap<>();
		Map<String, Map<String, Integer>> writings = new HashMap<>();
		for (Incident incident : members) {
			Set<String> seen = new HashSet<>();
			for (OldTitleWords.Word word : OldTitleWords.words(incident.title())) {
				writings.computeIfAbsent(word.stem(), s -> new HashMap<>()).merge(word.written(), 1, Integer::sum);
				if (seen.add(word.stem())) {
					titlesWithWord.merge(word.stem(), 1, Integer::sum);
				}
			}
		}
		if (titlesWithWord.isEmpty()) {
			return members.get(0).title();
		}
		List<Map.Entry<String, Integer>> commonest = titlesWithWord.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.limit(LABEL_WORDS)
			.toList();
		return commonest.stream()
			.filter(entry -> entry == commonest.get(0) || entry.getValue() * 2 >= members.size())
			.map(entry -> mostWritten(writings.get(entry.getKey())))
			.collect(Collectors.joining(" "));
	}

	private static String mostWritten(Map<String, Integer> writings) {
		return writings.entrySet()
			.stream()
			.min(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.orElseThrow()
			.getKey();
	}

}
