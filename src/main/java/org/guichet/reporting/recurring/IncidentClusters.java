package org.guichet.reporting.recurring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Groups incidents that come back, without comparing every pair: incidents of the same category
 * with the same requester, or with the same location, are found by one pass over exact keys
 * (locations compared in lower case, accents folded); near-identical titles are found by the
 * {@link TextSimilarity}; every link joins two disjoint sets ({@link UnionFind}). A cluster is a
 * set of at least {@code minOccurrences} incidents.
 * <p>
 * Clusters come largest first, then the one with the latest occurrence first, then the one whose
 * newest incident has the highest id, so the same incidents always give the same list.
 */
final class IncidentClusters {

	/** Incidents in the same category with the same requester. */
	private record RequesterKey(long categoryId, long requesterId) {
	}

	/** Incidents in the same category with requesters at the same location. */
	private record LocationKey(long categoryId, String location) {
	}

	/**
	 * @param clusters the first clusters in the order above, at most the limit asked
	 * @param total how many clusters were found, listed or not
	 * @param recurringIncidents how many incidents the clusters found hold, listed or not
	 */
	record Found(List<RecurringCluster> clusters, int total, int recurringIncidents) {
	}

	private static final Comparator<Incident> NEWEST_FIRST = Comparator.comparing(Incident::createdAt)
		.thenComparingLong(Incident::id)
		.reversed();

	private static final int LABEL_WORDS = 3;

	private final TextSimilarity titles;

	IncidentClusters(TextSimilarity titles) {
		this.titles = titles;
	}

	/**
	 * @param incidents those of the period, in any order
	 * @param minOccurrences the fewest incidents a cluster holds, 2 or more
	 * @param maxClusters the most clusters listed, 1 or more
	 * @param maxTickets the most incidents listed in a cluster (its latest), 1 or more
	 */
	Found find(List<Incident> incidents, int minOccurrences, int maxClusters, int maxTickets) {
		int n = incidents.size();
		UnionFind linked = new UnionFind(n);
		byte[] reasons = new byte[n];
		linkByKey(n, linked, reasons, RecurrenceReason.SAME_REQUESTER, i -> {
			Incident incident = incidents.get(i);
			return incident.categoryId() == null ? null
					: new RequesterKey(incident.categoryId(), incident.requesterId());
		});
		linkByKey(n, linked, reasons, RecurrenceReason.SAME_LOCATION, i -> {
			Incident incident = incidents.get(i);
			String location = incident.location() == null ? "" : TitleWords.key(incident.location());
			return incident.categoryId() == null || location.isEmpty() ? null
					: new LocationKey(incident.categoryId(), location);
		});
		int[] groups = titles.groups(incidents.stream().map(Incident::title).toList());
		for (int i = 0; i < n; i++) {
			if (groups[i] != i) {
				linked.union(i, groups[i]);
				reasons[i] |= bit(RecurrenceReason.SIMILAR_TITLES);
				reasons[groups[i]] |= bit(RecurrenceReason.SIMILAR_TITLES);
			}
		}
		return collect(incidents, linked, reasons, minOccurrences, maxClusters, maxTickets);
	}

	private static byte bit(RecurrenceReason reason) {
		return (byte) (1 << reason.ordinal());
	}

	private static void linkByKey(int n, UnionFind linked, byte[] reasons, RecurrenceReason reason,
			IntFunction<@Nullable Object> keyOf) {
		Map<Object, Integer> first = new HashMap<>();
		for (int i = 0; i < n; i++) {
			Object key = keyOf.apply(i);
			if (key == null) {
				continue;
			}
			Integer earlier = first.putIfAbsent(key, i);
			if (earlier != null) {
				linked.union(earlier, i);
				reasons[earlier] |= bit(reason);
				reasons[i] |= bit(reason);
			}
		}
	}

	private static Found collect(List<Incident> incidents, UnionFind linked, byte[] reasons,
			int minOccurrences, int maxClusters, int maxTickets) {
		Map<Integer, List<Incident>> byRoot = new HashMap<>();
		Map<Integer, Integer> reasonsByRoot = new HashMap<>();
		int[] sizes = new int[incidents.size()];
		for (int i = 0; i < incidents.size(); i++) {
			sizes[linked.find(i)]++;
		}
		for (int i = 0; i < incidents.size(); i++) {
			int root = linked.find(i);
			if (sizes[root] >= minOccurrences) {
				byRoot.computeIfAbsent(root, r -> new ArrayList<>(sizes[r])).add(incidents.get(i));
				reasonsByRoot.merge(root, (int) reasons[i], (a, b) -> a | b);
			}
		}
		List<Integer> roots = new ArrayList<>(byRoot.keySet());
		roots.forEach(root -> byRoot.get(root).sort(NEWEST_FIRST));
		roots.sort(Comparator.<Integer>comparingInt(root -> byRoot.get(root).size())
			.thenComparing(root -> byRoot.get(root).get(0), NEWEST_FIRST.reversed())
			.reversed());
		int recurring = byRoot.values().stream().mapToInt(List::size).sum();
		List<RecurringCluster> clusters = roots.stream()
			.limit(maxClusters)
			.map(root -> cluster(byRoot.get(root), reasonsByRoot.get(root), maxTickets))
			.toList();
		return new Found(clusters, roots.size(), recurring);
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
			for (TitleWords.Word word : TitleWords.words(incident.title())) {
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
