package org.guichet.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads the forms of a page's HTML, for tests that post them without a browser. */
public final class HtmlForms {

	private static final Pattern HIDDEN_INPUT = Pattern.compile("<input(?=[^>]*type=\"hidden\")[^>]*>");

	private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");

	private static final Pattern VALUE = Pattern.compile("\\bvalue=\"([^\"]*)\"");

	private HtmlForms() {
	}

	/**
	 * The hidden fields (CSRF, one-time form token…) of the first form of the page that posts to
	 * {@code action}, by name in the page's order; fails the test when no form posts there.
	 */
	public static Map<String, String> hiddenFields(String html, String action) {
		Matcher form = Pattern.compile("<form[^>]*\\baction=\"" + Pattern.quote(action) + "\"[^>]*>").matcher(html);
		assertThat(form.find()).as("a form posting to %s", action).isTrue();
		String body = html.substring(form.end(), html.indexOf("</form>", form.end()));
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher input = HIDDEN_INPUT.matcher(body);
		while (input.find()) {
			Matcher name = NAME.matcher(input.group());
			Matcher value = VALUE.matcher(input.group());
			if (name.find()) {
				fields.put(name.group(1), value.find() ? value.group(1) : "");
			}
		}
		return fields;
	}

}
