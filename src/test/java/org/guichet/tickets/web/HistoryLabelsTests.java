package org.guichet.tickets.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.guichet.testing.Bundles;
import org.guichet.tickets.TicketLinkKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every field the code writes in a ticket's history has a label in French and in English, so
 * that the history never shows an internal name such as {@code slaPolicy}.
 */
class HistoryLabelsTests {

	/** The ways a field is recorded: {@code record(by, at, "field", …)}, {@code new HistoryEntry(…, "field", …)}, {@code recordSystemChange(…, "field", …)}. */
	private static final Pattern RECORDED = Pattern.compile(
			"\\brecord\\(\\s*[\\w.()]+,\\s*[\\w.()]+,\\s*\"(\\w+)\"" + "|new HistoryEntry\\([^\";{}]*?\"(\\w+)\""
					+ "|recordSystemChange\\([^\";{}]*?\"(\\w+)\"");

	@Test
	void everyFieldRecordedInTheHistoryHasALabelInFrenchAndEnglish() throws IOException {
		Set<String> fields = recordedFields();
		assertThat(fields).as("the scan finds the fields recorded across modules")
			.contains("status", "assignee", "cancelReason", "slaPolicy", "slaTtrDeadline", "routing",
					"escalationAutomatic", "requesterReplied");
		for (TicketLinkKind kind : TicketLinkKind.values()) {
			fields.add(kind.field());
			fields.add(kind.inverseField());
		}
		Properties english = Bundles.of("");
		Properties french = Bundles.of("_fr");
		Set<String> missing = new TreeSet<>();
		for (String field : fields) {
			String key = "agent.history.field." + field;
			if (!english.containsKey(key)) {
				missing.add("en " + key);
			}
			if (!french.containsKey(key)) {
				missing.add("fr " + key);
			}
		}
		assertThat(missing).isEmpty();
	}

	private static Set<String> recordedFields() throws IOException {
		Set<String> fields = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				Matcher matcher = RECORDED.matcher(Files.readString(file));
				while (matcher.find()) {
					for (int group = 1; group <= matcher.groupCount(); group++) {
						if (matcher.group(group) != null) {
							fields.add(matcher.group(group));
						}
					}
				}
			}
		}
		return fields;
	}

}
