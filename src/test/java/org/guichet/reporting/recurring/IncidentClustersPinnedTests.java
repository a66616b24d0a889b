package org.guichet.reporting.recurring;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.guichet.text.TokenSetSimilarity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The clusters of a seeded set of synthetic incidents ({@link RecurringIncidentsBenchmark#incidents}),
 * pinned: every cluster with all its incidents, reasons and label, as the clustering gave them
 * before it was made faster (issue 9), then with the location rule made a burst rule (issue 9,
 * the requester and title clusters kept). A change of the definition changes them on purpose; any
 * other change must leave them as they are.
 */
class IncidentClustersPinnedTests {

	private static final List<Incident> INCIDENTS = RecurringIncidentsBenchmark.incidents(30_000, new Random(2026));

	/** The 752 requester and title clusters of the previous definition, location reason set aside. */
	private static final String PREVIOUS_REQUESTER_AND_TITLES = "ff2ce0bc2f01509e0ef908c74c621fd634d26e85c38d3a65782ac660573f7d1f";

	/** The synthetic incidents' period, without a baseline before it. */
	private static final SiteBaseline YEAR = SiteBaseline.none(Duration.ofDays(365));

	/** The default rules of the locations' bursts: three times the usual in a day. */
	private static IncidentClusters engine(TokenSetSimilarity titles, Duration window) {
		return new IncidentClusters(titles, window, Duration.ofDays(1), 3, IncidentClusters.DEFAULT_BURST_CHANCE);
	}

	@Test
	void aSeededYearOfIncidentsGivesThePinnedClusters() {
		IncidentClusters.Found found = engine(new TokenSetSimilarity(0.6), Duration.ofDays(30))
			.find(INCIDENTS, YEAR, 3, Integer.MAX_VALUE, Integer.MAX_VALUE);

		assertThat(found.total()).isEqualTo(753);
		assertThat(found.recurringIncidents()).isEqualTo(2647);
		assertThat(found.clusters().subList(0, 3)).extracting(RecurringCluster::size, RecurringCluster::label)
			.containsExactly(tuple(13, "disconnects morning pc"), tuple(11, "error shows pc"),
					tuple(11, "crashes open pc"));
		assertThat(digest(found.clusters())).isEqualTo("0aa0c304335b6e8bf57360193a023788142a3c2395cdc6b68d181d9c257b3684");
	}

	@Test
	void anotherThresholdWindowAndMinimumGiveTheirPinnedClusters() {
		IncidentClusters.Found found = engine(new TokenSetSimilarity(0.5), Duration.ofDays(7))
			.find(INCIDENTS, YEAR, 2, Integer.MAX_VALUE, Integer.MAX_VALUE);

		assertThat(found.total()).isEqualTo(6088);
		assertThat(found.recurringIncidents()).isEqualTo(17177);
		assertThat(digest(found.clusters())).isEqualTo("ae937913ef8989e5f8bf8d23e407b5c3e69581ccad65c642d5dd2bf4cbd03609");
	}

	/**
	 * The requester and title rules did not change with the location rule (issue 9): their clusters,
	 * the location reason set aside, are those the previous definition gave (digest computed with
	 * the code of eb3362b).
	 */
	@Test
	void theRequesterAndTitleClustersAreThoseOfThePreviousDefinition() {
		IncidentClusters.Found found = engine(new TokenSetSimilarity(0.6), Duration.ofDays(30))
			.find(INCIDENTS, YEAR, 3, Integer.MAX_VALUE, Integer.MAX_VALUE);

		assertThat(digest(withoutLocation(found.clusters()))).isEqualTo(PREVIOUS_REQUESTER_AND_TITLES);
	}

	/** The clusters with another reason than the location, the location taken out of their reasons. */
	static List<RecurringCluster> withoutLocation(List<RecurringCluster> clusters) {
		return clusters.stream()
			.map(cluster -> new RecurringCluster(
					cluster.reasons().stream().filter(reason -> reason != RecurrenceReason.SAME_LOCATION).toList(),
					cluster.label(), cluster.size(), cluster.firstOccurrence(), cluster.lastOccurrence(),
					cluster.tickets()))
			.filter(cluster -> !cluster.reasons().isEmpty())
			.toList();
	}

	/** SHA-256 of the clusters in their order, each with its reasons, label, size, instants and incidents. */
	static String digest(List<RecurringCluster> clusters) {
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
