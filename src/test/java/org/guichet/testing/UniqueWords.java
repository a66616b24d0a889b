package org.guichet.testing;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Words that no other test, nor the demo, writes, for tests that search the index for what they
 * wrote themselves: ten random letters after the given start, then {@code q}, so that the analysis
 * (stemming cuts French and English endings, digits split a word) keeps the word whole and distinct.
 * A suffix made of a clock's digits with some letters removed was once empty, and the test found the
 * articles of other tests.
 */
public final class UniqueWords {

	private UniqueWords() {
	}

	/**
	 * @param start lower-case letters the word begins with, for a reader of the test; may be empty
	 * @return {@code start}, ten random letters {@code a}–{@code z}, then {@code q}
	 */
	public static String word(String start) {
		StringBuilder word = new StringBuilder(start);
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int i = 0; i < 10; i++) {
			word.append((char) ('a' + random.nextInt(26)));
		}
		return word.append('q').toString();
	}

}
