package org.guichet.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documents drawn from a template with their own style sheet (a ticket's dossier, the tool's
 * page, the service review: HTML in the browser and PDF) can be read: every text colour of their
 * {@code <style>} reaches WCAG 2.1 AA (4.5:1) on its rule's background, else on the page's white.
 * The captions and "nothing recorded" lines were 4.34:1, a met deadline's green 2.7:1.
 */
class DocumentColoursTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Pattern STYLE_BLOCK = Pattern.compile("<style[^>]*>(.*?)</style>", Pattern.DOTALL);

	private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^{}]*)}");

	private static final Pattern BACKGROUND = Pattern.compile("background(?:-color)?:\\s*(#[0-9a-fA-F]{6})\\b");

	private static final Pattern COLOUR = Pattern.compile("(?<![-\\w])color:\\s*(#[0-9a-fA-F]{6})\\b");

	@Test
	void everyTextColourOfTheDocumentsReachesTheContrastOfWcagAa() throws IOException {
		List<String> unreadable = new ArrayList<>();
		int colours = 0;
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path template : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
				Matcher style = STYLE_BLOCK.matcher(Files.readString(template));
				while (style.find()) {
					Matcher rule = RULE.matcher(style.group(1).replaceAll("/\\*.*?\\*/", ""));
					while (rule.find()) {
						Matcher colour = COLOUR.matcher(rule.group(2));
						if (!colour.find()) {
							continue;
						}
						colours++;
						Matcher background = BACKGROUND.matcher(rule.group(2));
						String on = background.find() ? background.group(1) : "#ffffff";
						double contrast = contrast(colour.group(1), on);
						if (contrast < 4.5) {
							unreadable.add("%s: %s %s on %s = %.2f:1".formatted(TEMPLATES.relativize(template),
									rule.group(1).strip(), colour.group(1), on, contrast));
						}
					}
				}
			}
		}
		assertThat(colours).as("text colours found").isGreaterThan(10);
		assertThat(unreadable).isEmpty();
	}

	private static double contrast(String a, String b) {
		double la = luminance(a);
		double lb = luminance(b);
		return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
	}

	private static double luminance(String hex) {
		double[] rgb = new double[3];
		for (int i = 0; i < 3; i++) {
			double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
			rgb[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
		}
		return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
	}

}
