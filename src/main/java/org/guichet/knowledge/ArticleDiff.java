package org.guichet.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

/**
 * The difference between two texts word by word, as a reader follows it inline: the words kept,
 * removed and added, in order (java-diff-utils, Myers' algorithm). Spaces and line breaks are
 * words of their own, so that a changed line break shows.
 */
public final class ArticleDiff {

	private static final Pattern WORDS = Pattern.compile("\\s+|[\\p{L}\\p{N}_]+|[^\\s\\p{L}\\p{N}_]");

	private ArticleDiff() {
	}

	/** What one piece of the text became. */
	public enum Change {

		KEPT, REMOVED, ADDED

	}

	/**
	 * One piece of the inline diff.
	 *
	 * @param text the words, as written (plain text: the page escapes it)
	 */
	public record Segment(Change change, String text) {
	}

	/**
	 * The segments that turn {@code before} into {@code after}: kept words, then the removed ones
	 * before the added ones at each change; neighbouring words of one change are joined into one
	 * segment.
	 */
	public static List<Segment> between(String before, String after) {
		List<String> from = words(before);
		List<String> to = words(after);
		Patch<String> patch = DiffUtils.diff(from, to);
		List<Segment> segments = new ArrayList<>();
		int position = 0;
		for (AbstractDelta<String> delta : patch.getDeltas()) {
			int start = delta.getSource().getPosition();
			add(segments, Change.KEPT, from.subList(position, start));
			add(segments, Change.REMOVED, delta.getSource().getLines());
			add(segments, Change.ADDED, delta.getTarget().getLines());
			position = start + delta.getSource().size();
		}
		add(segments, Change.KEPT, from.subList(position, from.size()));
		return segments;
	}

	/** Whether nothing changed between the two texts. */
	public static boolean same(List<Segment> segments) {
		return segments.stream().allMatch(s -> s.change() == Change.KEPT);
	}

	static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		Matcher matcher = WORDS.matcher(text);
		while (matcher.find()) {
			words.add(matcher.group());
		}
		return words;
	}

	private static void add(List<Segment> segments, Change change, List<String> words) {
		if (words.isEmpty()) {
			return;
		}
		String text = String.join("", words);
		int last = segments.size() - 1;
		if (last >= 0 && segments.get(last).change() == change) {
			segments.set(last, new Segment(change, segments.get(last).text() + text));
		}
		else {
			segments.add(new Segment(change, text));
		}
	}

}
