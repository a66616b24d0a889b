package org.guichet.testing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.Collectors;

import com.deque.html.axecore.args.AxeRunOnlyOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.Check;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core (Deque) on the page a browser test shows and refuses any serious or critical
 * violation of WCAG 2.1 levels A and AA, or of axe's best practices (landmarks, one main
 * heading…). Moderate and minor findings are not refused. A text too short for axe to call it one
 * (a count in a badge: "3") whose contrast axe measured below the level is refused too: axe only
 * lists it as to be reviewed ("incomplete").
 */
public final class AccessibilityCheck {

	private static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");

	private static final Set<String> REFUSED_IMPACTS = Set.of("serious", "critical");

	private AccessibilityCheck() {
	}

	/**
	 * Checks the page the browser shows now.
	 * @throws AssertionError listing every refused violation: rule, impact, help URL, and the
	 * CSS target, HTML and reason of each element at fault
	 */
	public static void assertAccessible(WebDriver browser) {
		List<String> violations = violations(browser);
		if (!violations.isEmpty()) {
			throw new AssertionError(String.join("\n", violations));
		}
	}

	/**
	 * The serious and critical violations of the page the browser shows now, one readable text
	 * each (page URL, rule, impact, help URL, then every element at fault); empty when none.
	 */
	public static List<String> violations(WebDriver browser) {
		AxeRunOnlyOptions only = new AxeRunOnlyOptions();
		only.setType("tag");
		only.setValues(TAGS);
		AxeRunOptions options = new AxeRunOptions();
		options.setRunOnly(only);
		// Passes and inapplicable rules are not sent back: most of the time of a check went into them.
		options.setResultTypes(List.of("violations", "incomplete"));
		Results results = axe().withOptions(options).analyze(browser);
		if (results.isErrored()) {
			throw new AssertionError("axe-core failed on " + browser.getCurrentUrl() + ": " + results.getErrorMessage());
		}
		Stream<String> violations = results.getViolations()
			.stream()
			.filter(rule -> REFUSED_IMPACTS.contains(rule.getImpact()))
			.map(rule -> describe(browser.getCurrentUrl(), rule));
		Stream<String> shortTexts = results.getIncomplete()
			.stream()
			.filter(rule -> rule.getId().equals("color-contrast"))
			.flatMap(rule -> rule.getNodes()
				.stream()
				.filter(node -> node.getAny().stream().anyMatch(AccessibilityCheck::shortTextBelowTheLevel))
				.map(node -> "%s: [serious] color-contrast of a short text %s (%s)%n%s".formatted(browser.getCurrentUrl(),
						node.getAny().get(0).getData(), rule.getHelpUrl(), describe(node))));
		return Stream.concat(violations, shortTexts).toList();
	}

	/**
	 * axe run in the page itself ({@code axe.run}): the pages checked hold no frame, and the default
	 * mode ({@code axe.runPartial}) opened a blank tab for each check, where it sent back the whole
	 * partial results of the page to finish there, which took most of the check's time.
	 */
	@SuppressWarnings("deprecation")
	private static AxeBuilder axe() {
		return new AxeBuilder().setLegacyMode(true);
	}

	/**
	 * A check of a text axe found too short to judge, whose measured contrast is below the one
	 * expected; 0 is axe's "not measured" (an SVG text, a background it could not tell).
	 */
	private static boolean shortTextBelowTheLevel(Check check) {
		if (!(check.getData() instanceof Map<?, ?> data) || !"shortTextContent".equals(data.get("messageKey"))
				|| !(data.get("contrastRatio") instanceof Number measured) || data.get("expectedContrastRatio") == null) {
			return false;
		}
		double expected = Double.parseDouble(String.valueOf(data.get("expectedContrastRatio")).replace(":1", ""));
		return measured.doubleValue() > 0 && measured.doubleValue() < expected;
	}

	private static String describe(String url, Rule rule) {
		String nodes = rule.getNodes().stream().map(AccessibilityCheck::describe).collect(Collectors.joining("\n"));
		return "%s: [%s] %s (%s) %s%n%s".formatted(url, rule.getImpact(), rule.getId(), rule.getHelp(),
				rule.getHelpUrl(), nodes);
	}

	private static String describe(CheckedNode node) {
		return "    at %s %s%n      %s".formatted(node.getTarget(), abbreviated(node.getHtml()),
				String.valueOf(node.getFailureSummary()).replace("\n", "\n      "));
	}

	private static String abbreviated(String html) {
		String line = html.replaceAll("\\s+", " ");
		return line.length() > 160 ? line.substring(0, 157) + "..." : line;
	}

}
