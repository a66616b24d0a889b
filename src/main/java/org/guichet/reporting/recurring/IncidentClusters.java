package org.guichet.reporting.recurring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.guichet.text.TextSimilarity;
import org.guichet.text.TitleWords;
import org.jspecify.annotations.Nullable;

/**
 * Finds the incidents that came back, one kind of recurrence at a time, never by chains (a cluster
 * is not the transitive closure of links of different kinds):
 * <ul>
 * <li>{@link RecurrenceReason#SAME_REQUESTER}: incidents of one category and one requester, taken
 * in time order and cut into windows: a cluster starts at its earliest incident and holds the next
 * ones created less than {@code window} after it; the following one starts the next cluster;</li>
 * <li>{@link RecurrenceReason#SAME_LOCATION}: a <em>burst</em> of one category at one location
 * (compared in lower case, accents folded): every {@code burstWindow} starting at one of its
 * incidents that holds at least {@code minOccurrences} incidents of the key, at least
 * {@code burstFactor} times the key's usual number in such a span (its rate over the
 * {@link SiteBaseline} and the period together) and so many that their chance at the usual rate
 * is at most {@code burstChance}; overlapping such windows are one cluster;</li>
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
final class IncidentClusters {

	/**
	 * @param clusters the first clusters in the order above, at most the limit asked
	 * @param total how many clusters were found, listed or not
	 * @param recurringIncidents how many distinct incidents the clusters found hold, listed or not
	 */
	record Found(List<RecurringCluster> clusters, int total, int recurringIncidents) {
	}

	/** Incidents in time order, then by id. */
	private static final Comparator<Incident> OLDEST_FIRST = (first, second) -> {
		int order = first.createdAt().compareTo(second.createdAt());
		return order != 0 ? order : Long.compare(first.id(), second.id());
	};

	private static final Comparator<Incident> NEWEST_FIRST = OLDEST_FIRST.reversed();

	/** The highest chance at the usual rate of a burst when none is configured. */
	static final double DEFAULT_BURST_CHANCE = 0.001;

	private static final int LABEL_WORDS = 3;

	/** The block of the incidents without a category (ids are positive). */
	private static final long NO_CATEGORY = 0;

	/** No key: the incident is in no cluster of that kind. */
	private static final int NONE = -1;

	/** Leeway for the burst's floating-point threshold: a count equal to it reaches it. */
	private static final double EPSILON = 1e-9;

	private final TextSimilarity titles;

	private final Duration window;

	private final Duration burstWindow;

	private final double burstFactor;

	private final double burstChance;

	/**
	 * @param titles the title similarity
	 * @param window how long after its first incident a requester's cluster takes more, positive
	 * @param burstWindow the span in which a location's incidents of one category are counted
	 * against their usual number, positive
	 * @param burstFactor how many times its usual number a location's span must hold to be a burst,
	 * 1 or more
	 * @param burstChance the highest chance, at the usual rate, of as many incidents in a span for it
	 * to be a burst: above 0, at most 1 (1: no such condition)
	 * @throws IllegalArgumentException for a duration not positive, a factor below 1 or a chance
	 * outside (0, 1] (naming the setting)
	 */
	IncidentClusters(TextSimilarity titles, Duration window, Duration burstWindow, double burstFactor,
			double burstChance) {
		if (window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("guichet.kpis.recurring.window must be positive, e.g. P30D; got " + window);
		}
		if (burstWindow.isNegative() || burstWindow.isZero()) {
			throw new IllegalArgumentException(
					"guichet.kpis.recurring.burst-window must be positive, e.g. P1D; got " + burstWindow);
		}
		if (!(burstFactor >= 1 && Double.isFinite(burstFactor))) {
			throw new IllegalArgumentException(
					"guichet.kpis.recurring.burst-factor must be 1 or more, e.g. 3; got " + burstFactor);
		}
		this.titles = titles;
		this.window = window;
		this.burstWindow = burstWindow;
		if (!(burstChance > 0 && burstChance <= 1)) {
			throw new IllegalArgumentException(
					"guichet.kpis.recurring.burst-chance must be above 0 and at most 1, e.g. 0.001; got " + burstChance);
		}
		this.burstFactor = burstFactor;
		this.burstChance = burstChance;
	}

	/**
	 * @param incidents those of the period, in any order
	 * @param baseline the period's length and the incidents of each category and location just
	 * before it, for the usual rates of the locations' bursts
	 * @param minOccurrences the fewest incidents a cluster holds, 2 or more
	 * @param maxClusters the most clusters listed, 1 or more
	 * @param maxTickets the most incidents listed in a cluster (its latest), 1 or more
	 */
	Found find(List<Incident> incidents, SiteBaseline baseline, int minOccurrences, int maxClusters,
			int maxTickets) {
		Incident[] ordered = oldestFirst(incidents);
		Clusters found = new Clusters();
		int[] categories = new int[ordered.length];
		DenseIds categoryIds = new DenseIds();
		for (int i = 0; i < ordered.length; i++) {
			Long category = ordered[i].categoryId();
			categories[i] = categoryIds.of(category == null ? NO_CATEGORY : category);
		}
		byKey(ordered, requesterKeys(ordered, categories), minOccurrences, RecurrenceReason.SAME_REQUESTER, found);
		Sites sites = new Sites(categoryIds);
		int[] locationKeys = sites.keys(ordered, categories);
		byBurst(ordered, locationKeys, sites.before(baseline), baseline, minOccurrences, found);
		byTitle(ordered, categories, categoryIds.size(), minOccurrences, found);
		return found.collect(ordered, maxClusters, maxTickets);
	}

	/**
	 * The incidents sorted by {@link #OLDEST_FIRST}: by their second as primitive numbers (each
	 * packed with its index) when the seconds' span leaves room for the index, then each run of the
	 * same second by the comparator.
	 */
	private static Incident[] oldestFirst(List<Incident> incidents) {
		Incident[] ordered = incidents.toArray(Incident[]::new);
		long first = Long.MAX_VALUE;
		long last = Long.MIN_VALUE;
		for (Incident incident : ordered) {
			first = Math.min(first, incident.createdAt().getEpochSecond());
			last = Math.max(last, incident.createdAt().getEpochSecond());
		}
		int indexBits = 64 - Integer.numberOfLeadingZeros(Math.max(1, ordered.length));
		if (ordered.length < 2 || last - first >= 1L << (62 - indexBits)) {
			Arrays.sort(ordered, OLDEST_FIRST);
			return ordered;
		}
		long[] keys = new long[ordered.length];
		for (int i = 0; i < ordered.length; i++) {
			keys[i] = (ordered[i].createdAt().getEpochSecond() - first) << indexBits | i;
		}
		Arrays.sort(keys);
		Incident[] sorted = new Incident[ordered.length];
		long mask = (1L << indexBits) - 1;
		for (int i = 0; i < keys.length; i++) {
			sorted[i] = ordered[(int) (keys[i] & mask)];
		}
		int start = 0;
		for (int i = 1; i <= keys.length; i++) {
			if (i == keys.length || keys[i] >>> indexBits != keys[start] >>> indexBits) {
				if (i - start > 1) {
					Arrays.sort(sorted, start, i, OLDEST_FIRST);
				}
				start = i;
			}
		}
		return sorted;
	}

	/** For each incident, the number of its (category, requester), {@link #NONE} without a category. */
	private static int[] requesterKeys(Incident[] ordered, int[] categories) {
		DenseIds requesters = new DenseIds();
		DenseIds pairs = new DenseIds();
		int[] keys = new int[ordered.length];
		for (int i = 0; i < ordered.length; i++) {
			keys[i] = ordered[i].categoryId() == null ? NONE
					: pairs.of((long) categories[i] << 32 | requesters.of(ordered[i].requesterId()));
		}
		return keys;
	}

	/**
	 * The (category, location) keys of the location rule: each location compared by
	 * {@link TitleWords#key} and folded once.
	 */
	private static final class Sites {

		private final DenseIds categoryIds;

		private final Map<String, Integer> locations = new HashMap<>();

		private final Map<String, Integer> locationIds = new HashMap<>();

		private final DenseIds pairs = new DenseIds();

		/** @param categoryIds the numbers of the period's categories ({@link #NO_CATEGORY} for none) */
		Sites(DenseIds categoryIds) {
			this.categoryIds = categoryIds;
		}

		/**
		 * For each incident, the number of its (category, location), {@link #NONE} without a category
		 * or a location.
		 */
		int[] keys(Incident[] ordered, int[] categories) {
			int[] keys = new int[ordered.length];
			for (int i = 0; i < ordered.length; i++) {
				int location = location(ordered[i].location());
				keys[i] = ordered[i].categoryId() == null || location == NONE ? NONE
						: pairs.of((long) categories[i] << 32 | location);
			}
			return keys;
		}

		/**
		 * For each key numbered by {@link #keys}, its incidents in the baseline; the baseline's keys
		 * that have no incident in the period are left out (they make no burst).
		 */
		long[] before(SiteBaseline baseline) {
			long[] before = new long[pairs.size()];
			for (SiteBaseline.Count count : baseline.counts()) {
				if (count.categoryId() == null) {
					continue;
				}
				int category = categoryIds.get(count.categoryId());
				int location = location(count.location());
				int key = category == NONE || location == NONE ? NONE : pairs.get((long) category << 32 | location);
				if (key != NONE) {
					before[key] += count.incidents();
				}
			}
			return before;
		}

		private int location(@Nullable String written) {
			return written == null ? NONE : locations.computeIfAbsent(written, w -> {
				String key = TitleWords.key(w);
				return key.isEmpty() ? NONE : locationIds.computeIfAbsent(key, k -> locationIds.size());
			});
		}

	}

	private static int bit(RecurrenceReason reason) {
		return 1 << reason.ordinal();
	}

	/**
	 * Adds the title clusters: the groups of {@link TextSimilarity#groups} within each category
	 * (incidents without a category are one more block).
	 *
	 * @param ordered oldest first
	 * @param categories the number of each incident's category (or of its absence)
	 */
	private void byTitle(Incident[] ordered, int[] categories, int categoryCount, int minOccurrences,
			Clusters found) {
		int[] byCategory = new int[ordered.length];
		int[] starts = groupBy(categories, categoryCount, byCategory);
		for (int c = 0; c < categoryCount; c++) {
			int size = starts[c + 1] - starts[c];
			if (size < minOccurrences) {
				continue;
			}
			int[] block = Arrays.copyOfRange(byCategory, starts[c], starts[c + 1]);
			List<String> blockTitles = new ArrayList<>(size);
			for (int i : block) {
				blockTitles.add(ordered[i].title());
			}
			int[] groups = titles.groups(blockTitles);
			int[] byGroup = new int[size];
			int[] groupStarts = groupBy(groups, size, byGroup);
			for (int g = 0; g < size; g++) {
				if (groupStarts[g + 1] - groupStarts[g] >= minOccurrences) {
					int[] members = new int[groupStarts[g + 1] - groupStarts[g]];
					for (int m = 0; m < members.length; m++) {
						members[m] = block[byGroup[groupStarts[g] + m]];
					}
					found.add(members, RecurrenceReason.SIMILAR_TITLES);
				}
			}
		}
	}

	/**
	 * Adds the requester clusters: the incidents of each key in time order, cut into windows.
	 *
	 * @param ordered oldest first
	 * @param keys each incident's key, from 0, or {@link #NONE}
	 */
	private void byKey(Incident[] ordered, int[] keys, int minOccurrences, RecurrenceReason reason, Clusters found) {
		int keyCount = 0;
		for (int key : keys) {
			keyCount = Math.max(keyCount, key + 1);
		}
		int[] byKey = new int[ordered.length];
		int[] starts = groupBy(keys, keyCount, byKey);
		for (int k = 0; k < keyCount; k++) {
			if (starts[k + 1] - starts[k] < minOccurrences) {
				continue;
			}
			int start = starts[k];
			while (start < starts[k + 1]) {
				Instant until = ordered[byKey[start]].createdAt().plus(window);
				int end = start + 1;
				while (end < starts[k + 1] && ordered[byKey[end]].createdAt().isBefore(until)) {
					end++;
				}
				if (end - start >= minOccurrences) {
					found.add(Arrays.copyOfRange(byKey, start, end), reason);
				}
				start = end;
			}
		}
	}

	/**
	 * Adds the location clusters: for each (category, location), the spans of {@link #burstWindow}
	 * starting at one of its incidents that hold at least {@link #burstSize} of its incidents;
	 * overlapping spans are one cluster (a burst lasting longer than the window stays one).
	 *
	 * @param ordered oldest first
	 * @param keys each incident's key, from 0, or {@link #NONE}
	 * @param before each key's incidents in the baseline
	 */
	private void byBurst(Incident[] ordered, int[] keys, long[] before, SiteBaseline baseline, int minOccurrences,
			Clusters found) {
		int keyCount = before.length;
		int[] byKey = new int[ordered.length];
		int[] starts = groupBy(keys, keyCount, byKey);
		double spans = (double) (baseline.before().toNanos() + baseline.period().toNanos()) / burstWindow.toNanos();
		for (int k = 0; k < keyCount; k++) {
			int first = starts[k];
			int last = starts[k + 1];
			if (last - first < minOccurrences) {
				continue;
			}
			double needed = burstSize((before[k] + last - first) / spans, minOccurrences);
			int runStart = NONE;
			int runEnd = NONE;
			int end = first;
			for (int i = first; i < last; i++) {
				Instant until = ordered[byKey[i]].createdAt().plus(burstWindow);
				end = Math.max(end, i + 1);
				while (end < last && ordered[byKey[end]].createdAt().isBefore(until)) {
					end++;
				}
				if (end - i >= needed) {
					if (i < runEnd) {
						runEnd = end;
					}
					else {
						if (runStart != NONE) {
							found.add(Arrays.copyOfRange(byKey, runStart, runEnd), RecurrenceReason.SAME_LOCATION);
						}
						runStart = i;
						runEnd = end;
					}
				}
			}
			if (runStart != NONE) {
				found.add(Arrays.copyOfRange(byKey, runStart, runEnd), RecurrenceReason.SAME_LOCATION);
			}
		}
	}

	/**
	 * The fewest incidents a span of {@link #burstWindow} must hold to be a burst, when it usually
	 * holds {@code usual}: at least {@code minOccurrences}, {@link #burstFactor} times the usual, and
	 * so many that their chance at the usual rate (Poisson) is at most {@link #burstChance}.
	 */
	int burstSize(double usual, int minOccurrences) {
		int needed = Math.max(minOccurrences, (int) Math.ceil(burstFactor * usual - EPSILON));
		double term = Math.exp(-usual);
		if (term == 0) {
			// at a usual count of 745 or more, three times as many is never chance
			return needed;
		}
		double below = 0;
		for (int n = 0;; n++) {
			if (n >= needed && 1 - below <= burstChance) {
				return n;
			}
			below += term;
			term *= usual / (n + 1);
		}
	}

	/**
	 * The indexes {@code i} grouped by {@code values[i]} (from 0 to {@code count - 1}; others left
	 * out), ascending within a value, into {@code grouped}.
	 *
	 * @return where each value's indexes start in {@code grouped}, and at {@code count} where they end
	 */
	private static int[] groupBy(int[] values, int count, int[] grouped) {
		int[] starts = new int[count + 1];
		for (int value : values) {
			if (value >= 0 && value < count) {
				starts[value + 1]++;
			}
		}
		for (int v = 1; v <= count; v++) {
			starts[v] += starts[v - 1];
		}
		int[] next = Arrays.copyOf(starts, count);
		for (int i = 0; i < values.length; i++) {
			if (values[i] >= 0 && values[i] < count) {
				grouped[next[values[i]]++] = i;
			}
		}
		return starts;
	}

	/**
	 * The clusters found, each the ascending indexes of its incidents in the ordered list; clusters
	 * of different reasons with the same incidents are one, with each reason.
	 */
	private static final class Clusters {

		private final Map<Members, Integer> reasonsByMembers = new HashMap<>();

		void add(int[] members, RecurrenceReason reason) {
			reasonsByMembers.merge(new Members(members), bit(reason), (a, b) -> a | b);
		}

		/** @param ordered oldest first */
		Found collect(Incident[] ordered, int maxClusters, int maxTickets) {
			// incidents equal for OLDEST_FIRST (none when ids are distinct) share the rank of the first
			int[] rank = new int[ordered.length];
			for (int i = 1; i < ordered.length; i++) {
				rank[i] = OLDEST_FIRST.compare(ordered[i - 1], ordered[i]) == 0 ? rank[i - 1] : i;
			}
			BitSet recurring = new BitSet(ordered.length);
			List<Members> clusters = new ArrayList<>(reasonsByMembers.keySet());
			for (Members cluster : clusters) {
				for (int i : cluster.indexes()) {
					recurring.set(i);
				}
			}
			clusters.sort((first, second) -> {
				int[] x = first.indexes();
				int[] y = second.indexes();
				if (x.length != y.length) {
					return Integer.compare(y.length, x.length);
				}
				int latest = Integer.compare(rank[y[y.length - 1]], rank[x[x.length - 1]]);
				return latest != 0 ? latest : Arrays.compare(x, y);
			});
			List<RecurringCluster> listed = clusters.stream().limit(maxClusters).map(cluster -> {
				List<Incident> members = new ArrayList<>(cluster.indexes().length);
				for (int i : cluster.indexes()) {
					members.add(ordered[i]);
				}
				members.sort(NEWEST_FIRST);
				return cluster(members, reasonsByMembers.get(cluster), maxTickets);
			}).toList();
			return new Found(listed, clusters.size(), recurring.cardinality());
		}

	}

	/** A cluster's incidents as a map key: equal when the same indexes. */
	private record Members(int[] indexes) {

		@Override
		public boolean equals(Object other) {
			return other instanceof Members that && Arrays.equals(indexes, that.indexes);
		}

		@Override
		public int hashCode() {
			int hash = indexes.length;
			for (int i : indexes) {
				hash = Integer.rotateLeft(hash ^ i * 0x9E3779B9, 13) * 5 + 0xE6546B64;
			}
			return hash ^ hash >>> 16;
		}

	}

	/**
	 * Numbers distinct longs from 0 in the order first met: an open-addressing hash table of
	 * primitive keys.
	 */
	private static final class DenseIds {

		private long[] keys = new long[64];

		/** Number + 1 in each slot, 0 when empty; at most half full. */
		private int[] ids = new int[64];

		private int size;

		int of(long key) {
			int slot = slotOf(key);
			if (ids[slot] != 0) {
				return ids[slot] - 1;
			}
			keys[slot] = key;
			ids[slot] = ++size;
			if (size * 2 > keys.length) {
				grow();
			}
			return size - 1;
		}

		/** The number of a key already met, {@link #NONE} otherwise. */
		int get(long key) {
			int slot = slotOf(key);
			return ids[slot] != 0 ? ids[slot] - 1 : NONE;
		}

		/** The slot holding the key, or the empty slot where it would go. */
		private int slotOf(long key) {
			int mask = keys.length - 1;
			int slot = mix(key) & mask;
			while (ids[slot] != 0 && keys[slot] != key) {
				slot = (slot + 1) & mask;
			}
			return slot;
		}

		int size() {
			return size;
		}

		private void grow() {
			long[] oldKeys = keys;
			int[] oldIds = ids;
			keys = new long[oldKeys.length * 2];
			ids = new int[oldIds.length * 2];
			int mask = keys.length - 1;
			for (int s = 0; s < oldKeys.length; s++) {
				if (oldIds[s] != 0) {
					int slot = mix(oldKeys[s]) & mask;
					while (ids[slot] != 0) {
						slot = (slot + 1) & mask;
					}
					keys[slot] = oldKeys[s];
					ids[slot] = oldIds[s];
				}
			}
		}

		private static int mix(long key) {
			long h = key * 0x9E3779B97F4A7C15L;
			return (int) (h ^ h >>> 32);
		}

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
