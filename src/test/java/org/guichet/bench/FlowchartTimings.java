package org.guichet.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Times the lifecycle flowchart's SVG from a Guichet on this machine, one request after the other:
 * the plain chart ({@code /api/v1/flowchart?format=svg}), the chart with the counts of a period
 * ({@code &from=&to=}, when {@code --from} and {@code --to} are given) and the chart of a ticket
 * with its path ({@code /api/v1/tickets/{id}/flowchart?format=svg}, when {@code --ticket} is
 * given). Each is asked {@code --warmup} times (10) unmeasured, then {@code --repeat} times (50);
 * prints one Markdown row each: status, bytes, p50, p95 and max in milliseconds, from the request
 * sent to the last byte read.
 * <p>
 * Arguments: {@code --base-url} ({@code http://127.0.0.1:8080}, loopback only), {@code --user} and
 * {@code --password} (HTTP basic; a supervisor of the demo data: {@code manager} / {@code demo}),
 * {@code --ticket}, {@code --from}, {@code --to}, {@code --lang} ({@code en}), {@code --lanes}
 * ({@code false}; {@code true} asks every chart with the actors' swimlanes).
 */
public final class FlowchartTimings {

	private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");

	private FlowchartTimings() {
	}

	public static void main(String[] args) throws Exception {
		BenchArguments arguments = new BenchArguments(args);
		URI base = URI.create(arguments.get("base-url", "http://127.0.0.1:8080"));
		if (!LOOPBACK.contains(base.getHost())) {
			throw new IllegalArgumentException("Timings only on this machine (127.0.0.1), not " + base);
		}
		String credentials = arguments.get("user", "manager") + ":" + arguments.get("password", "demo");
		String authorization = "Basic "
				+ Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
		String lang = arguments.get("lang", "en");
		String lanes = arguments.get("lanes", "false");
		if (!Set.of("true", "false").contains(lanes)) {
			throw new IllegalArgumentException("--lanes is true or false, not " + lanes);
		}
		String query = "format=svg&lang=" + lang + "&lanes=" + lanes;
		List<String> paths = new ArrayList<>(List.of("/api/v1/flowchart?" + query));
		String from = arguments.get("from", "");
		if (!from.isEmpty()) {
			paths.add(paths.get(0) + "&from=" + from + "&to=" + arguments.get("to", from));
		}
		String ticket = arguments.get("ticket", "");
		if (!ticket.isEmpty()) {
			paths.add("/api/v1/tickets/" + ticket + "/flowchart?" + query);
		}
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		int warmup = arguments.getInt("warmup", 10);
		int repeat = arguments.getInt("repeat", 50);
		System.out.println("| path | status | bytes | p50 (ms) | p95 (ms) | max (ms) |");
		System.out.println("|---|---|---|---|---|---|");
		for (String path : paths) {
			HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
				.header("Authorization", authorization)
				.timeout(Duration.ofMinutes(1))
				.GET()
				.build();
			for (int i = 0; i < warmup; i++) {
				http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			}
			List<Double> millis = new ArrayList<>();
			int status = 0;
			int bytes = 0;
			for (int i = 0; i < repeat; i++) {
				long start = System.nanoTime();
				HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
				millis.add((System.nanoTime() - start) / 1e6);
				status = response.statusCode();
				bytes = response.body().length;
			}
			Collections.sort(millis);
			System.out.printf("| `%s` | %d | %,d | %.0f | %.0f | %.0f |%n", path, status, bytes, percentile(millis, 50),
					percentile(millis, 95), millis.get(millis.size() - 1));
		}
	}

	/** The nearest-rank percentile of sorted values. */
	private static double percentile(List<Double> sorted, int percent) {
		int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
		return sorted.get(Math.max(0, rank - 1));
	}

}
