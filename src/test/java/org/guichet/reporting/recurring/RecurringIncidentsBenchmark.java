package org.guichet.reporting.recurring;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;

import org.guichet.text.TokenSetSimilarity;
import org.guichet.bench.BenchArguments;

/**
 * Clustering a year of incidents at a million tickets (300,000 by default) in memory, as
 * {@link RecurringIncidents} does once it has read them: the keys in their windows, the title
 * groups, the locations' bursts (over one day, three times the usual rate, a 365-day period without
 * baseline) and the clusters with their labels. Synthetic titles by default: varied French and
 * English ones (a subject, a symptom, often a place, a floor or a room, sometimes a host name, an
 * error code or one of 3,000 rarer words), over 60 categories, 20,000 requesters and 300
 * locations, spread over 365 days. With {@code --real <csv>}: the real ticket texts of
 * {@link RealTicketTexts} instead (38,269 incidents). Not a test (it would only measure the
 * machine): run with
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.guichet.reporting.recurring.RecurringIncidentsBenchmark --incidents 300000 --runs 7
 * java -cp ... org.guichet.reporting.recurring.RecurringIncidentsBenchmark --real /work/shared/data/tickets/it-tickets-topic-train.csv
 * </pre>
 * It prints one line per run (the first ones warm the JIT up), a Markdown row (incidents,
 * distinct titles, clusters, incidents in clusters, the fastest, median and slowest wall times of
 * the runs after the first two, and their median CPU time of the measuring thread, which a busy
 * machine does not inflate), then the clusters by size and by reason and the ten largest.
 */
public final class RecurringIncidentsBenchmark {

	private static final String[] SUBJECTS = { "Imprimante", "L'imprimante", "Écran", "Clavier", "Souris", "VPN",
			"Outlook", "Wi-Fi", "Le Wifi", "Teams", "Excel", "SAP", "ERP", "Badge", "Téléphone fixe", "Portable",
			"PC", "Scanner", "Lecteur réseau", "Messagerie", "Printer", "Laptop", "Screen", "Keyboard", "Mailbox",
			"Shared drive", "Docking station", "Webcam", "Projecteur", "Compte AD" };

	private static final String[] SYMPTOMS = { "bloquée", "ne répond plus", "ne démarre plus", "très lent",
			"en panne", "hors service", "plante au démarrage", "se déconnecte", "inaccessible", "affiche une erreur",
			"disconnects every morning", "keeps disconnecting", "is very slow", "does not start", "crashes on open",
			"is not working", "shows an error", "mot de passe expiré", "accès refusé", "clignote" };

	private static final String[] PLACES = { "du 2e étage", "au 3ème étage", "en salle de réunion", "de l'accueil",
			"salle 204", "salle 112", "at the front desk", "on floor 4", "in meeting room B", "à l'atelier",
			"au magasin", "du bureau 17", "", "", "", "" };

	private static final int[] SIZE_BOUNDS = { 2, 3, 5, 10, 20, 50, 100, 200, 500, 1000 };

	private RecurringIncidentsBenchmark() {
	}

	public static void main(String[] args) throws java.io.IOException {
		BenchArguments arguments = new BenchArguments(args);
		int runs = arguments.getInt("runs", 7);
		int minOccurrences = arguments.getInt("min-occurrences", 3);
		String real = arguments.get("real", "");
		List<Incident> incidents = real.isEmpty() ? incidents(arguments.getInt("incidents", 300_000), new Random(42))
				: RealTicketTexts.incidents(java.nio.file.Path.of(real));
		long distinct = incidents.stream().map(Incident::title).distinct().count();
		IncidentClusters clusters = new IncidentClusters(new TokenSetSimilarity(TokenSetSimilarity.DEFAULT_THRESHOLD),
				java.time.Duration.ofDays(30), java.time.Duration.ofDays(1), 3, IncidentClusters.DEFAULT_BURST_CHANCE);
		SiteBaseline year = SiteBaseline.none(java.time.Duration.ofDays(365));
		long[] millis = new long[runs];
		long[] cpuMillis = new long[runs];
		java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
		IncidentClusters.Found found = null;
		for (int run = 0; run < runs; run++) {
			long start = System.nanoTime();
			long cpuStart = threads.getCurrentThreadCpuTime();
			found = clusters.find(incidents, year, minOccurrences, 20, 100);
			millis[run] = (System.nanoTime() - start) / 1_000_000;
			cpuMillis[run] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
			System.out.printf("run %d: %d ms (thread CPU %d ms), %d clusters, %d incidents in clusters, largest %d%n",
					run + 1, millis[run], cpuMillis[run], found.total(), found.recurringIncidents(),
					found.clusters().isEmpty() ? 0 : found.clusters().get(0).size());
		}
		long[] measured = Arrays.copyOfRange(millis, Math.min(2, runs - 1), runs);
		long[] cpu = Arrays.copyOfRange(cpuMillis, Math.min(2, runs - 1), runs);
		Arrays.sort(measured);
		Arrays.sort(cpu);
		System.out.println("| incidents | distinct titles | clusters | in clusters | fastest (ms) | median (ms) | slowest (ms) | median thread CPU (ms) |");
		System.out.println("|---|---|---|---|---|---|---|---|");
		System.out.printf("| %,d | %,d | %,d | %,d | %d | %d | %d | %d |%n", incidents.size(), distinct, found.total(),
				found.recurringIncidents(), measured[0], measured[measured.length / 2], measured[measured.length - 1],
				cpu[cpu.length / 2]);
		IncidentClusters.Found all = clusters.find(incidents, year, minOccurrences, Integer.MAX_VALUE, 1);
		System.out.println(distribution(all.clusters()));
		all.clusters().stream().limit(10).forEach(cluster -> System.out.printf("%5d %s %s | %s%n", cluster.size(),
				cluster.reasons(), cluster.label(), cluster.tickets().get(0).title()));
	}

	/** How many clusters of each reason fall in each size range. */
	static String distribution(List<RecurringCluster> clusters) {
		StringBuilder out = new StringBuilder("| size | SAME_REQUESTER | SAME_LOCATION | SIMILAR_TITLES |\n|---|---|---|---|\n");
		for (int b = 0; b < SIZE_BOUNDS.length; b++) {
			int low = SIZE_BOUNDS[b];
			int high = b + 1 < SIZE_BOUNDS.length ? SIZE_BOUNDS[b + 1] : Integer.MAX_VALUE;
			out.append(high == low + 1 ? String.valueOf(low) : high == Integer.MAX_VALUE ? low + "+" : low + "–" + (high - 1));
			for (RecurrenceReason reason : RecurrenceReason.values()) {
				long count = clusters.stream()
					.filter(cluster -> cluster.size() >= low && cluster.size() < high && cluster.reasons().contains(reason))
					.count();
				out.append(" | ").append(count);
			}
			out.append(" |\n");
		}
		return out.toString();
	}

	static List<Incident> incidents(int count, Random random) {
		String[] rareWords = new String[3000];
		HashSet<String> used = new HashSet<>();
		for (int i = 0; i < rareWords.length; i++) {
			String word;
			do {
				StringBuilder letters = new StringBuilder();
				int length = 5 + random.nextInt(6);
				for (int c = 0; c < length; c++) {
					letters.append((char) ('a' + random.nextInt(26)));
				}
				word = letters.toString();
			}
			while (!used.add(word));
			rareWords[i] = word;
		}
		String[] locations = new String[300];
		for (int i = 0; i < locations.length; i++) {
			locations[i] = "Site " + (i / 10) + " – bâtiment " + (char) ('A' + i % 10);
		}
		Instant start = Instant.parse("2025-12-01T00:00:00Z");
		List<Incident> incidents = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			StringBuilder title = new StringBuilder(SUBJECTS[random.nextInt(SUBJECTS.length)]).append(' ')
				.append(SYMPTOMS[random.nextInt(SYMPTOMS.length)])
				.append(' ')
				.append(PLACES[random.nextInt(PLACES.length)]);
			int extra = random.nextInt(10);
			if (extra < 3) {
				title.append(" PC-").append(10_000 + random.nextInt(90_000));
			}
			else if (extra < 4) {
				title.append(" erreur 0x").append(Integer.toHexString(random.nextInt()));
			}
			else if (extra < 8) {
				title.append(' ').append(rareWords[random.nextInt(rareWords.length)]);
			}
			long requester = random.nextInt(20_000);
			Long category = random.nextInt(20) == 0 ? null : (long) random.nextInt(60);
			String location = requester % 7 == 0 ? null : locations[(int) (requester % locations.length)];
			incidents.add(new Incident(i + 1, title.toString(),
					start.plus(random.nextInt(365 * 24 * 60), ChronoUnit.MINUTES), category, requester, location));
		}
		return incidents;
	}

}
