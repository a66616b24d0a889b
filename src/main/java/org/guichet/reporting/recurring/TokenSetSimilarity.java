package org.guichet.reporting.recurring;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Today's text similarity: the Jaccard index of the two titles' word sets once normalised by
 * {@link TitleWords} (French and English, accents folded, stop words out, light stemming), that
 * is the number of words they share divided by the number of distinct words of both. Two titles
 * are similar from the threshold {@code guichet.kpis.recurring.title-similarity} on (default
 * {@value #DEFAULT_THRESHOLD}, inclusive): "Imprimante du 2e étage bloquée" and "L'imprimante 2ème
 * étage ne répond plus" share 3 of 5 words (0.6), "VPN disconnects every morning" and "VPN keeps
 * disconnecting" 2 of 3 (0.67), while "VPN disconnects every morning" and "Outlook disconnects
 * every morning" share only 2 of 4 (0.5).
 * <p>
 * {@link #groups} never compares all pairs. Titles with the same words are one; the others are
 * compared only when they share one of their rarest words, which is enough for an exact answer
 * (prefix filtering, Bayardo et al., "Scaling up all pairs similarity search", 2007): with
 * threshold t, two word sets x and y (|y| ≤ |x|) can only be similar if |y| ≥ t·|x| and if they
 * share one of the |x| − ⌈t·|x|⌉ + 1 rarest words of x; pairs already linked through others are
 * not compared again.
 */
@Component
public class TokenSetSimilarity implements TextSimilarity {

	/** The threshold when none is configured. */
	public static final double DEFAULT_THRESHOLD = 0.6;

	private static final double EPSILON = 1e-9;

	private final double threshold;

	/**
	 * @param threshold the Jaccard index from which two titles are similar, above 0 and at most 1
	 * @throws IllegalArgumentException for a threshold outside (0, 1]
	 */
	public TokenSetSimilarity(@Value("${guichet.kpis.recurring.title-similarity:" + DEFAULT_THRESHOLD + "}") double threshold) {
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
		Set<String> x = TitleWords.stems(first);
		Set<String> y = TitleWords.stems(second);
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
		UnionFind linked = join(signatures.words);
		int[] groups = new int[texts.size()];
		int[] firstTextOfRoot = new int[signatures.words.length];
		Arrays.fill(firstTextOfRoot, -1);
		for (int i = 0; i < groups.length; i++) {
			int signature = signatures.ofText[i];
			if (signature < 0) {
				groups[i] = i;
				continue;
			}
			int root = linked.find(signature);
			if (firstTextOfRoot[root] < 0) {
				firstTextOfRoot[root] = i;
			}
			groups[i] = firstTextOfRoot[root];
		}
		return groups;
	}

	/**
	 * Links the similar word sets, each an ascending array of word ranks (rarest word first).
	 */
	private UnionFind join(int[][] sets) {
		int count = sets.length;
		UnionFind linked = new UnionFind(count);
		Integer[] bySize = IntStream.range(0, count).boxed().toArray(Integer[]::new);
		Arrays.sort(bySize, Comparator.comparingInt(s -> sets[s].length));
		int words = Arrays.stream(sets).mapToInt(set -> set.length == 0 ? 0 : set[set.length - 1] + 1).max().orElse(0);
		int[][] postings = new int[words][];
		int[] postingSizes = new int[words];
		int[] lastProbe = new int[count];
		Arrays.fill(lastProbe, -1);
		for (int s : bySize) {
			int[] x = sets[s];
			int minSize = (int) Math.ceil(threshold * x.length - EPSILON);
			int prefix = x.length - minSize + 1;
			for (int k = 0; k < prefix; k++) {
				int word = x[k];
				int[] posting = postings[word];
				for (int j = postingSizes[word] - 1; j >= 0; j--) {
					int y = posting[j];
					if (sets[y].length < minSize) {
						break;
					}
					if (lastProbe[y] == s || linked.joined(s, y)) {
						continue;
					}
					lastProbe[y] = s;
					if (reaches(x, sets[y])) {
						linked.union(s, y);
					}
				}
			}
			for (int k = 0; k < prefix; k++) {
				int word = x[k];
				if (postings[word] == null) {
					postings[word] = new int[4];
				}
				else if (postingSizes[word] == postings[word].length) {
					postings[word] = Arrays.copyOf(postings[word], postings[word].length * 2);
				}
				postings[word][postingSizes[word]++] = s;
			}
		}
		return linked;
	}

	/** Whether two ascending arrays of words share enough of them to reach the threshold. */
	private boolean reaches(int[] x, int[] y) {
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
		return shared >= threshold * (x.length + y.length - shared) - EPSILON;
	}

	/**
	 * The distinct word sets of the texts, each an ascending array of word ranks where rank 0 is
	 * the word in the fewest sets; {@code ofText[i]} is text i's set, -1 when it has no word.
	 */
	private record Signatures(int[][] words, int[] ofText) {

		static Signatures of(List<String> texts) {
			Map<String, Integer> wordIds = new HashMap<>();
			Map<Key, Integer> distinct = new HashMap<>();
			int[] ofText = new int[texts.size()];
			for (int i = 0; i < ofText.length; i++) {
				Set<String> stems = TitleWords.stems(texts.get(i));
				if (stems.isEmpty()) {
					ofText[i] = -1;
					continue;
				}
				int[] ids = stems.stream().mapToInt(stem -> wordIds.computeIfAbsent(stem, w -> wordIds.size())).sorted().toArray();
				ofText[i] = distinct.computeIfAbsent(new Key(ids), key -> distinct.size());
			}
			int[][] sets = new int[distinct.size()][];
			distinct.forEach((key, index) -> sets[index] = key.ids());
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
			return new Signatures(sets, ofText);
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
