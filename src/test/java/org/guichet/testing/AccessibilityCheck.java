package org.guichet.testing;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.deque.html.axecore.args.AxeRunOnlyOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core (Deque) on the page a browser test shows and refuses any serious or critical
 * violation of WCAG 2.1 levels A and AA, or of axe's best practices (landmarks, one main
 * heading…). Moderate and minor findings are not refused.
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
		options.setResultTypes(List.of("violations"));
		Results results = new AxeBuilder().withOptions(options).analyze(browser);
		if (results.isErrored()) {
			throw new AssertionError("axe-core failed on " + browser.getCurrentUrl() + ": " + results.getErrorMessage());
		}
		return results.getViolations()
			.stream()
			.filter(rule -> REFUSED_IMPACTS.contains(rule.getImpact()))
			.map(rule -> describe(browser.getCurrentUrl(), rule))
			.toList();
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
