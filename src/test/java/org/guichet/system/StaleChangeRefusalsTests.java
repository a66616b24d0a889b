package org.guichet.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every record refuses a change made on an old version through {@link VersionMismatchException}
 * (412 on the API, with {@code currentVersion} and the {@code ETag}), never with a refusal of its
 * own: eight records once answered 409 with a {@code ConflictException} of their own while the
 * others answered 412. The sources are read for a version compared by hand or a stale conflict.
 */
class StaleChangeRefusalsTests {

	private static final Path SOURCES = Path.of("src/main/java");

	/** A version compared by hand: {@code expected != record.getVersion()} and the like. */
	private static final Pattern VERSION_COMPARED = Pattern
		.compile("(?:!=|==)\\s*[\\w.()]*getVersion\\(\\)|getVersion\\(\\)\\s*(?:!=|==)");

	private static final Pattern STALE_CONFLICT = Pattern.compile("new\\s+ConflictException\\(\\s*\"[\\w.-]*stale\"");

	/** The two places that compare versions for everyone. */
	private static final List<String> CHECKS = List.of("VersionMismatchException.java", "StaleTicketException.java");

	@Test
	void noRecordComparesItsVersionByHandOrRefusesAStaleChangeAsAConflict() throws IOException {
		try (Stream<Path> files = Files.walk(SOURCES)) {
			List<String> found = files.filter(file -> file.toString().endsWith(".java"))
				.filter(file -> !CHECKS.contains(file.getFileName().toString()))
				.flatMap(file -> offences(file).stream())
				.toList();
			assertThat(found).as("use VersionMismatchException.check, or StaleTicketException.check for a ticket")
				.isEmpty();
		}
	}

	@Test
	void theSearchFindsTheMistakesItLooksFor() {
		assertThat(VERSION_COMPARED.matcher("if (expectedVersion != null && expectedVersion != rule.getVersion()) {").find())
			.isTrue();
		assertThat(VERSION_COMPARED.matcher("if (stored.getVersion() != expectedVersion) {").find()).isTrue();
		assertThat(STALE_CONFLICT.matcher("throw new ConflictException(\"routing.rule.stale\", \"…\"").find()).isTrue();
		assertThat(VERSION_COMPARED.matcher("VersionMismatchException.check(version, user.getVersion());").find())
			.isFalse();
	}

	private static List<String> offences(Path file) {
		try {
			String source = Files.readString(file);
			return Stream.of(VERSION_COMPARED, STALE_CONFLICT)
				.flatMap(pattern -> pattern.matcher(source).results())
				.map(match -> file.getFileName() + ": " + match.group())
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
