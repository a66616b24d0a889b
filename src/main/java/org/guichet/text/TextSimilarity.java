package org.guichet.text;

import java.util.List;

/**
 * Whether two short texts (ticket titles) say nearly the same thing: the one measure of Guichet
 * for near-identical titles, asked by the KPIs' recurring incidents and by the assistant's likely
 * duplicates (so a pair the one calls near-identical, the other does too). Today's engine compares
 * normalised words ({@link TokenSetSimilarity}).
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
	 * The texts gathered around representatives: each text is either a representative or
	 * {@link #similar} to the representative of its group. Never by chains: two texts of a group
	 * are each similar to its representative, not necessarily to each other, and a text similar
	 * only to a member of a group does not join it.
	 *
	 * @param texts any number, in any order (on a tie, the engine may prefer the earlier ones); not
	 * changed
	 * @return for each text, at the same index, the index of its group's representative (its own
	 * index when it is one, and when it is similar to none): {@code groups[i] == groups[j]} if and
	 * only if texts {@code i} and {@code j} are in one group
	 */
	int[] groups(List<String> texts);

}
