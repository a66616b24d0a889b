package org.guichet.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The icons the templates and scripts name are Bootstrap Icons that the served font has: an icon
 * of another set (Tabler's {@code ti ti-…}, which Guichet does not serve) or a misspelt name draws
 * nothing, and a button shows a gap where its icon should be (the single sign-on button did).
 */
class IconClassesTests {

	private static final Pattern ICON = Pattern.compile("[\"' ]bi-([a-z0-9-]+)");

	private static final Pattern OTHER_SET = Pattern.compile("[\"' ](ti|fa|fas|far|material-icons) (ti|fa)-[a-z0-9-]+");

	@Test
	void everyIconNamedIsOneTheServedFontDraws() throws IOException {
		Set<String> drawn = servedIcons();
		assertThat(drawn).as("the served Bootstrap Icons").hasSizeGreaterThan(1000);
		Set<String> missing = new TreeSet<>();
		Set<String> otherSets = new TreeSet<>();
		for (Path file : sources()) {
			String text = Files.readString(file);
			Matcher icon = ICON.matcher(text);
			while (icon.find()) {
				if (!drawn.contains(icon.group(1))) {
					missing.add(file.getFileName() + ": bi-" + icon.group(1));
				}
			}
			Matcher other = OTHER_SET.matcher(text);
			while (other.find()) {
				otherSets.add(file.getFileName() + ":" + other.group().strip());
			}
		}
		assertThat(otherSets).as("icons of a set Guichet does not serve").isEmpty();
		assertThat(missing).as("icons the served font does not have").isEmpty();
	}

	private static Set<String> servedIcons() throws IOException {
		Resource[] css = new PathMatchingResourcePatternResolver()
			.getResources("classpath*:META-INF/resources/webjars/bootstrap-icons/*/font/bootstrap-icons.css");
		assertThat(css).as("the Bootstrap Icons WebJar").hasSize(1);
		Matcher defined = Pattern.compile("\\.bi-([a-z0-9-]+)::before")
			.matcher(css[0].getContentAsString(StandardCharsets.UTF_8));
		Set<String> names = new HashSet<>();
		while (defined.find()) {
			names.add(defined.group(1));
		}
		return names;
	}

	private static Set<Path> sources() throws IOException {
		Set<Path> files = new TreeSet<>();
		for (String folder : new String[] { "src/main/resources/templates", "src/main/resources/static/js" }) {
			try (Stream<Path> walk = Files.walk(Path.of(folder))) {
				walk.filter(f -> f.toString().endsWith(".html") || f.toString().endsWith(".js")).forEach(files::add);
			}
		}
		return files;
	}

}
