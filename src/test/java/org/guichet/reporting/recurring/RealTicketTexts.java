package org.guichet.reporting.recurring;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Real IT ticket texts (/work/shared/data/tickets/it-tickets-topic-train.csv: 38,269 English
 * tickets, subject and body lower-cased without stop words, each with one of 8 topic groups) made
 * into incidents: the first {@value #TITLE_WORDS} words as the title, the topic group as the
 * category, and, drawn with a fixed seed, one of 5,000 requesters, one of 150 locations and an
 * instant over 365 days.
 */
final class RealTicketTexts {

	/** Where the file is on the team's machines; absent elsewhere. */
	static final Path FILE = Path.of("/work/shared/data/tickets/it-tickets-topic-train.csv");

	static final int TITLE_WORDS = 12;

	private RealTicketTexts() {
	}

	static boolean available() {
		return Files.isReadable(FILE);
	}

	/**
	 * The same incidents with their requesters spread over {@code sites} sites of uneven size: a
	 * requester works at site k (1 to {@code sites}) with a probability proportional to 1/k (Zipf;
	 * with 20 sites the largest has about 28 % of the requesters, the smallest 1.4 %), drawn with a
	 * fixed seed.
	 */
	static List<Incident> onUnevenSites(List<Incident> incidents, int sites) {
		double[] cumulative = new double[sites];
		double total = 0;
		for (int k = 1; k <= sites; k++) {
			total += 1.0 / k;
			cumulative[k - 1] = total;
		}
		Random random = new Random(7);
		Map<Long, String> siteOf = new HashMap<>();
		List<Incident> spread = new ArrayList<>(incidents.size());
		for (Incident incident : incidents) {
			String site = siteOf.computeIfAbsent(incident.requesterId(), requester -> {
				int k = Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[sites - 1]);
				return "Site " + ((k < 0 ? -k - 1 : k) + 1);
			});
			spread.add(new Incident(incident.id(), incident.title(), incident.createdAt(), incident.categoryId(),
					incident.requesterId(), site));
		}
		return spread;
	}

	static List<Incident> incidents(Path file) throws IOException {
		Random random = new Random(42);
		Map<String, Long> categories = new HashMap<>();
		Instant start = Instant.parse("2025-12-01T00:00:00Z");
		List<Incident> incidents = new ArrayList<>();
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
				String[] words = row.get("Document").strip().split("\\s+");
				String title = String.join(" ", Arrays.copyOf(words, Math.min(words.length, TITLE_WORDS)));
				long category = categories.computeIfAbsent(row.get("Topic_group"), group -> categories.size() + 1L);
				long requester = random.nextInt(5000);
				incidents.add(new Incident(incidents.size() + 1, title,
						start.plus(random.nextInt(365 * 24 * 60), ChronoUnit.MINUTES), category, requester,
						"Site " + requester % 150));
			}
		}
		return incidents;
	}

}
