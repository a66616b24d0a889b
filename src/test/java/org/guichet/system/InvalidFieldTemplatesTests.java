package org.guichet.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every template marks a field in error one way, {@code g:invalid} ({@link InvalidFieldDialect}): no
 * {@code th:errorclass}, no {@code aria-invalid} written by hand (as is, {@code th:aria-invalid} or in
 * {@code th:attr}), no class {@code is-invalid} set otherwise; and every error text of a field has an
 * id the field can name. Fields a script marks in error (static/js) are not templates and not read.
 */
class InvalidFieldTemplatesTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	@Test
	void everyFieldInErrorIsMarkedByGInvalidAndEveryErrorTextHasAnId() throws IOException {
		List<String> handMarked = new ArrayList<>();
		List<String> unnamedErrors = new ArrayList<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path template : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
				Document page = Jsoup.parse(Files.readString(template), Parser.htmlParser().setTrackPosition(true));
				for (Element element : page.getAllElements()) {
					for (Attribute attribute : element.attributes()) {
						if (marksByHand(attribute)) {
							handMarked.add(where(template, attribute.sourceRange().nameRange().start().lineNumber())
								+ attribute.html());
						}
					}
					if (showsFieldError(element) && !sets(element, "id")) {
						unnamedErrors.add(where(template, element.sourceRange().start().lineNumber()) + shortly(element));
					}
				}
			}
		}
		assertThat(handMarked).as("fields marked in error by hand: use g:invalid").isEmpty();
		assertThat(unnamedErrors).as("error texts without an id, which no field can name in aria-describedby").isEmpty();
	}

	/** th:errorclass, aria-invalid however written, or the class is-invalid given by anything but g:invalid. */
	private static boolean marksByHand(Attribute attribute) {
		String name = attribute.getKey();
		String value = attribute.getValue();
		return name.equals("th:errorclass") || name.equals("aria-invalid") || name.equals("th:aria-invalid")
			|| name.equals("th:attr") && value.matches("(?s)(.*[,\\s])?aria-invalid\\s*=.*")
			|| !name.equals("g:invalid") && value.contains("is-invalid");
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

	private static String where(Path template, int line) {
		return TEMPLATES.relativize(template) + ":" + line + ": ";
	}

	private static String shortly(Element element) {
		String tag = element.outerHtml();
		return tag.substring(0, Math.min(tag.indexOf('>') + 1, 160));
	}

}
