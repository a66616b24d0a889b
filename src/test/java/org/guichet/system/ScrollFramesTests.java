package org.guichet.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every frame of a template that scrolls its content (a chart, a diagram, a wide table: an
 * element whose inline style, or a class of the template's own style sheet, sets
 * {@code overflow: auto|scroll}) can be reached and scrolled with the keyboard and is named for
 * screen readers: {@code tabindex="0"}, {@code role="region"} and an {@code aria-label}. Its
 * content may hold no link (a chart seen by a supervisor), so the frame itself must take the
 * focus (WCAG 2.1.1; axe's rule scrollable-region-focusable).
 */
class ScrollFramesTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Pattern SCROLLING = Pattern.compile("overflow(?:-[xy])?\\s*:\\s*(?:auto|scroll)");

	private static final Pattern STYLE_RULE = Pattern.compile("([^{}]+)\\{([^}]*)}");

	private static final Pattern CLASS_SELECTOR = Pattern.compile("\\.([\\w-]+)\\s*$");

	private static final Pattern START_TAG = Pattern.compile("<(div|section|figure|pre)\\b([^>]*)>", Pattern.DOTALL);

	private static final Pattern STYLE_BLOCK = Pattern.compile("<style[^>]*>(.*?)</style>", Pattern.DOTALL);

	@Test
	void everyScrollingFrameTakesTheKeyboardFocusAndHasAName() throws IOException {
		List<String> unreachable = new ArrayList<>();
		int frames = 0;
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path template : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
				String html = Files.readString(template);
				Set<String> scrollingClasses = scrollingClasses(html);
				Matcher tag = START_TAG.matcher(html);
				while (tag.find()) {
					String attributes = tag.group(2);
					if (!scrolls(attributes, scrollingClasses)) {
						continue;
					}
					frames++;
					boolean reachable = attributes.contains("tabindex=\"0\"") && attributes.contains("role=\"region\"")
							&& (attributes.contains("aria-label") || attributes.contains("aria-labelledby"));
					if (!reachable) {
						unreachable.add(TEMPLATES.relativize(template) + ": " + tag.group().replaceAll("\\s+", " "));
					}
				}
			}
		}
		assertThat(frames).as("scrolling frames found (the chart, the topology…)").isGreaterThanOrEqualTo(3);
		assertThat(unreachable).as("frames the keyboard cannot scroll").isEmpty();
	}

	private static boolean scrolls(String attributes, Set<String> scrollingClasses) {
		Matcher style = Pattern.compile("\\sstyle=\"([^\"]*)\"").matcher(attributes);
		if (style.find() && SCROLLING.matcher(style.group(1)).find()) {
			return true;
		}
		Matcher classes = Pattern.compile("\\sclass=\"([^\"]*)\"").matcher(attributes);
		return classes.find() && Stream.of(classes.group(1).split("\\s+")).anyMatch(scrollingClasses::contains);
	}

	/** The classes that the template's own {@code <style>} blocks make scroll (print rules aside). */
	private static Set<String> scrollingClasses(String html) {
		Set<String> classes = new HashSet<>();
		Matcher block = STYLE_BLOCK.matcher(html);
		while (block.find()) {
			Matcher rule = STYLE_RULE.matcher(block.group(1).replaceAll("@media[^{]*\\{", ""));
			while (rule.find()) {
				if (!SCROLLING.matcher(rule.group(2)).find()) {
					continue;
				}
				for (String selector : rule.group(1).split(",")) {
					Matcher name = CLASS_SELECTOR.matcher(selector.strip());
					if (name.find()) {
						classes.add(name.group(1));
					}
				}
			}
		}
		return classes;
	}

}
