package org.guichet.knowledge;

/**
 * How an article's readers answered "Was this helpful?".
 *
 * @param helpful how many said yes
 * @param unhelpful how many said no
 */
public record FeedbackSummary(long helpful, long unhelpful) {

	/** Below this many answers, no article is said poorly rated: one unhappy reader is not a verdict. */
	public static final int POOR_MIN_ANSWERS = 3;

	public long total() {
		return helpful + unhelpful;
	}

	/** Whether readers found it poor: at least {@value #POOR_MIN_ANSWERS} answers, fewer than half of them yes. */
	public boolean isPoor() {
		return total() >= POOR_MIN_ANSWERS && 2 * helpful < total();
	}

	/** The share of yes in percent, rounded down; 0 without any answer. */
	public int helpfulPercent() {
		return total() == 0 ? 0 : (int) (100 * helpful / total());
	}

}
