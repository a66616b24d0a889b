package org.guichet.reporting.recurring;

import java.util.List;

/**
 * Whether two short texts (ticket titles) say nearly the same thing. The recurring incidents
 * ask it; today's engine compares normalised words ({@link TokenSetSimilarity}), the search and AI
 * work will bring better ones behind the same two methods.
 * <p>
 * An engine decides both the measure and how to find the similar texts among many without
 * comparing every pair: {@link #groups} is called on a year of incidents (hundreds of thousands of
 * titles) and must stay well under a second there.
 */
public interface TextSimilarity {

	/**
	 * How alike the two texts are: 0 nothing in common, 1 the same once normalised. Symmetric.
	 * Texts with nothing meaningful in them (empty, only stop words) are alike to nothing: 0.
	 */
	double similarity(String first, String second);

	/**
	 * Whether the two texts are near-identical: their {@link #similarity} reaches the engine's
	 * threshold.
	 */
	boolean similar(String first, String second);

	/**
	 * The texts linked by chains of {@link #similar} pairs.
	 *
	 * @param texts any number, in any order; not changed
	 * @return for each text, at the same index, the index of its group's first text (its own index
	 * when it is similar to none): {@code groups[i] == groups[j]} if and only if texts {@code i}
	 * and {@code j} are linked
	 */
	int[] groups(List<String> texts);

}
