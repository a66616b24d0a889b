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
 * The templates' notes for developers are Thymeleaf parser-level comments
 * ({@code <!--/* … *}{@code /-->}), which never leave the server: a plain HTML comment would be
 * sent in every page drawn from the template, to anyone (the login page sent one).
 */
class TemplateCommentsTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Pattern HTML_COMMENT = Pattern.compile("<!--(?!/\\*)");

	@Test
	void noTemplateHoldsACommentThatWouldBeSentToTheBrowser() throws IOException {
		List<String> sent = new ArrayList<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path template : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
				String html = Files.readString(template);
				Matcher comment = HTML_COMMENT.matcher(html);
				while (comment.find()) {
					int line = (int) html.substring(0, comment.start()).chars().filter(c -> c == '\n').count() + 1;
					sent.add(TEMPLATES.relativize(template) + ":" + line);
				}
			}
		}
		assertThat(sent).as("plain HTML comments; write <!--/* … */--> instead").isEmpty();
	}

}
