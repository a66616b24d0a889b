package org.guichet.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A field every template shows in error says so to assistive technology: it is marked by
 * {@code g:invalid} ({@link InvalidFieldDialect}), or by hand with both {@code aria-invalid} and
 * {@code aria-describedby}, never by the class {@code is-invalid} alone; and every error text of a
 * field has an id the field can name.
 */
class InvalidFieldTemplatesTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	@Test
	void everyFieldShownInErrorSaysSoAndNamesItsError() throws IOException {
		List<String> unmarked = new ArrayList<>();
		List<String> unnamedErrors = new ArrayList<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path template : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
				for (Element element : Jsoup.parse(Files.readString(template)).getAllElements()) {
					String where = TEMPLATES.relativize(template) + ": " + shortly(element);
					if (givenIsInvalid(element) && !(sets(element, "aria-invalid") && sets(element, "aria-describedby"))) {
						unmarked.add(where);
					}
					if (showsFieldError(element) && !sets(element, "id")) {
						unnamedErrors.add(where);
					}
				}
			}
		}
		assertThat(unmarked).as("fields given is-invalid without aria-invalid and aria-describedby: use g:invalid").isEmpty();
		assertThat(unnamedErrors).as("error texts without an id, which no field can name in aria-describedby").isEmpty();
	}

	private static boolean givenIsInvalid(Element element) {
		return element.hasAttr("th:errorclass")
			|| element.attributes().asList().stream().anyMatch(attribute -> attribute.getValue().contains("is-invalid"));
	}

	/** An error of the whole form (th:errors="*{global}") or in an alert is read out by itself, not through a field. */
	private static boolean showsFieldError(Element element) {
		return (element.hasAttr("th:errors") || element.hasClass("invalid-feedback"))
			&& !element.attr("th:errors").equals("*{global}") && !element.attr("role").equals("alert");
	}

	/** Whether the element has the attribute, written as it is, by th:name or in th:attr. */
	private static boolean sets(Element element, String name) {
		return element.hasAttr(name) || element.hasAttr("th:" + name)
			|| element.attr("th:attr").matches("(?s)(.*[,\\s])?" + name + "\\s*=.*");
	}

	private static String shortly(Element element) {
		String tag = element.outerHtml();
		return tag.substring(0, Math.min(tag.indexOf('>') + 1, 160));
	}

}
