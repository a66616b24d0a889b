package org.guichet.assist;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The terms a triage model knows and their weights (TF-IDF), learnt from its training texts: word
 * n-grams ({@code w:} names) and character n-grams inside each word, padded with a space at both
 * ends ({@code c:} names), each kept when at least {@code minDocuments} training texts hold it.
 * A text's vector weighs each term it holds by {@code (1 + ln tf) × idf}, with
 * {@code idf = 1 + ln((1 + n) / (1 + df))}, and is scaled to unit length block by block (words,
 * characters), so that a long text and a short one weigh alike. Immutable once built; thread-safe.
 */
final class TermWeights {

	/**
	 * How a text is cut into terms; the ranges are inclusive, a maximum of 0 leaves the block out
	 * (one block at least).
	 */
	record Shape(int maxWordGram, int minCharGram, int maxCharGram, int minDocuments) {

		Shape {
			if (maxWordGram < 0 || maxWordGram == 0 && maxCharGram <= 0 || minDocuments < 1 || (maxCharGram > 0 && minCharGram < 1) || minCharGram > maxCharGram
					&& maxCharGram > 0) {
				throw new IllegalArgumentException("Invalid term shape " + maxWordGram + "/" + minCharGram + "-"
						+ maxCharGram + "/" + minDocuments);
			}
		}

	}

	/** One text's sparse vector: the known terms' canonical names (sorted) and their weights. */
	record Vector(String[] names, double[] values) {

		boolean isEmpty() {
			return names.length == 0;
		}

	}

	private final Shape shape;

	private final Map<String, Term> terms;

	private record Term(String name, double idf) {
	}

	private TermWeights(Shape shape, Map<String, Term> terms) {
		this.shape = shape;
		this.terms = terms;
	}

	/**
	 * Learns the terms from the training texts.
	 *
	 * @param texts the training texts, not null (may be empty: then no term is known)
	 * @param shape how to cut them
	 */
	static TermWeights learn(List<String> texts, Shape shape) {
		Map<String, int[]> documents = new HashMap<>();
		for (String text : texts) {
			for (String key : counts(text, shape).keySet()) {
				documents.computeIfAbsent(key, k -> new int[1])[0]++;
			}
		}
		double n = texts.size();
		Map<String, Term> terms = new HashMap<>();
		documents.forEach((key, df) -> {
			if (df[0] >= shape.minDocuments()) {
				terms.put(key, new Term(key, 1 + Math.log((1 + n) / (1 + df[0]))));
			}
		});
		return new TermWeights(shape, terms);
	}

	/** Builds the weights back from what {@link #idfs()} gave. */
	static TermWeights of(Shape shape, Map<String, Double> idfs) {
		Map<String, Term> terms = new HashMap<>(idfs.size() * 2);
		idfs.forEach((key, idf) -> terms.put(key, new Term(key, idf)));
		return new TermWeights(shape, terms);
	}

	Shape shape() {
		return shape;
	}

	/** Each known term's inverse document frequency, by name. */
	Map<String, Double> idfs() {
		Map<String, Double> idfs = new HashMap<>(terms.size() * 2);
		terms.forEach((key, term) -> idfs.put(key, term.idf()));
		return idfs;
	}

	int size() {
		return terms.size();
	}

	/**
	 * The text's vector over the known terms; terms never seen in training are left out.
	 *
	 * @param text any text, not null
	 * @return the vector, empty when the text holds no known term
	 */
	Vector vector(String text) {
		Map<String, int[]> counts = counts(text, shape);
		List<Term> known = new ArrayList<>(counts.size());
		for (String key : counts.keySet()) {
			Term term = terms.get(key);
			if (term != null) {
				known.add(term);
			}
		}
		known.sort((a, b) -> a.name().compareTo(b.name()));
		String[] names = new String[known.size()];
		double[] values = new double[known.size()];
		double wordNorm = 0;
		double charNorm = 0;
		for (int i = 0; i < names.length; i++) {
			Term term = known.get(i);
			names[i] = term.name();
			values[i] = (1 + Math.log(counts.get(term.name())[0])) * term.idf();
			if (isWord(names[i])) {
				wordNorm += values[i] * values[i];
			}
			else {
				charNorm += values[i] * values[i];
			}
		}
		double wordScale = wordNorm == 0 ? 0 : 1 / Math.sqrt(wordNorm);
		double charScale = charNorm == 0 ? 0 : 1 / Math.sqrt(charNorm);
		for (int i = 0; i < names.length; i++) {
			values[i] *= isWord(names[i]) ? wordScale : charScale;
		}
		return new Vector(names, values);
	}

	private static boolean isWord(String name) {
		return name.charAt(0) == 'w';
	}

	private static Map<String, int[]> counts(String text, Shape shape) {
		List<String> words = TextTerms.words(text);
		Map<String, int[]> counts = new HashMap<>();
		for (int i = 0; i < words.size(); i++) {
			StringBuilder gram = new StringBuilder("w:");
			for (int n = 0; n < shape.maxWordGram() && i + n < words.size(); n++) {
				if (n > 0) {
					gram.append(' ');
				}
				gram.append(words.get(i + n));
				counts.computeIfAbsent(gram.toString(), k -> new int[1])[0]++;
			}
			if (shape.maxCharGram() > 0) {
				String padded = " " + words.get(i) + " ";
				for (int length = shape.minCharGram(); length <= shape.maxCharGram(); length++) {
					for (int start = 0; start + length <= padded.length(); start++) {
						counts.computeIfAbsent("c:" + padded.substring(start, start + length), k -> new int[1])[0]++;
					}
				}
			}
		}
		return counts;
	}

}
