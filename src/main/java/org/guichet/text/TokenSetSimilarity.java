package org.guichet.text;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

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
@Component
public class TokenSetSimilarity implements TextSimilarity {

	/** The threshold when none is configured. */
	public static final double DEFAULT_THRESHOLD = 0.6;

	private static final double EPSILON = 1e-9;

	/** The ints of one entry of a word's list of representatives. */
	private static final int POSTING = 3;

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
	 * <p>
	 * A representative is compared with a word set once, where their first shared word is found
	 * (the rarest: the search goes through the set's words rarest first), and only when the words
	 * after it in both can still reach the threshold (positional filtering, Xiao et al., "Efficient
	 * similarity joins for near duplicate detection", 2008); nothing is shared before that word,
	 * so the comparison goes on from it.
	 */
	private int[] lead(Signatures signatures) {
		int[][] sets = signatures.words;
		int count = sets.length;
		int[] order = takingOrder(signatures);
		int longest = 0;
		int words = 0;
		for (int[] set : sets) {
			longest = Math.max(longest, set.length);
			words = Math.max(words, set[set.length - 1] + 1);
		}
		int[] needed = sharedNeeded(2 * longest);
		int[] shortest = new int[longest + 1];
		int[] longestSimilar = new int[longest + 1];
		for (int size = 1; size <= longest; size++) {
			shortest[size] = longest + 1;
			for (int other = 1; other <= longest; other++) {
				if (other >= threshold * size - EPSILON && size >= threshold * other - EPSILON) {
					shortest[size] = Math.min(shortest[size], other);
					longestSimilar[size] = other;
				}
			}
		}
		// for each word, the representatives with it among their rarest words, by their rank (the
		// order taken): POSTING ints each, the rank, the representative's size and the word's position in it
		int[][] postings = new int[words][];
		int[] postingSizes = new int[words];
		int[] leaders = new int[count];
		int[] representatives = new int[count];
		// the last word set compared with each representative (+1), not to compare twice
		int[] comparedWith = new int[count];
		int taken = 0;
		for (int s : order) {
			int[] x = sets[s];
			int best = Integer.MAX_VALUE;
			int prefix = prefix(x.length);
			for (int k = 0; k < prefix; k++) {
				int[] posting = postings[x[k]];
				int end = postingSizes[x[k]];
				for (int j = 0; j < end && posting[j] < best; j += POSTING) {
					int candidate = posting[j];
					int size = posting[j + 1];
					int position = posting[j + 2];
					if (size < shortest[x.length] || size > longestSimilar[x.length]
							|| 1 + Math.min(x.length - k - 1, size - position - 1) < needed[x.length + size]
							|| comparedWith[candidate] == s + 1) {
						continue;
					}
					comparedWith[candidate] = s + 1;
					if (shares(x, k + 1, sets[representatives[candidate]], position + 1, needed[x.length + size])) {
						best = candidate;
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
					postings[word] = new int[4 * POSTING];
				}
				else if (postingSizes[word] == postings[word].length) {
					postings[word] = Arrays.copyOf(postings[word], postings[word].length * 2);
				}
				postings[word][postingSizes[word]++] = taken;
				postings[word][postingSizes[word]++] = x.length;
				postings[word][postingSizes[word]++] = k;
			}
			taken++;
		}
		return leaders;
	}

	/**
	 * The word sets in the order they are taken: the commonest first, then the shortest, then the
	 * first met (the sets are numbered in the order their first text comes), by two stable
	 * counting sorts.
	 */
	private static int[] takingOrder(Signatures signatures) {
		int count = signatures.words.length;
		int[] byLength = new int[count];
		int[] lengths = new int[count];
		for (int s = 0; s < count; s++) {
			lengths[s] = signatures.words[s].length;
		}
		countingSort(identity(count), lengths, false, byLength);
		int[] order = new int[count];
		countingSort(byLength, signatures.texts, true, order);
		return order;
	}

	private static int[] identity(int count) {
		int[] identity = new int[count];
		for (int i = 0; i < count; i++) {
			identity[i] = i;
		}
		return identity;
	}

	/**
	 * Stable counting sort of {@code items} (indexes into {@code keys}, non-negative keys) into
	 * {@code sorted}, by ascending key or by descending key.
	 */
	private static void countingSort(int[] items, int[] keys, boolean descending, int[] sorted) {
		int max = 0;
		for (int item : items) {
			max = Math.max(max, keys[item]);
		}
		int[] starts = new int[max + 2];
		for (int item : items) {
			starts[(descending ? max - keys[item] : keys[item]) + 1]++;
		}
		for (int k = 1; k < starts.length; k++) {
			starts[k] += starts[k - 1];
		}
		for (int item : items) {
			sorted[starts[descending ? max - keys[item] : keys[item]]++] = item;
		}
	}

	/**
	 * For each total size of two word sets (0 to {@code maxTotal}), the fewest words they must
	 * share to reach the threshold: the same comparison as {@link #similar}, made once per size
	 * (the Jaccard index grows with the words shared); more than the total when none suffices.
	 */
	private int[] sharedNeeded(int maxTotal) {
		int[] needed = new int[maxTotal + 1];
		for (int total = 0; total <= maxTotal; total++) {
			int shared = 0;
			while (shared < total && (double) shared / (total - shared) < threshold - EPSILON) {
				shared++;
			}
			needed[total] = shared < total ? shared : total + 1;
		}
		return needed;
	}

	/** How many of a set's rarest words a similar set must share one of. */
	private int prefix(int size) {
		return size - (int) Math.ceil(threshold * size - EPSILON) + 1;
	}

	/**
	 * Whether two ascending arrays of words, sharing one word just before {@code i} in x and
	 * {@code j} in y and none before, share at least {@code needed} words; stops as soon as the
	 * words left cannot make it.
	 */
	private static boolean shares(int[] x, int i, int[] y, int j, int needed) {
		int shared = 1;
		while (i < x.length && j < y.length) {
			if (shared + Math.min(x.length - i, y.length - j) < needed) {
				return false;
			}
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
		return shared >= needed;
	}

	/**
	 * The distinct word sets of the texts, each an ascending array of word ranks where rank 0 is
	 * the word in the fewest sets (then the first met); numbered in the order of their first text.
	 * {@code ofText[i]} is text i's set, -1 when it has no word; {@code texts[s]} how many texts
	 * have set s, {@code firstText[s]} the first of them.
	 */
	private record Signatures(int[][] words, int[] ofText, int[] texts, int[] firstText) {

		static Signatures of(List<String> texts) {
			WordSets distinct = new WordSets();
			Map<String, Integer> byTitle = new HashMap<>();
			int[] ofText = new int[texts.size()];
			for (int i = 0; i < ofText.length; i++) {
				String title = texts.get(i);
				Integer known = byTitle.get(title);
				if (known == null) {
					known = distinct.add(title);
					byTitle.put(title, known);
				}
				ofText[i] = known;
			}
			int[][] sets = distinct.sets();
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
			int[] frequency = new int[distinct.words()];
			for (int[] set : sets) {
				for (int id : set) {
					frequency[id]++;
				}
			}
			int[] byFrequency = new int[frequency.length];
			countingSort(identity(frequency.length), frequency, false, byFrequency);
			int[] rank = new int[frequency.length];
			for (int r = 0; r < byFrequency.length; r++) {
				rank[byFrequency[r]] = r;
			}
			for (int[] set : sets) {
				for (int k = 0; k < set.length; k++) {
					set[k] = rank[set[k]];
				}
				Arrays.sort(set);
			}
			return new Signatures(sets, ofText, textCount, firstText);
		}

	}

	/**
	 * The distinct word sets of titles, each an ascending array of word ids (numbered in the order
	 * first met), numbered in the order first met; held in an open-addressing hash table of set
	 * numbers.
	 */
	private static final class WordSets implements IntConsumer {

		private final TitleWords.Numbering wordIds = new TitleWords.Numbering();

		private int[][] sets = new int[64][];

		private int count;

		/** Set number + 1 in each slot, 0 when empty; the length a power of two, at most half full. */
		private int[] table = new int[128];

		/** The title being read: its distinct word ids so far. */
		private int[] title = new int[16];

		private int titleWords;

		@Override
		public void accept(int id) {
			for (int k = 0; k < titleWords; k++) {
				if (title[k] == id) {
					return;
				}
			}
			if (titleWords == title.length) {
				title = Arrays.copyOf(title, titleWords * 2);
			}
			title[titleWords++] = id;
		}

		/** The number of the title's word set, -1 when it has no word. */
		int add(String text) {
			titleWords = 0;
			wordIds.forEach(text, this);
			if (titleWords == 0) {
				return -1;
			}
			Arrays.sort(title, 0, titleWords);
			int mask = table.length - 1;
			int slot = hash(title, titleWords) & mask;
			while (table[slot] != 0) {
				int[] set = sets[table[slot] - 1];
				if (Arrays.equals(set, 0, set.length, title, 0, titleWords)) {
					return table[slot] - 1;
				}
				slot = (slot + 1) & mask;
			}
			if (count == sets.length) {
				sets = Arrays.copyOf(sets, count * 2);
			}
			sets[count] = Arrays.copyOf(title, titleWords);
			table[slot] = ++count;
			if (count * 2 > table.length) {
				rehash();
			}
			return count - 1;
		}

		private void rehash() {
			table = new int[table.length * 2];
			int mask = table.length - 1;
			for (int s = 0; s < count; s++) {
				int slot = hash(sets[s], sets[s].length) & mask;
				while (table[slot] != 0) {
					slot = (slot + 1) & mask;
				}
				table[slot] = s + 1;
			}
		}

		private static int hash(int[] ids, int length) {
			int hash = length;
			for (int k = 0; k < length; k++) {
				hash = Integer.rotateLeft(hash ^ ids[k] * 0x9E3779B9, 13) * 5 + 0xE6546B64;
			}
			hash ^= hash >>> 16;
			hash *= 0x85EBCA6B;
			return hash ^ hash >>> 13;
		}

		int[][] sets() {
			return Arrays.copyOf(sets, count);
		}

		int words() {
			return wordIds.size();
		}

	}

}
