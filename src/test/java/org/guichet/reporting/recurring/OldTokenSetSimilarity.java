package org.guichet.reporting.recurring;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;


/**
 * Today's text similarity: the Jaccard index of the two titles' word sets once normalised by
 * {@link OldTitleWords} (French and English, accents folded, stop words out, light stemming), that
 * is the number of words they share divided by the number of distinct words of both. Two titles
 * are similar from the threshold {@code guichet.kpis.recurring.title-similarity} on (default
 * {@value #DEFAULT_THRESHOLD}, inclusive): "Imprimante du 2e étage bloquée" and "L'imprimante 2ème
 * étage ne répond plus" share 3 of 5 words (0.6), "VPN disconnects every morning" and "VPN keeps
 * disconnecting" 2 of 3 (0.67), while "VPN disconnects every morning" and "Outlook disconnects
 * every morning" share only 2 of 4 (0.5).
 * <p>
 * {@link #groups} gathers the titles around representatives (leader clustering), never by chains:
 * the distinct word sets are taken the commonest first (then the shortest, then the first met);
 * each joins the first representative taken that it reaches the threshold with, that is the
 * commonest wording it is near-identical to, else becomes a representative. The representatives a word set
 * may reach are found without comparing every pair, exactly: with threshold t, two sets x and y
 * can only be similar if they share one of the |x| − ⌈t·|x|⌉ + 1 rarest words of x and one of the
 * |y| − ⌈t·|y|⌉ + 1 rarest words of y (prefix filtering, Bayardo et al., "Scaling up all pairs
 * similarity search", 2007), and if |y| ≥ t·|x| and |x| ≥ t·|y|; only the representatives are
 * indexed, in the order taken, so the search in a word's list stops at the first representative
 * reached (or at the first one taken after the best found through another word).
 */

final class OldTokenSetSimilarity implements TextSimilarity {

	/** The threshold when none is configured. */
	public static final double DEFAULT_THRESHOLD = 0.6;

	private static final double EPSILON = 1e-9;

	private final double threshold;

	/**
	 * @param threshold the Jaccard index from which two titles are similar, above 0 and at most 1
	 * @throws IllegalArgumentException for a threshold outside (0, 1]
	 */
	public OldTokenSetSimilarity(double threshold) {
		if (!(threshold > 0 && threshold <= 1)) {
			throw new IllegalArgumentException(
					"guichet.kpis.recurring.title-similarity must be above 0 and at most 1, e.g. 0.6; got " + threshold);
		}
		this.threshold = threshold;
	}

	/** The Jaccard index from which two titles are similar. */
	public double threshold() {
		return threshold;
	}

	@Override
	public double similarity(String first, String second) {
		Set<String> x = OldTitleWords.stems(first);
		Set<String> y = OldTitleWords.stems(second);
		if (x.isEmpty() || y.isEmpty()) {
			return 0;
		}
		int shared = (int) x.stream().filter(y::contains).count();
		return (double) shared / (x.size() + y.size() - shared);
	}

	@Override
	public boolean similar(String first, String second) {
		return similarity(first, second) >= threshold - EPSILON;
	}

	@Override
	public int[] groups(List<String> texts) {
		Signatures signatures = Signatures.of(texts);
		int[] leaders = lead(signatures);
		int[] groups = new int[texts.size()];
		for (int i = 0; i < groups.length; i++) {
			int signature = signatures.ofText[i];
			groups[i] = signature < 0 ? i : signatures.firstText[leaders[signature]];
		}
		return groups;
	}

	/**
	 * For each word set (an ascending array of word ranks, rarest word first), the word set of
	 * its representative: itself when it is one.
	 */
	private int[] lead(Signatures signatures) {
		int[][] sets = signatures.words;
		int count = sets.length;
		Integer[] order = IntStream.range(0, count).boxed().toArray(Integer[]::new);
		Arrays.sort(order, Comparator.<Integer>comparingInt(s -> -signatures.texts[s])
			.thenComparingInt(s -> sets[s].length)
			.thenComparingInt(s -> signatures.firstText[s]));
		int words = Arrays.stream(sets).mapToInt(set -> set[set.length - 1] + 1).max().orElse(0);
		// for each word, the representatives with it among their rarest words, by their rank (the order taken)
		int[][] postings = new int[words][];
		int[] postingSizes = new int[words];
		int[] leaders = new int[count];
		int[] representatives = new int[count];
		int taken = 0;
		for (int s : order) {
			int[] x = sets[s];
			int best = Integer.MAX_VALUE;
			int prefix = prefix(x.length);
			for (int k = 0; k < prefix; k++) {
				int word = x[k];
				int[] posting = postings[word];
				for (int j = 0; j < postingSizes[word] && posting[j] < best; j++) {
					int[] y = sets[representatives[posting[j]]];
					if (y.length >= threshold * x.length - EPSILON && x.length >= threshold * y.length - EPSILON
							&& jaccard(x, y) >= threshold - EPSILON) {
						best = posting[j];
					}
				}
			}
			if (best < Integer.MAX_VALUE) {
				leaders[s] = representatives[best];
				continue;
			}
			leaders[s] = s;
			representatives[taken] = s;
			for (int k = 0; k < prefix; k++) {
				int word = x[k];
				if (postings[word] == null) {
					postings[word] = new int[4];
				}
				else if (postingSizes[word] == postings[word].length) {
					postings[word] = Arrays.copyOf(postings[word], postings[word].length * 2);
				}
				postings[word][postingSizes[word]++] = taken;
			}
			taken++;
		}
		return leaders;
	}

	/** How many of a set's rarest words a similar set must share one of. */
	private int prefix(int size) {
		return size - (int) Math.ceil(threshold * size - EPSILON) + 1;
	}

	/** The Jaccard index of two ascending arrays of words. */
	private static double jaccard(int[] x, int[] y) {
		int shared = 0;
		int i = 0;
		int j = 0;
		while (i < x.length && j < y.length) {
			if (x[i] == y[j]) {
				shared++;
				i++;
				j++;
			}
			else if (x[i] < y[j]) {
				i++;
			}
			else {
				j++;
			}
		}
		return (double) shared / (x.length + y.length - shared);
	}

	/**
	 * The distinct word sets of the texts, each an ascending array of word ranks where rank 0 is
	 * the word in the fewest sets; {@code ofText[i]} is text i's set, -1 when it has no word;
	 * {@code texts[s]} how many texts have set s, {@code firstText[s]} the first of them.
	 */
	private record Signatures(int[][] words, int[] ofText, int[] texts, int[] firstText) {

		static Signatures of(List<String> texts) {
			Map<String, Integer> wordIds = new HashMap<>();
			Map<Key, Integer> distinct = new HashMap<>();
			Map<String, Integer> byTitle = new HashMap<>();
			int[] ofText = new int[texts.size()];
			for (int i = 0; i < ofText.length; i++) {
				ofText[i] = byTitle.computeIfAbsent(texts.get(i), title -> {
					Set<String> stems = OldTitleWords.stems(title);
					if (stems.isEmpty()) {
						return -1;
					}
					int[] ids = stems.stream()
						.mapToInt(stem -> wordIds.computeIfAbsent(stem, w -> wordIds.size()))
						.sorted()
						.toArray();
					return distinct.computeIfAbsent(new Key(ids), key -> distinct.size());
				});
			}
			int[][] sets = new int[distinct.size()][];
			distinct.forEach((key, index) -> sets[index] = key.ids());
			int[] textCount = new int[sets.length];
			int[] firstText = new int[sets.length];
			Arrays.fill(firstText, -1);
			for (int i = 0; i < ofText.length; i++) {
				if (ofText[i] >= 0) {
					textCount[ofText[i]]++;
					if (firstText[ofText[i]] < 0) {
						firstText[ofText[i]] = i;
					}
				}
			}
			int[] frequency = new int[wordIds.size()];
			for (int[] set : sets) {
				for (int id : set) {
					frequency[id]++;
				}
			}
			Integer[] byFrequency = IntStream.range(0, frequency.length).boxed().toArray(Integer[]::new);
			Arrays.sort(byFrequency, Comparator.<Integer>comparingInt(id -> frequency[id]).thenComparingInt(id -> id));
			int[] rank = new int[frequency.length];
			for (int r = 0; r < byFrequency.length; r++) {
				rank[byFrequency[r]] = r;
			}
			for (int s = 0; s < sets.length; s++) {
				int[] ranked = new int[sets[s].length];
				for (int k = 0; k < ranked.length; k++) {
					ranked[k] = rank[sets[s][k]];
				}
				Arrays.sort(ranked);
				sets[s] = ranked;
			}
			return new Signatures(sets, ofText, textCount, firstText);
		}

	}

	/** A word set as a map key: equal when the same ids. */
	private record Key(int[] ids) {

		@Override
		public boolean equals(Object other) {
			return other instanceof Key that && Arrays.equals(ids, that.ids);
		}

		@Override
		public int hashCode() {
			return Arrays.hashCode(ids);
		}

		@Override
		public String toString() {
			return Arrays.toString(ids);
		}

	}

}
