package org.guichet.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.guichet.text.ImageSource;
import org.guichet.text.RichText;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * The steps of a diagnosis procedure: the items of the lists of its Markdown text (bulleted,
 * numbered or task items {@code - [ ]}), as a reader sees them — marks removed, the task box
 * dropped, a sub-list's items left to their item's reading (they detail a step, not new ones).
 * Lists in code blocks are no steps. A step is at most {@link #MAX_LENGTH} characters (cut with
 * an ellipsis); the same text twice is one step.
 */
public final class DiagnosisSteps {

	/** The longest step kept, in characters. */
	public static final int MAX_LENGTH = 500;

	private static final RichText RENDERER = new RichText();

	private static final Pattern TASK_BOX = Pattern.compile("^\\[[ xX]\\]\\s*");

	private DiagnosisSteps() {
	}

	/** The steps of the text, in order; empty when it has no list. */
	public static List<String> of(String markdown) {
		String html = RENDERER.html(markdown, ImageSource.NONE);
		Set<String> steps = new LinkedHashSet<>();
		for (Element item : Jsoup.parseBodyFragment(html).select("li")) {
			if (item.parents().stream().anyMatch(parent -> parent.nameIs("li"))) {
				continue;
			}
			Element own = item.clone();
			own.select("ul, ol").remove();
			own.select("input").remove();
			String text = TASK_BOX.matcher(own.text().strip()).replaceFirst("").strip();
			if (!text.isEmpty()) {
				steps.add(text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH - 1) + "…" : text);
			}
		}
		return List.copyOf(new ArrayList<>(steps));
	}

}
