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
 * Every template, read as text: a page's link, form, image or htmx call never goes to
 * {@code /api/}. The API's security chain is stateless and takes only HTTP Basic or a token, so a
 * person's browser following such a link with its session gets a 401 problem instead of the file
 * (the flowchart's and the tool page's downloads did): a page serves its downloads under its own
 * path, sharing the API's controller method.
 */
class PagesCallNoApiTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Pattern API_CALL = Pattern.compile("=\\s*\"\\s*(?:@\\{)?\\s*/api/");

	@Test
	void noPageLinksToTheStatelessApiThatRefusesTheBrowsersSession() throws IOException {
		List<String> calls = new ArrayList<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path template : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
				String html = Files.readString(template);
				Matcher call = API_CALL.matcher(html);
				while (call.find()) {
					int line = (int) html.substring(0, call.start()).chars().filter(c -> c == '\n').count() + 1;
					calls.add(TEMPLATES.relativize(template) + ":" + line);
				}
			}
		}
		assertThat(calls).as("links to /api/ that a logged-in browser gets 401 for; serve them under the page's path")
			.isEmpty();
	}

}
