package org.guichet.reporting.recurring;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.guichet.reporting.recurring.IncidentClusters.Found;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.reporting.recurring.RecurrenceReason.SAME_LOCATION;
import static org.guichet.reporting.recurring.RecurrenceReason.SAME_REQUESTER;
import static org.guichet.reporting.recurring.RecurrenceReason.SIMILAR_TITLES;

class IncidentClustersTests {

	private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

	private static final long PRINTING = 1;

	private static final long NETWORK = 2;

	private static final long MAIL = 3;

	private static final long ALICE = 10;

	private static final long BOB = 11;

	private static final long CAROL = 12;

	private static final long DAN = 13;

	private static final long ERIN = 14;

	private static final long FRANK = 15;

	private static final String HEAD_OFFICE = "Siège – 2e étage";

	private static final String FACTORY = "Usine Lyon";

	private static final Duration WINDOW = Duration.ofDays(30);

	private final IncidentClusters clusters = new IncidentClusters(
			new TokenSetSimilarity(TokenSetSimilarity.DEFAULT_THRESHOLD), WINDOW);

	private static Incident incident(long id, String title, int day, @Nullable Long category, long requester,
			@Nullable String location) {
		return new Incident(id, title, START.plus(day, ChronoUnit.DAYS), category, requester, location);
	}

	/**
	 * Three clusters, one per reason (the requester's latest on day 9, the titles' on day 8, the
	 * location's on day 4), and incidents that recur fewer than three times.
	 */
	private static List<Incident> desk() {
		return List.of(
				// the same requester (no location) in the same category, with unrelated titles
				incident(101, "Outlook ne s'ouvre pas", 1, MAIL, DAN, null),
				incident(102, "Signature manquante", 5, MAIL, DAN, null),
				incident(103, "Calendrier partagé invisible", 9, MAIL, DAN, ""),
				// three requesters at one location (written two ways) in the same category
				incident(201, "Toner vide", 2, PRINTING, ALICE, HEAD_OFFICE),
				incident(202, "Bourrage papier", 3, PRINTING, BOB, "siege - 2E ETAGE"),
				incident(203, "Scanner hors service", 4, PRINTING, FRANK, HEAD_OFFICE),
				// near-identical titles in one category, across people and places
				incident(301, "VPN disconnects every morning", 6, NETWORK, CAROL, FACTORY),
				incident(302, "VPN keeps disconnecting", 7, NETWORK, ERIN, null),
				incident(303, "vpn disconnecting", 8, NETWORK, ALICE, null),
				// twice only: the same requester, the same location, similar titles
				incident(401, "Écran noir", 10, NETWORK, BOB, HEAD_OFFICE),
				incident(402, "Clavier HS", 11, NETWORK, BOB, HEAD_OFFICE),
				incident(403, "Imprimante du 2e étage bloquée", 12, null, CAROL, FACTORY),
				incident(404, "L'imprimante 2ème étage ne répond plus", 13, null, DAN, null),
				// alike in nothing
				incident(501, "Outlook disconnects every morning", 14, null, FRANK, HEAD_OFFICE),
				incident(502, "Mot de passe expiré", 15, MAIL, FRANK, HEAD_OFFICE));
	}

	private static List<List<Long>> ticketIds(Found found) {
		return found.clusters()
			.stream()
			.map(cluster -> cluster.tickets().stream().map(RecurringCluster.Ticket::id).toList())
			.toList();
	}

	@Test
	void findsTheIncidentsOfOneRequesterOneLocationOrOneTitleThatCameBackThreeTimes() {
		Found found = clusters.find(desk(), 3, 20, 100);

		assertThat(ticketIds(found)).containsExactly(List.of(103L, 102L, 101L), List.of(303L, 302L, 301L),
				List.of(203L, 202L, 201L));
		assertThat(found.clusters()).extracting(RecurringCluster::reasons)
			.containsExactly(List.of(SAME_REQUESTER), List.of(SIMILAR_TITLES), List.of(SAME_LOCATION));
		assertThat(found.clusters()).extracting(RecurringCluster::size).containsExactly(3, 3, 3);
		assertThat(found.total()).isEqualTo(3);
		assertThat(found.recurringIncidents()).isEqualTo(9);
		RecurringCluster vpn = found.clusters().get(1);
		assertThat(vpn.firstOccurrence()).isEqualTo(START.plus(6, ChronoUnit.DAYS));
		assertThat(vpn.lastOccurrence()).isEqualTo(START.plus(8, ChronoUnit.DAYS));
		assertThat(vpn.label()).isEqualTo("disconnecting vpn");
	}

	@Test
	void withATwoTimesThresholdThePairsComeToo() {
		Found found = clusters.find(desk(), 2, 20, 100);

		assertThat(ticketIds(found)).containsExactly(List.of(103L, 102L, 101L), List.of(303L, 302L, 301L),
				List.of(203L, 202L, 201L), List.of(404L, 403L), List.of(402L, 401L));
		assertThat(found.clusters()).extracting(RecurringCluster::reasons)
			.containsExactly(List.of(SAME_REQUESTER), List.of(SIMILAR_TITLES), List.of(SAME_LOCATION),
					List.of(SIMILAR_TITLES), List.of(SAME_REQUESTER, SAME_LOCATION));
		assertThat(found.recurringIncidents()).isEqualTo(13);
	}

	/**
	 * Before, links of every kind were joined into one cluster: 601 (in NETWORK at the factory like
	 * 301) made the VPN titles' cluster grow by its location. A cluster now has one reason.
	 */
	@Test
	void aLinkOfAnotherKindDoesNotGrowACluster() {
		List<Incident> incidents = new ArrayList<>(desk());
		incidents.add(incident(601, "Switch de l'atelier éteint", 16, NETWORK, ERIN, FACTORY));

		Found three = clusters.find(incidents, 3, 20, 100);
		Found two = clusters.find(incidents, 2, 20, 100);

		assertThat(ticketIds(three)).containsExactly(List.of(103L, 102L, 101L), List.of(303L, 302L, 301L),
				List.of(203L, 202L, 201L));
		assertThat(ticketIds(two)).contains(List.of(303L, 302L, 301L), List.of(601L, 301L));
		assertThat(two.recurringIncidents()).isEqualTo(14);
	}

	@Test
	void aChainOfSimilarTitlesDoesNotMakeOneClusterOfDissimilarOnes() {
		// A ~ B and B ~ C (4 of 6 words) but A and C share only "salle 204" (2 of 6)
		List<Incident> incidents = List.of(incident(1, "Wifi coupé salle 204", 1, null, ALICE, null),
				incident(2, "VPN lent salle 204", 2, null, BOB, null),
				incident(3, "Wifi coupé et VPN lent salle 204", 3, null, CAROL, null),
				incident(4, "Wifi coupé salle 204", 4, null, DAN, null),
				incident(5, "VPN lent salle 204", 5, null, ERIN, null),
				incident(6, "VPN lent salle 204", 6, null, FRANK, null));

		Found found = clusters.find(incidents, 2, 20, 100);

		// "VPN lent salle 204" is the commonest wording: it leads first and takes B, equally similar to both
		assertThat(ticketIds(found)).containsExactly(List.of(6L, 5L, 3L, 2L), List.of(4L, 1L));
		assertThat(found.clusters()).extracting(RecurringCluster::reasons)
			.containsOnly(List.of(SIMILAR_TITLES));
	}

	@Test
	void nearIdenticalTitlesInAnotherCategoryAreAnotherIncident() {
		List<Incident> incidents = List.of(incident(1, "Mot de passe expiré", 1, MAIL, ALICE, null),
				incident(2, "Mot de passe expiré", 2, MAIL, BOB, null),
				incident(3, "Mot de passe expiré", 3, NETWORK, CAROL, null),
				incident(4, "mot de passe expire", 4, NETWORK, DAN, null),
				incident(5, "Mot de passe expiré", 5, null, ERIN, null));

		assertThat(ticketIds(clusters.find(incidents, 2, 20, 100))).containsExactly(List.of(4L, 3L), List.of(2L, 1L));
		assertThat(clusters.find(incidents, 3, 20, 100).clusters()).isEmpty();
	}

	@Test
	void theSameRequesterOrLocationRecursWithinTheWindowOfTheClustersFirstIncident() {
		// days 0, 10, 29 in one window of 30 days from day 0; days 30, 45, 58 in the next
		List<Incident> incidents = new ArrayList<>();
		int[] days = { 0, 10, 29, 30, 45, 58, 90 };
		String[] titles = { "Toner vide", "Bourrage papier", "Scanner lent", "Bac 2 coincé", "Pilote manquant",
				"Impression floue", "Recto verso impossible" };
		for (int i = 0; i < days.length; i++) {
			incidents.add(incident(700 + i, titles[i], days[i], PRINTING, ALICE, null));
		}

		Found found = clusters.find(incidents, 3, 20, 100);

		assertThat(ticketIds(found)).containsExactly(List.of(705L, 704L, 703L), List.of(702L, 701L, 700L));
		assertThat(found.recurringIncidents()).isEqualTo(6);
	}

	@Test
	void largestClustersComeFirstThenTheLatestAndTheListIsCappedWithTheTotalKept() {
		List<Incident> incidents = new ArrayList<>(desk());
		incidents.add(incident(104, "Archive PST corrompue", 20, MAIL, DAN, null));

		Found found = clusters.find(incidents, 2, 2, 2);

		assertThat(found.total()).isEqualTo(5);
		assertThat(found.recurringIncidents()).isEqualTo(14);
		assertThat(found.clusters()).extracting(RecurringCluster::size).containsExactly(4, 3);
		assertThat(ticketIds(found)).containsExactly(List.of(104L, 103L), List.of(303L, 302L));
		assertThat(found.clusters().get(0).firstOccurrence()).isEqualTo(START.plus(1, ChronoUnit.DAYS));
	}

	@Test
	void incidentsOnTheSameInstantAreOrderedByIdSoTheListNeverChanges() {
		List<Incident> incidents = List.of(incident(7, "Toner vide", 1, PRINTING, ALICE, null),
				incident(9, "Toner vide", 1, PRINTING, ALICE, null), incident(8, "Toner vide", 1, PRINTING, ALICE, null),
				incident(3, "Wifi lent", 1, NETWORK, BOB, null), incident(2, "Wifi lent", 1, NETWORK, BOB, null),
				incident(4, "Wifi lent", 1, NETWORK, BOB, null));

		Found found = clusters.find(incidents, 3, 20, 100);

		assertThat(ticketIds(found)).containsExactly(List.of(9L, 8L, 7L), List.of(4L, 3L, 2L));
	}

	@Test
	void theLabelIsTheCommonestWordsAsMostOftenWritten() {
		List<Incident> printers = List.of(incident(1, "Imprimante du 2e étage bloquée", 1, PRINTING, ALICE, null),
				incident(2, "L'imprimante 2ème étage ne répond plus", 2, PRINTING, ALICE, null),
				incident(3, "Imprimantes 2e étage bloquées", 3, PRINTING, ALICE, null));

		assertThat(IncidentClusters.label(printers)).isEqualTo("2e étage imprimante");
		assertThat(IncidentClusters.label(List.of(incident(1, "Problème urgent", 1, null, ALICE, null))))
			.isEqualTo("Problème urgent");
	}

	@Test
	void noIncidentNoCluster() {
		Found found = clusters.find(List.of(), 3, 20, 100);

		assertThat(found.clusters()).isEmpty();
		assertThat(found.total()).isZero();
	}

}
