package org.guichet.reporting.recurring;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.guichet.text.TokenSetSimilarity;
import org.guichet.reporting.recurring.IncidentClusters.Found;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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

	private static final Duration BURST_WINDOW = Duration.ofDays(1);

	private static final double BURST_FACTOR = 3;

	/** The period of these tests, from START, without a baseline before it unless a test gives one. */
	private static final Duration PERIOD = Duration.ofDays(30);

	private final IncidentClusters engine = new IncidentClusters(
			new TokenSetSimilarity(TokenSetSimilarity.DEFAULT_THRESHOLD), WINDOW, BURST_WINDOW, BURST_FACTOR,
			IncidentClusters.DEFAULT_BURST_CHANCE);

	/** The clusters of a 30-day period with no baseline before it. */
	private Found find(List<Incident> incidents, int minOccurrences, int maxClusters, int maxTickets) {
		return engine.find(incidents, SiteBaseline.none(PERIOD), minOccurrences, maxClusters, maxTickets);
	}

	private static Incident incident(long id, String title, int day, @Nullable Long category, long requester,
			@Nullable String location) {
		return incident(id, title, day, 0, category, requester, location);
	}

	private static Incident incident(long id, String title, int day, int minutes, @Nullable Long category,
			long requester, @Nullable String location) {
		return new Incident(id, title, START.plus(day, ChronoUnit.DAYS).plus(minutes, ChronoUnit.MINUTES), category,
				requester, location);
	}

	/**
	 * Three clusters, one per reason (the requester's latest on day 9, the titles' on day 8, the
	 * location's burst on day 4: three in one morning at a site with nothing else in the month), and
	 * incidents that recur fewer than three times.
	 */
	private static List<Incident> desk() {
		return List.of(
				// the same requester (no location) in the same category, with unrelated titles
				incident(101, "Outlook ne s'ouvre pas", 1, MAIL, DAN, null),
				incident(102, "Signature manquante", 5, MAIL, DAN, null),
				incident(103, "Calendrier partagé invisible", 9, MAIL, DAN, ""),
				// three requesters at one location (written two ways) in the same category in one morning
				incident(201, "Toner vide", 4, -60, PRINTING, ALICE, HEAD_OFFICE),
				incident(202, "Bourrage papier", 4, -30, PRINTING, BOB, "siege - 2E ETAGE"),
				incident(203, "Scanner hors service", 4, PRINTING, FRANK, HEAD_OFFICE),
				// near-identical titles in one category, across people and places
				incident(301, "VPN disconnects every morning", 6, NETWORK, CAROL, FACTORY),
				incident(302, "VPN keeps disconnecting", 7, NETWORK, ERIN, null),
				incident(303, "vpn disconnecting", 8, NETWORK, ALICE, null),
				// twice only: the same requester at one location in one day, similar titles
				incident(401, "Écran noir", 10, NETWORK, BOB, HEAD_OFFICE),
				incident(402, "Clavier HS", 10, 120, NETWORK, BOB, HEAD_OFFICE),
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
		Found found = find(desk(), 3, 20, 100);

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
		Found found = find(desk(), 2, 20, 100);

		assertThat(ticketIds(found)).containsExactly(List.of(103L, 102L, 101L), List.of(303L, 302L, 301L),
				List.of(203L, 202L, 201L), List.of(404L, 403L), List.of(402L, 401L));
		assertThat(found.clusters()).extracting(RecurringCluster::reasons)
			.containsExactly(List.of(SAME_REQUESTER), List.of(SIMILAR_TITLES), List.of(SAME_LOCATION),
					List.of(SIMILAR_TITLES), List.of(SAME_REQUESTER));
		assertThat(found.recurringIncidents()).isEqualTo(13);
	}

	/**
	 * Before, links of every kind were joined into one cluster: 601 and 602 (in NETWORK at the
	 * factory, the same day as 301: a burst there) made the VPN titles' cluster grow by their
	 * location. A cluster now has one reason.
	 */
	@Test
	void aLinkOfAnotherKindDoesNotGrowACluster() {
		List<Incident> incidents = new ArrayList<>(desk());
		incidents.add(incident(601, "Switch de l'atelier éteint", 6, 240, NETWORK, ERIN, FACTORY));
		incidents.add(incident(602, "Plus de réseau à l'atelier", 6, 300, NETWORK, FRANK, FACTORY));

		Found three = find(incidents, 3, 20, 100);

		assertThat(ticketIds(three)).containsExactly(List.of(103L, 102L, 101L), List.of(303L, 302L, 301L),
				List.of(602L, 601L, 301L), List.of(203L, 202L, 201L));
		assertThat(three.clusters().get(2).reasons()).containsExactly(SAME_LOCATION);
		assertThat(three.recurringIncidents()).isEqualTo(11);
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

		Found found = find(incidents, 2, 20, 100);

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

		assertThat(ticketIds(find(incidents, 2, 20, 100))).containsExactly(List.of(4L, 3L), List.of(2L, 1L));
		assertThat(find(incidents, 3, 20, 100).clusters()).isEmpty();
	}

	@Test
	void theSameRequesterRecursWithinTheWindowOfTheClustersFirstIncident() {
		// days 0, 10, 29 in one window of 30 days from day 0; days 30, 45, 58 in the next
		List<Incident> incidents = new ArrayList<>();
		int[] days = { 0, 10, 29, 30, 45, 58, 90 };
		String[] titles = { "Toner vide", "Bourrage papier", "Scanner lent", "Bac 2 coincé", "Pilote manquant",
				"Impression floue", "Recto verso impossible" };
		for (int i = 0; i < days.length; i++) {
			incidents.add(incident(700 + i, titles[i], days[i], PRINTING, ALICE, null));
		}

		Found found = find(incidents, 3, 20, 100);

		assertThat(ticketIds(found)).containsExactly(List.of(705L, 704L, 703L), List.of(702L, 701L, 700L));
		assertThat(found.recurringIncidents()).isEqualTo(6);
	}

	@Test
	void largestClustersComeFirstThenTheLatestAndTheListIsCappedWithTheTotalKept() {
		List<Incident> incidents = new ArrayList<>(desk());
		incidents.add(incident(104, "Archive PST corrompue", 20, MAIL, DAN, null));

		Found found = find(incidents, 2, 2, 2);

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

		Found found = find(incidents, 3, 20, 100);

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

	/** Incidents of one site (one category), {@code perDay} a day at 8:00, 10:00… for {@code days} days from day 0. */
	private static List<Incident> steady(long firstId, String location, int perDay, int days) {
		List<Incident> incidents = new ArrayList<>();
		for (int day = 0; day < days; day++) {
			for (int n = 0; n < perDay; n++) {
				long id = firstId + day * perDay + n;
				// titles alike in nothing: two words of their own each
				incidents.add(incident(id, "Panne p" + id + " q" + id, day, 120 * n, NETWORK, 1000 + id, location));
			}
		}
		return incidents;
	}

	private static List<RecurringCluster> ofReason(Found found, RecurrenceReason reason) {
		return found.clusters().stream().filter(cluster -> cluster.reasons().contains(reason)).toList();
	}

	/**
	 * The old rule (three incidents of one category at one site within 30 days) made 50 clusters of
	 * this busy site's ordinary days; its rate never moves, so there is no burst.
	 */
	@Test
	void aBusySiteWithASteadyDailyRateIsNotRecurring() {
		List<Incident> lyon = steady(10_000, FACTORY, 5, 30);

		Found found = find(lyon, 3, Integer.MAX_VALUE, 100);

		assertThat(found.clusters()).isEmpty();
		assertThat(found.recurringIncidents()).isZero();
	}

	@Test
	void aBurstAtOneSiteIsRecurringAndHoldsTheBurstsDays() {
		List<Incident> incidents = new ArrayList<>(steady(10_000, FACTORY, 5, 30));
		incidents.addAll(steady(20_000, HEAD_OFFICE, 5, 30));
		// day 20 at the factory: 15 more in a quarter of an hour, the network is down there
		List<Long> burst = new ArrayList<>();
		for (int n = 0; n < 15; n++) {
			incidents.add(incident(30_000 + n, "Panne r" + n + " s" + n, 20, 60 + n, NETWORK, 2000 + n, FACTORY));
			burst.add(30_000L + n);
		}

		Found found = find(incidents, 3, Integer.MAX_VALUE, Integer.MAX_VALUE);

		// usual rate (150 + 15) / 30 = 5.5 a day: a day holding 3 × 5.5 = 16.5 or more is a burst;
		// the spans from day 19 at 10:00 (its 4 last + day 20 until 10:00: 5 + 15 = 20) to day 20 at
		// 16:00 (its 15 + 5 of day 20... reaching day 21's 8:00) qualify, and overlap: one cluster
		assertThat(found.clusters()).hasSize(1);
		RecurringCluster down = found.clusters().get(0);
		assertThat(down.reasons()).containsExactly(SAME_LOCATION);
		assertThat(down.tickets()).extracting(RecurringCluster.Ticket::id).containsAll(burst);
		assertThat(down.firstOccurrence()).isEqualTo(START.plus(19, ChronoUnit.DAYS).plus(2, ChronoUnit.HOURS));
		assertThat(down.lastOccurrence()).isBefore(START.plus(21, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS));
		assertThat(down.size()).isEqualTo(4 + 5 + 15 + 1);
	}

	@Test
	void similarTitlesAtABusySiteAreRecurringWithoutABurst() {
		List<Incident> incidents = new ArrayList<>(steady(10_000, FACTORY, 5, 30));
		incidents.add(incident(1, "Imprimante du 2e étage bloquée", 3, 30, NETWORK, ALICE, FACTORY));
		incidents.add(incident(2, "L'imprimante 2ème étage ne répond plus", 12, 30, NETWORK, BOB, FACTORY));
		incidents.add(incident(3, "Imprimantes 2e étage bloquées", 25, 30, NETWORK, CAROL, FACTORY));

		Found found = find(incidents, 3, Integer.MAX_VALUE, 100);

		assertThat(ticketIds(found)).containsExactly(List.of(3L, 2L, 1L));
		assertThat(found.clusters().get(0).reasons()).containsExactly(SIMILAR_TITLES);
	}

	/**
	 * A one-day period: eight network incidents at the factory today are a burst against a quiet
	 * history (14 in the 28 days before: (14 + 8) / 29 days = 0.76 a day, 6 needed), not against
	 * its usual six a day (168 before: (168 + 8) / 29 = 6.07 a day, 19 needed). The baseline's
	 * location is written otherwise and is the same site; counts of other sites, categories, or
	 * without either, do not count.
	 */
	@Test
	void theSameDayIsABurstOnlyAgainstAQuieterUsualRate() {
		List<Incident> today = steady(10_000, FACTORY, 8, 1);
		Duration day = Duration.ofDays(1);
		Duration fourWeeks = Duration.ofDays(28);

		Found quiet = engine.find(today, new SiteBaseline(fourWeeks, day,
				List.of(new SiteBaseline.Count(NETWORK, "usine  LYON", 14))), 3, 20, 100);
		Found busy = engine.find(today, new SiteBaseline(fourWeeks, day,
				List.of(new SiteBaseline.Count(NETWORK, "usine  LYON", 168))), 3, 20, 100);
		Found elsewhere = engine.find(today, new SiteBaseline(fourWeeks, day,
				List.of(new SiteBaseline.Count(MAIL, FACTORY, 168), new SiteBaseline.Count(NETWORK, HEAD_OFFICE, 168),
						new SiteBaseline.Count(null, FACTORY, 168), new SiteBaseline.Count(NETWORK, null, 168))),
				3, 20, 100);

		assertThat(quiet.clusters()).hasSize(1);
		assertThat(quiet.clusters().get(0).reasons()).containsExactly(SAME_LOCATION);
		assertThat(quiet.clusters().get(0).size()).isEqualTo(8);
		assertThat(busy.clusters()).isEmpty();
		assertThat(ofReason(elsewhere, SAME_LOCATION)).hasSize(1);
	}

	/**
	 * The fewest incidents of a burst: the threshold, three times the usual, and few enough chances
	 * (at most 1 in 1,000) to see as many at the usual rate, whichever is the most.
	 */
	@Test
	void aBurstIsTheThresholdThreeTimesTheUsualAndUnlikelyByChance() {
		// two in a day where 0.067 is usual: a 1 in 500 chance; three: 1 in 21,000
		assertThat(engine.burstSize(2 / 30.0, 2)).isEqualTo(3);
		assertThat(engine.burstSize(0.1, 3)).isEqualTo(3);
		// 3 × 1 = 3, but 3, 4 or 5 where 1 is usual happen more than once in 1,000 days
		assertThat(engine.burstSize(1, 3)).isEqualTo(6);
		assertThat(engine.burstSize(5.5, 3)).isEqualTo(17);
		assertThat(engine.burstSize(30, 3)).isEqualTo(90);
		assertThat(engine.burstSize(1000, 3)).isEqualTo(3000);
		assertThat(engine.burstSize(0, 4)).isEqualTo(4);
	}

	@Test
	void aBurstAlsoNeedsTheThresholdOfOccurrences() {
		// three in one hour at a site with nothing else in the month: a burst, unless four are asked
		List<Incident> incidents = List.of(incident(1, "Toner vide", 3, PRINTING, ALICE, FACTORY),
				incident(2, "Écran noir", 3, 30, PRINTING, BOB, FACTORY),
				incident(3, "Souris HS", 3, 60, PRINTING, CAROL, FACTORY));

		assertThat(ticketIds(find(incidents, 3, 20, 100))).containsExactly(List.of(3L, 2L, 1L));
		assertThat(find(incidents, 4, 20, 100).clusters()).isEmpty();
		// two of them, even with a threshold of two: chance
		assertThat(find(incidents.subList(0, 2), 2, 20, 100).clusters()).isEmpty();
	}

	@Test
	void refusesABurstWindowOrFactorThatCannotWork() {
		TokenSetSimilarity titles = new TokenSetSimilarity(0.6);
		assertThatThrownBy(() -> new IncidentClusters(titles, WINDOW, Duration.ZERO, 3, IncidentClusters.DEFAULT_BURST_CHANCE))
			.hasMessageContaining("guichet.kpis.recurring.burst-window");
		assertThatThrownBy(() -> new IncidentClusters(titles, WINDOW, BURST_WINDOW, 0.5, 0.001))
			.hasMessageContaining("guichet.kpis.recurring.burst-factor");
		assertThatThrownBy(() -> new IncidentClusters(titles, WINDOW, BURST_WINDOW, 3, 0))
			.hasMessageContaining("guichet.kpis.recurring.burst-chance");
	}

	@Test
	void noIncidentNoCluster() {
		Found found = find(List.of(), 3, 20, 100);

		assertThat(found.clusters()).isEmpty();
		assertThat(found.total()).isZero();
	}

}
