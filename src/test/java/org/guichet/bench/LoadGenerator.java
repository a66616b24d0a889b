package org.guichet.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends requests to a Guichet on this machine from N client threads for a bounded time and
 * prints the throughput and the latency percentiles, as a Markdown table row.
 * <p>
 * Scenarios: {@code create} (POST /api/v1/tickets with an API token), {@code api-get} (GET
 * {@code --path} with the API token of {@code --as} ({@code technician}, {@code requester} or
 * {@code supervisor}; technician by default), by default the unassigned queue's first page),
 * {@code html-get} (GET {@code --path} with a logged-in session, by default the agent's
 * unassigned queue), {@code file} (a requester files a request through the catalogue item that
 * {@code Seed --catalogue true} added: twenty answers, two approval steps). The tokens and the agent's login come from the {@code bench.properties}
 * that {@link Seed} wrote. Only loopback addresses are accepted.
 */
public final class LoadGenerator {

	private static final Pattern CSRF = Pattern.compile(
			"name=\"_csrf\"[^>]*?value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*?name=\"_csrf\"");

	/** The answers to the bench item's twenty fields (the phone model is asked since a phone is). */
	private static final String FILING = """
			{"answers":{"reason":"Arrivée d'une nouvelle collaboratrice au service comptable (%d)","site":"lyon",
			"model":"developer","screens":2,"budget":1850.5,"needed-by":"2027-03-01","phone":true,"phone-model":"smart",
			"software":["office","erp","vpn"],"keyboard":"azerty","cost-centre":"CP1042","building":"Part-Dieu B",
			"floor":4,"office":"4.12","docking":true,"headset":false,"accessibility":"","colleague":null,
			"return-old":false,"notes":"Livraison avant 9 h si possible."}}""";

	private final HttpClient http;

	private final URI base;

	private final Properties bench;

	private final String scenario;

	private final String path;

	/** Whose token the API scenarios send: a prefix of the bench file's keys, {@code technician} by default. */
	private final String as;

	private final AtomicLong sequence = new AtomicLong();

	private final AtomicReference<String> firstError = new AtomicReference<>();

	private LoadGenerator(URI base, Properties bench, String scenario, String path, String as) {
		this.as = as;
		this.base = base;
		this.bench = bench;
		this.scenario = scenario;
		this.path = path;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.cookieHandler(new CookieManager())
			.build();
	}

	public static void main(String[] args) throws Exception {
		BenchArguments arguments = new BenchArguments(args);
		URI base = arguments.loopbackBase();
		String scenario = arguments.get("scenario", "create");
		String path = arguments.get("path",
				scenario.equals("html-get") ? "/agent?queue=UNASSIGNED" : "/api/v1/tickets?queue=UNASSIGNED&size=25");
		Properties bench = arguments.benchFile();
		int[] clients = Arrays.stream(arguments.get("clients", "1,8,32").split(",")).mapToInt(Integer::parseInt).toArray();
		Duration warmup = Duration.ofSeconds(arguments.getInt("warmup", 10));
		Duration duration = Duration.ofSeconds(arguments.getInt("duration", 30));
		if (duration.compareTo(Duration.ofMinutes(10)) > 0) {
			throw new IllegalArgumentException("A run lasts at most 10 minutes");
		}
		String as = arguments.get("as", "technician");
		if (bench.getProperty(as + ".token") == null) {
			throw new IllegalArgumentException("The bench file has no " + as + ".token");
		}
		LoadGenerator generator = new LoadGenerator(base, bench, scenario, path, as);
		if (scenario.equals("html-get")) {
			generator.logIn();
		}
		System.out.println("| scenario | path | clients | requests | errors | throughput (req/s) | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) |");
		System.out.println("|---|---|---|---|---|---|---|---|---|---|");
		for (int count : clients) {
			System.out.println(generator.run(count, warmup, duration));
		}
		if (generator.firstError.get() != null) {
			System.out.println("First error: " + generator.firstError.get());
		}
	}

	private String run(int clients, Duration warmup, Duration duration) throws InterruptedException {
		long measureFrom = System.nanoTime() + warmup.toNanos();
		long measureUntil = measureFrom + duration.toNanos();
		List<ClosedLoopClient> threads = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			ClosedLoopClient client = new ClosedLoopClient(measureFrom, measureUntil, this::attempt, firstError);
			threads.add(client);
			client.start();
		}
		for (ClosedLoopClient client : threads) {
			client.join();
		}
		long errors = ClosedLoopClient.errors(threads);
		long[] all = ClosedLoopClient.sortedLatencies(threads);
		double seconds = duration.toNanos() / 1e9;
		return String.format("| %s | `%s` | %d | %d | %d | %.0f | %.1f | %.1f | %.1f | %.1f |", scenario,
				scenario.equals("create") ? "POST /api/v1/tickets"
						: scenario.equals("file") ? "POST /api/v1/catalogue/items/{id}/requests" : path, clients, all.length, errors,
				all.length / seconds, percentile(all, 50), percentile(all, 95), percentile(all, 99),
				all.length == 0 ? 0 : all[all.length - 1] / 1e6);
	}

	static double percentile(long[] sorted, int percent) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, index)] / 1e6;
	}

	/** Logs the agent in once; the session cookie is then sent by every client. */
	private void logIn() throws IOException, InterruptedException {
		HttpResponse<String> form = http.send(HttpRequest.newBuilder(base.resolve("/login")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher csrf = CSRF.matcher(form.body());
		if (!csrf.find()) {
			throw new IllegalStateException("No CSRF field on /login (HTTP " + form.statusCode() + ")");
		}
		String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
		String body = "username=" + encode(bench.getProperty("technician.username")) + "&password="
				+ encode(bench.getProperty("technician.password")) + "&_csrf=" + encode(token);
		HttpResponse<String> login = http.send(HttpRequest.newBuilder(base.resolve("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		String location = login.headers().firstValue("Location").orElse("");
		if (login.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException("Login refused: HTTP " + login.statusCode() + " to " + location);
		}
	}

	private HttpRequest request() {
		HttpRequest.Builder builder = HttpRequest.newBuilder().timeout(Duration.ofSeconds(10));
		return switch (scenario) {
			case "create" -> builder.uri(base.resolve("/api/v1/tickets"))
				.header("Authorization", "Bearer " + bench.getProperty("technician.token"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("""
						{"type":"INCIDENT","title":"Imprimante du 2e étage bloquée %d","description":"Bourrage papier dans le bac 2, plus personne ne peut imprimer.","urgency":"MEDIUM"}"""
					.formatted(sequence.incrementAndGet())))
				.build();
			case "api-get" -> builder.uri(base.resolve(path))
				.header("Authorization", "Bearer " + bench.getProperty(as + ".token"))
				.GET()
				.build();
			case "html-get" -> builder.uri(base.resolve(path)).GET().build();
			case "file" -> builder
				.uri(base.resolve("/api/v1/catalogue/items/" + bench.getProperty("catalogue.item.id") + "/requests"))
				.header("Authorization", "Bearer " + bench.getProperty("requester.token"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(FILING.formatted(sequence.incrementAndGet())))
				.build();
			default -> throw new IllegalArgumentException("Unknown scenario " + scenario);
		};
	}

	private int expectedStatus() {
		return scenario.equals("create") || scenario.equals("file") ? 201 : 200;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** One request of the scenario; whether its answer had the expected status. */
	private boolean attempt() throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(request(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != expectedStatus()) {
			firstError.compareAndSet(null, "HTTP " + response.statusCode() + " "
					+ response.body().substring(0, Math.min(300, response.body().length())));
			return false;
		}
		return true;
	}

}
