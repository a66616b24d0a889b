package org.guichet.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every badge of guichet.css (status, priority, SLA state, requester replies, solutions) can be
 * read: its text and background reach WCAG 2.1 AA (4.5:1); and a pending ticket's status does
 * not look like a medium priority.
 */
class BadgeColoursTests {

	private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^}]*)}");

	private static final Pattern BACKGROUND = Pattern.compile("background(?:-color)?:\\s*(#[0-9a-fA-F]{6})");

	private static final Pattern COLOUR = Pattern.compile("(?<![-\\w])color:\\s*(#[0-9a-fA-F]{6}|#fff)\\b");

	@Test
	void everyBadgeReachesTheContrastOfWcagAa() throws IOException {
		Map<String, String[]> badges = badges();

		assertThat(badges).containsKeys(".badge-status-NEW", ".badge-status-PENDING", ".badge-priority-MEDIUM",
				".sla-PAUSED", ".sla-ON_TRACK", ".badge-requester-replied");
		badges.forEach((selector, colours) -> assertThat(contrast(colours[0], colours[1]))
			.as("%s: %s on %s", selector, colours[0], colours[1])
			.isGreaterThanOrEqualTo(4.5));
	}

	@Test
	void pendingAndMediumBadgesHaveDifferentColours() throws IOException {
		Map<String, String[]> badges = badges();

		assertThat(badges.get(".badge-status-PENDING")[1]).isNotEqualToIgnoringCase(badges.get(".badge-priority-MEDIUM")[1]);
	}

	/** Selector → {text colour, background} of every rule naming a badge or an SLA state. */
	private static Map<String, String[]> badges() throws IOException {
		String css = Files.readString(Path.of("src/main/resources/static/css/guichet.css")).replaceAll("/\\*.*?\\*/", "");
		Map<String, String[]> badges = new LinkedHashMap<>();
		Matcher rule = RULE.matcher(css);
		while (rule.find()) {
			Matcher background = BACKGROUND.matcher(rule.group(2));
			Matcher colour = COLOUR.matcher(rule.group(2));
			if (!background.find() || !colour.find()) {
				continue;
			}
			for (String selector : rule.group(1).split(",")) {
				String name = selector.strip();
				if (name.startsWith(".badge-") || name.startsWith(".sla-")) {
					badges.put(name, new String[] { colour.group(1), background.group(1) });
				}
			}
		}
		return badges;
	}

	private static double contrast(String a, String b) {
		double la = luminance(a);
		double lb = luminance(b);
		return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
	}

	private static double luminance(String hex) {
		String full = hex.length() == 4 ? "#" + "" + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2)
				+ hex.charAt(3) + hex.charAt(3) : hex;
		double[] rgb = new double[3];
		for (int i = 0; i < 3; i++) {
			double c = Integer.parseInt(full.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
			rgb[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
		}
		return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
	}

}
