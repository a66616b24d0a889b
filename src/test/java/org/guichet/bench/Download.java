package org.guichet.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Times the download of one large answer (a CSV export, the service-review PDF) from a Guichet on
 * this machine, {@code --repeat} times one after the other, and prints one Markdown row per
 * download: HTTP status, time to the first byte, total time, bytes, rows (line ends, the CSV
 * header included), rows per second, and the server's heap while it answered.
 * <p>
 * Arguments: {@code --path} (required, e.g. {@code /api/v1/tickets.csv?queue=ALL&size=100000}),
 * {@code --as} (whose API token from {@code bench.properties}: {@code technician} by default,
 * {@code supervisor}…), {@code --basic} ({@code user:password} for HTTP Basic instead of a token,
 * e.g. {@code tech1:demo} on the demo data), {@code --base-url} ({@code http://127.0.0.1:8080}), {@code --bench-file}
 * ({@code target/bench-data/bench.properties}), {@code --repeat} (1), {@code --limit-rows} (stop
 * reading after this many lines, 0 for all), {@code --server-pid} (the server's process: its heap
 * is sampled every 200 ms with {@code jstat -gc}, the JDK's tool; the row gives the highest heap
 * used, the highest old generation used and the number of collections during the download).
 * Only loopback addresses are accepted.
 */
public final class Download {

	private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");

	private Download() {
	}

	public static void main(String[] args) throws Exception {
		BenchArguments arguments = new BenchArguments(args);
		URI base = URI.create(arguments.get("base-url", "http://127.0.0.1:8080"));
		if (!LOOPBACK.contains(base.getHost())) {
			throw new IllegalArgumentException("Downloads only from this machine (127.0.0.1), not " + base);
		}
		String path = arguments.get("path", "");
		if (path.isEmpty()) {
			throw new IllegalArgumentException("--path is required");
		}
		String authorization = authorization(arguments);
		long limitRows = arguments.getInt("limit-rows", 0);
		String pid = arguments.get("server-pid", "");
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		System.out.println("| path | status | first byte (ms) | total (ms) | bytes | rows | rows/s | server heap max used (MB) | old gen max used (MB) | GCs (young/full) |");
		System.out.println("|---|---|---|---|---|---|---|---|---|---|");
		for (int i = 0; i < arguments.getInt("repeat", 1); i++) {
			HeapSampler heap = pid.isEmpty() ? null : HeapSampler.start(pid);
			HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
				.header("Authorization", authorization)
				.timeout(Duration.ofMinutes(10))
				.GET()
				.build();
			long start = System.nanoTime();
			HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
			long firstByte = System.nanoTime();
			long bytes = 0;
			long rows = 0;
			try (InputStream body = response.body()) {
				byte[] buffer = new byte[64 * 1024];
				int read;
				outer: while ((read = body.read(buffer)) >= 0) {
					bytes += read;
					for (int b = 0; b < read; b++) {
						if (buffer[b] == '\n' && ++rows == limitRows) {
							break outer;
						}
					}
				}
			}
			long end = System.nanoTime();
			String heapColumns = heap == null ? "| | |" : heap.finish();
			double seconds = (end - start) / 1e9;
			System.out.printf("| `%s` | %d | %.0f | %.0f | %,d | %,d | %,.0f %s%n", path, response.statusCode(),
					(firstByte - start) / 1e6, (end - start) / 1e6, bytes, rows, rows / seconds, heapColumns);
		}
	}

	/**
	 * The {@code Authorization} header: HTTP Basic with {@code --basic user:password} (a server
	 * with the demo data, whose people have a known password), else the API token of {@code --as}
	 * from the bench file.
	 */
	private static String authorization(BenchArguments arguments) throws IOException {
		String basic = arguments.get("basic", "");
		if (!basic.isEmpty()) {
			return "Basic " + java.util.Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8));
		}
		Properties bench = new Properties();
		try (Reader reader = Files.newBufferedReader(Path.of(arguments.get("bench-file",
				"target/bench-data/bench.properties")))) {
			bench.load(reader);
		}
		String token = bench.getProperty(arguments.get("as", "technician") + ".token");
		if (token == null) {
			throw new IllegalArgumentException("The bench file has no " + arguments.get("as", "technician") + ".token");
		}
		return "Bearer " + token;
	}

	/** Reads {@code jstat -gc <pid> 200} while a download runs. */
	private static final class HeapSampler extends Thread {

		private final Process jstat;

		private final AtomicLong maxUsedKb = new AtomicLong();

		private final AtomicLong maxOldKb = new AtomicLong();

		private long firstYoung = -1;

		private long firstFull = -1;

		private volatile long lastYoung;

		private volatile long lastFull;

		private HeapSampler(Process jstat) {
			this.jstat = jstat;
			setDaemon(true);
		}

		static HeapSampler start(String pid) throws IOException {
			HeapSampler sampler = new HeapSampler(new ProcessBuilder("jstat", "-gc", pid, "200")
				.redirectErrorStream(true)
				.start());
			sampler.start();
			return sampler;
		}

		@Override
		public void run() {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(jstat.getInputStream(), StandardCharsets.US_ASCII))) {
				String header = lines.readLine();
				if (header == null) {
					return;
				}
				java.util.List<String> names = java.util.List.of(header.trim().split("\\s+"));
				String line;
				while ((line = lines.readLine()) != null) {
					String[] values = line.trim().split("\\s+");
					if (values.length != names.size() || values[0].equals("S0C")) {
						continue;
					}
					double used = value(values, names, "S0U") + value(values, names, "S1U")
							+ value(values, names, "EU") + value(values, names, "OU");
					maxUsedKb.accumulateAndGet((long) used, Math::max);
					maxOldKb.accumulateAndGet((long) value(values, names, "OU"), Math::max);
					long young = (long) value(values, names, "YGC");
					long full = (long) value(values, names, "FGC");
					if (firstYoung < 0) {
						firstYoung = young;
						firstFull = full;
					}
					lastYoung = young;
					lastFull = full;
				}
			}
			catch (IOException ex) {
				// jstat ended: the sampling stops with it
			}
		}

		private static double value(String[] values, java.util.List<String> names, String name) {
			int index = names.indexOf(name);
			return index < 0 || values[index].equals("-") ? 0 : Double.parseDouble(values[index]);
		}

		String finish() throws InterruptedException {
			Thread.sleep(250);
			jstat.destroy();
			join(2000);
			return String.format("| %.0f | %.0f | %d/%d |", maxUsedKb.get() / 1024.0, maxOldKb.get() / 1024.0,
					Math.max(0, lastYoung - firstYoung), Math.max(0, lastFull - firstFull));
		}

	}

}
