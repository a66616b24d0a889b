package org.guichet.routing;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.guichet.routing.RuleDefinition.Actions;
import org.guichet.routing.RuleDefinition.Conditions;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Impact;
import org.guichet.tickets.TicketRouter.Decision;
import org.guichet.tickets.TicketRouter.Demand;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Routing 10,000 varied new demands (French titles and descriptions of 20 to 60 words, random
 * categories, channels, departments, VIP flags and arrival times) through 200 varied active
 * rules (each with one to three conditions among type, category, channel, department, location,
 * VIP, words and time window; one in twenty says "stop here"). One operation is the whole batch
 * of 10,000. Not a test: run with
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.openjdk.jmh.Main RoutingBenchmark -f 1 -wi 3 -w 5s -i 5 -r 5s -t 1
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RoutingBenchmark {

	static final int DEMANDS = 10_000;

	static final int RULES = 200;

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final String[] WORDS = { "imprimante", "écran", "réseau", "vpn", "wifi", "messagerie", "outlook",
			"mot", "passe", "compte", "bloqué", "lent", "panne", "serveur", "fichier", "partage", "badge", "téléphone",
			"logiciel", "licence", "installation", "mise", "jour", "clavier", "souris", "portable", "poste", "sap",
			"erp", "paie", "facture", "accès", "droits", "dossier", "sauvegarde", "restauration", "virus", "alerte",
			"impression", "scanner", "toner", "bourrage", "connexion", "internet", "lenteur", "plantage", "erreur",
			"message", "redémarrage", "démarrage" };

	private static final String[] DEPARTMENTS = { "Comptabilité", "Production", "Logistique", "Direction", "RH",
			"Ventes", "Qualité", "Maintenance" };

	private static final String[] LOCATIONS = { "Lyon", "Grenoble", "Saint-Étienne", "Annecy" };

	private RuleSet rules;

	private Demand[] demands;

	private List<Long>[] lineages;

	@Setup
	@SuppressWarnings("unchecked")
	public void setUp() {
		Random random = new Random(2027);
		List<RuleDefinition> definitions = new ArrayList<>();
		for (int i = 0; i < RULES; i++) {
			definitions.add(rule(i, random));
		}
		rules = RuleSet.compile(definitions, PARIS);
		demands = new Demand[DEMANDS];
		lineages = new List[DEMANDS];
		Instant start = Instant.parse("2027-01-01T00:00:00Z");
		for (int i = 0; i < DEMANDS; i++) {
			long category = 1 + random.nextInt(60);
			lineages[i] = category > 10 ? List.of(category, 1 + category % 10) : List.of(category);
			demands[i] = new Demand(TicketType.values()[random.nextInt(TicketType.values().length)],
					sentence(random, 4 + random.nextInt(8)), sentence(random, 20 + random.nextInt(40)), category,
					Channel.values()[random.nextInt(Channel.values().length)],
					DEPARTMENTS[random.nextInt(DEPARTMENTS.length)], LOCATIONS[random.nextInt(LOCATIONS.length)],
					random.nextInt(20) == 0, Urgency.values()[random.nextInt(Urgency.values().length)], null,
					start.plusSeconds(random.nextInt(365 * 86_400)));
		}
	}

	@Benchmark
	public void routeTenThousandDemands(Blackhole sink) {
		for (int i = 0; i < DEMANDS; i++) {
			Decision decision = rules.evaluate(demands[i], lineages[i]);
			sink.consume(decision);
		}
	}

	private static RuleDefinition rule(int index, Random random) {
		TicketType type = null;
		Long category = null;
		Channel channel = null;
		String department = null;
		String location = null;
		Boolean vip = null;
		List<String> words = List.of();
		LocalTime from = null;
		LocalTime to = null;
		Set<DayOfWeek> weekdays = Set.of();
		int conditions = 1 + random.nextInt(3);
		for (int c = 0; c < conditions; c++) {
			switch (random.nextInt(8)) {
				case 0 -> type = TicketType.values()[random.nextInt(TicketType.values().length)];
				case 1 -> category = 1L + random.nextInt(60);
				case 2 -> channel = Channel.values()[random.nextInt(Channel.values().length)];
				case 3 -> department = DEPARTMENTS[random.nextInt(DEPARTMENTS.length)];
				case 4 -> location = LOCATIONS[random.nextInt(LOCATIONS.length)];
				case 5 -> vip = random.nextBoolean();
				case 6 -> words = List.of(WORDS[random.nextInt(WORDS.length)], WORDS[random.nextInt(WORDS.length)],
						WORDS[random.nextInt(WORDS.length)]);
				default -> {
					from = LocalTime.of(random.nextInt(24), 0);
					to = from.plusHours(1 + random.nextInt(12));
					weekdays = random.nextBoolean() ? Set.of()
							: EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
									DayOfWeek.FRIDAY);
				}
			}
		}
		Actions actions = new Actions(1L + random.nextInt(10), random.nextInt(4) == 0 ? 100L + random.nextInt(20) : null,
				random.nextInt(5) == 0 ? Urgency.HIGH : null, random.nextInt(8) == 0 ? Impact.MEDIUM : null,
				random.nextInt(10) == 0 ? List.of(200L + random.nextInt(5)) : List.of(),
				random.nextInt(6) == 0 ? 300L + random.nextInt(3) : null);
		return new RuleDefinition("Rule " + index, true, random.nextInt(20) == 0,
				new Conditions(type, category, channel, department, location, vip, words, from, to, weekdays),
				actions);
	}

	private static String sentence(Random random, int words) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < words; i++) {
			String word = WORDS[random.nextInt(WORDS.length)];
			text.append(i == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word)
				.append(random.nextInt(8) == 0 ? ", " : " ");
		}
		return text.append('.').toString();
	}

}
