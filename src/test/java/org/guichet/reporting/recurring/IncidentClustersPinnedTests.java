package org.guichet.reporting.recurring;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The clusters of a seeded set of synthetic incidents ({@link RecurringIncidentsBenchmark#incidents}),
 * pinned: every cluster with all its incidents, reasons and label, as the clustering gave them
 * before it was made faster (issue 9). A change of the definition changes them on purpose; any
 * other change must leave them as they are.
 */
class IncidentClustersPinnedTests {

	private static final List<Incident> INCIDENTS = RecurringIncidentsBenchmark.incidents(30_000, new Random(2026));

	@Test
	void aSeededYearOfIncidentsGivesThePinnedClusters() {
		IncidentClusters.Found found = new IncidentClusters(new TokenSetSimilarity(0.6), Duration.ofDays(30))
			.find(INCIDENTS, 3, Integer.MAX_VALUE, Integer.MAX_VALUE);

		assertThat(found.total()).isEqualTo(879);
		assertThat(found.recurringIncidents()).isEqualTo(3009);
		assertThat(found.clusters().subList(0, 3)).extracting(RecurringCluster::size, RecurringCluster::label)
			.containsExactly(tuple(13, "disconnects morning pc"), tuple(11, "error shows pc"),
					tuple(11, "crashes open pc"));
		assertThat(digest(found.clusters())).isEqualTo("8a7e34d7faadb7580b62ca27ffcf64ca668279d412e12a9370d389db8a8e69bd");
	}

	@Test
	void anotherThresholdWindowAndMinimumGiveTheirPinnedClusters() {
		IncidentClusters.Found found = new IncidentClusters(new TokenSetSimilarity(0.5), Duration.ofDays(7))
			.find(INCIDENTS, 2, Integer.MAX_VALUE, Integer.MAX_VALUE);

		assertThat(found.total()).isEqualTo(6572);
		assertThat(found.recurringIncidents()).isEqualTo(17608);
		assertThat(digest(found.clusters())).isEqualTo("db8a709b9f116f8c2fdf276161ff0bd28f8c8baaa667092b142d92eb027b48a3");
	}

	/** SHA-256 of the clusters in their order, each with its reasons, label, size, instants and incidents. */
	private static String digest(List<RecurringCluster> clusters) {
		StringBuilder text = new StringBuilder();
		for (RecurringCluster cluster : clusters) {
			text.append(cluster.reasons()).append('|').append(cluster.label()).append('|').append(cluster.size())
				.append('|').append(cluster.firstOccurrence()).append('|').append(cluster.lastOccurrence());
			cluster.tickets().forEach(ticket -> text.append('|').append(ticket.id()));
			text.append('\n');
		}
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

}
