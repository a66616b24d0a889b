package org.guichet.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core (Deque) on the page a browser test shows and refuses any serious or critical
 * violation of WCAG 2.1 levels A and AA, or of axe's best practices (landmarks, one main
 * heading…). Moderate and minor findings are not refused. A text too short for axe to call it one
 * (a count in a badge: "3") whose contrast axe measured below the level is refused too: axe only
 * lists it as to be reviewed ("incomplete").
 * <p>
 * axe runs in the page itself ({@code axe.run}), loaded once per document from the test server
 * ({@link AxeScriptRoute}, or given by WebDriver where the page cannot load it), and sends back
 * only what may be refused: the violations and the contrasts to review, each element at fault with
 * its CSS target, HTML, reason and the data of its checks. A page holding a frame is refused as
 * not checked: axe would have to be given to each frame too, and the pages checked hold none.
 */
public final class AccessibilityCheck {

	private static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");

	private static final List<String> REFUSED_IMPACTS = List.of("serious", "critical");

	private static final String AXE = axeScript();

	/**
	 * Runs axe on the document with the rules of {@link #TAGS}, and gives back the serious or critical
	 * violations and the contrasts to review. When axe is not in the document, loads it first from
	 * the address given ({@link AxeScriptRoute}); gives back {@code "absent"} when there is none or
	 * the page could not load it (a page of another server, one whose policy forbids it).
	 */
	private static final String RUN = """
			var tags = arguments[0], refused = arguments[1], source = arguments[2], done = arguments[arguments.length - 1];
			function nodes(rule) {
			  return rule.nodes.map(function (node) {
			    return { target: node.target, html: node.html, failureSummary: node.failureSummary,
			      any: node.any.map(function (check) { return check.data; }) };
			  });
			}
			function check() {
			  if (document.querySelector('iframe, frame')) {
			    done({ error: 'the page holds a frame, which this check does not look into' });
			    return;
			  }
			  axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'incomplete'],
			      iframes: false })
			    .then(function (results) {
			      done({
			        violations: results.violations.filter(function (rule) { return refused.indexOf(rule.impact) >= 0; })
			          .map(function (rule) {
			            return { id: rule.id, impact: rule.impact, help: rule.help, helpUrl: rule.helpUrl, nodes: nodes(rule) };
			          }),
			        contrastsToReview: results.incomplete.filter(function (rule) { return rule.id === 'color-contrast'; })
			          .map(function (rule) { return { helpUrl: rule.helpUrl, nodes: nodes(rule) }; })
			      });
			    }, function (error) { done({ error: String(error) }); });
			}
			if (typeof window.axe !== 'undefined') { check(); return; }
			if (!source) { done('absent'); return; }
			var script = document.createElement('script');
			script.src = source;
			script.onload = function () { script.remove(); check(); };
			script.onerror = function () { script.remove(); done('absent'); };
			(document.head || document.documentElement).appendChild(script);""";

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
	 * @throws AssertionError when axe could not check the page (an error of axe, a frame)
	 */
	@SuppressWarnings("unchecked")
	public static List<String> violations(WebDriver browser) {
		JavascriptExecutor page = (JavascriptExecutor) browser;
		Object answer = page.executeAsyncScript(RUN, TAGS, REFUSED_IMPACTS, AxeScriptRoute.PATH);
		if ("absent".equals(answer)) {
			page.executeScript(AXE);
			answer = page.executeAsyncScript(RUN, TAGS, REFUSED_IMPACTS, null);
		}
		Map<String, Object> results = (Map<String, Object>) answer;
		String url = browser.getCurrentUrl();
		if (results.get("error") != null) {
			throw new AssertionError("axe-core could not check " + url + ": " + results.get("error"));
		}
		Stream<String> violations = ((List<Map<String, Object>>) results.get("violations")).stream()
			.map(rule -> "%s: [%s] %s (%s) %s%n%s".formatted(url, rule.get("impact"), rule.get("id"), rule.get("help"),
					rule.get("helpUrl"), nodes(rule).map(AccessibilityCheck::describe).collect(Collectors.joining("\n"))));
		Stream<String> shortTexts = ((List<Map<String, Object>>) results.get("contrastsToReview")).stream()
			.flatMap(rule -> nodes(rule)
				.filter(node -> checks(node).stream().anyMatch(AccessibilityCheck::shortTextBelowTheLevel))
				.map(node -> "%s: [serious] color-contrast of a short text %s (%s)%n%s".formatted(url,
						checks(node).get(0), rule.get("helpUrl"), describe(node))));
		return Stream.concat(violations, shortTexts).toList();
	}

	@SuppressWarnings("unchecked")
	private static Stream<Map<String, Object>> nodes(Map<String, Object> rule) {
		return ((List<Map<String, Object>>) rule.get("nodes")).stream();
	}

	/** The data of the node's checks of which any one passing would do ({@code any} in axe). */
	@SuppressWarnings("unchecked")
	private static List<Object> checks(Map<String, Object> node) {
		return (List<Object>) node.get("any");
	}

	/**
	 * Whether a check's data is of a text axe found too short to judge, whose measured contrast is
	 * below the one expected; 0 is axe's "not measured" (an SVG text, a background it could not tell).
	 */
	private static boolean shortTextBelowTheLevel(Object check) {
		if (!(check instanceof Map<?, ?> data) || !"shortTextContent".equals(data.get("messageKey"))
				|| !(data.get("contrastRatio") instanceof Number measured) || data.get("expectedContrastRatio") == null) {
			return false;
		}
		double expected = Double.parseDouble(String.valueOf(data.get("expectedContrastRatio")).replace(":1", ""));
		return measured.doubleValue() > 0 && measured.doubleValue() < expected;
	}

	private static String describe(Map<String, Object> node) {
		return "    at %s %s%n      %s".formatted(node.get("target"), abbreviated(String.valueOf(node.get("html"))),
				String.valueOf(node.get("failureSummary")).replace("\n", "\n      "));
	}

	private static String abbreviated(String html) {
		String line = html.replaceAll("\\s+", " ");
		return line.length() > 160 ? line.substring(0, 157) + "..." : line;
	}

	/** axe-core's script, as the axe-core Selenium library ships it ({@code axe.min.js}). */
	static String axeScript() {
		try (InputStream script = AccessibilityCheck.class.getResourceAsStream("/axe.min.js")) {
			if (script == null) {
				throw new IllegalStateException("axe.min.js is not on the class path (com.deque.html.axe-core:selenium)");
			}
			return new String(script.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
