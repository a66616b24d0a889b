package org.guichet.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times the start of a Guichet server and reads its memory: for each run it launches a command,
 * polls {@code /login} and {@code /actuator/health/readiness} every 100 ms, and reads the server's
 * resident memory ({@code VmRSS}, with its anonymous and file-backed parts, from
 * {@code /proc/<pid>/status}) and CPU time when the login page is first served and when readiness
 * first answers 200; then it logs in and views a few pages, reads the memory again, and ends the
 * process tree it started (and only that one). Several variants (one command each) run in turn,
 * A B A B…, so that a shared machine's load weighs on each alike; the load average is read before
 * each run. It prints one Markdown row per run, then the median, least and largest of each
 * variant.
 * <p>
 * Arguments: {@code --variants} (a file: one variant a line, {@code label: command}; {@code #}
 * starts a comment; {@code {port}} in a command is replaced by the port), {@code --runs} (per
 * variant, default 3), {@code --port} (default 8095), {@code --user} and {@code --password} (who
 * views the pages, default {@code bench-tech-1} / {@code bench-password} of {@link Seed}),
 * {@code --pages} (comma-separated paths, each viewed {@code --views} times, default 3; 0: no
 * login, no page),
 * {@code --log-dir} (each run's output, default {@code /tmp/start-time}), {@code --pause}
 * (seconds between runs, default 5), {@code --timeout} (seconds per run, default 300).
 */
public final class StartTime {

	private static final Pattern CSRF = Pattern.compile(
			"name=\"_csrf\"[^>]*?value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*?name=\"_csrf\"");

	private static final Pattern STARTED = Pattern.compile("Started GuichetApplication in ([0-9.]+) seconds");

	private static final String DEFAULT_PAGES = "/agent?queue=UNASSIGNED,/agent?queue=MINE,/agent?queue=GROUPS,"
			+ "/agent?queue=ALL,/search?q=imprimante";

	private StartTime() {
	}

	public static void main(String[] args) throws Exception {
		BenchArguments arguments = new BenchArguments(args);
		Map<String, String> variants = variants(Path.of(arguments.get("variants", "start-variants.txt")));
		int runs = arguments.getInt("runs", 3);
		int port = arguments.getInt("port", 8095);
		Path logDir = Path.of(arguments.get("log-dir", "/tmp/start-time"));
		Files.createDirectories(logDir);
		Duration timeout = Duration.ofSeconds(arguments.getInt("timeout", 300));
		Viewer viewer = new Viewer(URI.create("http://127.0.0.1:" + port), arguments.get("user", "bench-tech-1"),
				arguments.get("password", "bench-password"), List.of(arguments.get("pages", DEFAULT_PAGES).split(",")),
				arguments.getInt("views", 3));

		Map<String, List<Run>> results = new LinkedHashMap<>();
		variants.keySet().forEach(label -> results.put(label, new ArrayList<>()));
		System.out.println("| Variant | Run | Load average | Served (s) | Ready (s) | Spring's \"Started in\" (s) | CPU at ready (s)"
				+ " | RSS served (MB) | RSS ready (MB) | RSS after pages (MB) | of which file-backed (MB) |");
		System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
		for (int n = 1; n <= runs; n++) {
			for (Map.Entry<String, String> variant : variants.entrySet()) {
				String command = variant.getValue().replace("{port}", Integer.toString(port));
				Path log = logDir.resolve(variant.getKey() + "-" + n + ".log");
				Run run = run(command, log, viewer, timeout);
				results.get(variant.getKey()).add(run);
				System.out.printf(Locale.ROOT, "| %s | %d | %s | %.2f | %.2f | %s | %.1f | %d | %d | %d | %d |%n",
						variant.getKey(), n, run.loadAverage(), run.servedAt(), run.readyAt(), run.started(),
						run.cpuAtReady(), run.rssServed(), run.rssReady(), run.rssAfter().total(), run.rssAfter().file());
				Thread.sleep(arguments.getInt("pause", 5) * 1000L);
			}
		}
		System.out.println();
		System.out.println("| Variant | Runs | Served (s) median [min–max] | Ready (s) median [min–max] | CPU at ready (s) median"
				+ " | RSS ready (MB) median | RSS after pages (MB) median [min–max] |");
		System.out.println("|---|---|---|---|---|---|---|");
		results.forEach((label, list) -> System.out.printf(Locale.ROOT, "| %s | %d | %s | %s | %.1f | %.0f | %s |%n", label,
				list.size(), summary(list, Run::servedAt, "%.2f"), summary(list, Run::readyAt, "%.2f"),
				median(list, Run::cpuAtReady), median(list, run -> run.rssReady()),
				summary(list, run -> run.rssAfter().total(), "%.0f")));
	}

	/** One start: what was measured, in seconds from the command's launch and MB of resident memory. */
	private record Run(String loadAverage, double servedAt, double readyAt, String started, double cpuAtReady,
			long rssServed, long rssReady, Memory rssAfter) {
	}

	/** Resident memory of a process, MB: all of it, and the part backed by files (mapped jars, archives, indexes). */
	private record Memory(long total, long file) {
	}

	private static Run run(String command, Path log, Viewer viewer, Duration timeout) throws Exception {
		String loadAverage = loadAverage();
		long start = System.nanoTime();
		Process process = new ProcessBuilder("bash", "-c", "exec " + command).redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			ProcessHandle server = javaProcess(process);
			double servedAt = -1;
			double readyAt = -1;
			long rssServed = 0;
			long rssReady = 0;
			double cpuAtReady = 0;
			while (readyAt < 0) {
				if (!process.isAlive()) {
					throw new IllegalStateException("The command ended with " + process.exitValue() + ", see " + log);
				}
				if (System.nanoTime() - start > timeout.toNanos()) {
					throw new IllegalStateException("Not ready within " + timeout + ", see " + log);
				}
				if (servedAt < 0 && viewer.status("/login") == 200) {
					servedAt = (System.nanoTime() - start) / 1e9;
					rssServed = memory(server).total();
				}
				if (servedAt >= 0 && viewer.status("/actuator/health/readiness") == 200) {
					readyAt = (System.nanoTime() - start) / 1e9;
					rssReady = memory(server).total();
					cpuAtReady = ProcessCpu.tree(Long.toString(server.pid())) / 1e9;
				}
				else {
					Thread.sleep(100);
				}
			}
			viewer.viewPages();
			Thread.sleep(2000);
			Memory after = memory(server);
			Matcher started = STARTED.matcher(Files.readString(log));
			return new Run(loadAverage, servedAt, readyAt, started.find() ? started.group(1) : "?", cpuAtReady, rssServed,
					rssReady, after);
		}
		finally {
			stop(process);
		}
	}

	/** Logs in through the form and views pages; one client per run, HTTP/1.1, loopback only. */
	private static final class Viewer {

		private final URI base;

		private final String user;

		private final String password;

		private final List<String> pages;

		private final int views;

		private final HttpClient anonymous = client();

		Viewer(URI base, String user, String password, List<String> pages, int views) {
			this.base = base;
			this.user = user;
			this.password = password;
			this.pages = pages;
			this.views = views;
		}

		int status(String path) throws InterruptedException {
			try {
				return anonymous.send(request(path).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
			}
			catch (IOException notYet) {
				return -1;
			}
		}

		void viewPages() throws IOException, InterruptedException {
			if (views == 0) {
				return;
			}
			HttpClient http = client();
			HttpResponse<String> form = http.send(request("/login").GET().build(), HttpResponse.BodyHandlers.ofString());
			Matcher csrf = CSRF.matcher(form.body());
			if (!csrf.find()) {
				throw new IllegalStateException("No CSRF token on the login page");
			}
			String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
			String body = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
					+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
					+ URLEncoder.encode(token, StandardCharsets.UTF_8);
			HttpResponse<Void> login = http.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.discarding());
			if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
				throw new IllegalStateException("Login as " + user + " refused: " + login.statusCode());
			}
			for (int i = 0; i < views; i++) {
				for (String page : pages) {
					int status = http.send(request(page).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
					if (status != 200) {
						throw new IllegalStateException(page + " answered " + status);
					}
				}
			}
		}

		private HttpRequest.Builder request(String path) {
			return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
		}

		private static HttpClient client() {
			return HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(1))
				.cookieHandler(new CookieManager())
				.build();
		}

	}

	/** The Java process the command runs: the command itself ({@code exec java …}) or its first Java descendant. */
	private static ProcessHandle javaProcess(Process process) throws InterruptedException {
		for (int i = 0; i < 100; i++) {
			if (isJava(process.toHandle())) {
				return process.toHandle();
			}
			var java = process.descendants().filter(StartTime::isJava).findFirst();
			if (java.isPresent()) {
				return java.get();
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("No Java process under " + process.pid());
	}

	private static boolean isJava(ProcessHandle handle) {
		return handle.info().command().map(command -> command.endsWith("/java")).orElse(false);
	}

	private static Memory memory(ProcessHandle process) throws IOException {
		try {
			Map<String, Long> kilobytes = new LinkedHashMap<>();
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
				String[] parts = line.split("\\s+");
				if (line.startsWith("Rss") || line.startsWith("VmRSS")) {
					kilobytes.put(parts[0].replace(":", ""), Long.parseLong(parts[1]));
				}
			}
			return new Memory(kilobytes.get("VmRSS") / 1024,
					(kilobytes.get("RssFile") + kilobytes.getOrDefault("RssShmem", 0L)) / 1024);
		}
		catch (NoSuchFileException ended) {
			throw new IllegalStateException("The server " + process.pid() + " ended", ended);
		}
	}

	/** Ends the started process and its descendants, children first. */
	private static void stop(Process process) throws InterruptedException {
		List<ProcessHandle> descendants = process.descendants().toList();
		descendants.forEach(ProcessHandle::destroy);
		process.destroy();
		for (ProcessHandle handle : descendants) {
			handle.onExit().completeOnTimeout(handle, 30, TimeUnit.SECONDS).join();
			handle.destroyForcibly();
		}
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
	}

	private static Map<String, String> variants(Path file) throws IOException {
		Map<String, String> variants = new LinkedHashMap<>();
		for (String line : Files.readAllLines(file)) {
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			int colon = trimmed.indexOf(':');
			if (colon < 1) {
				throw new IllegalArgumentException("Expected 'label: command', got: " + line);
			}
			variants.put(trimmed.substring(0, colon).strip(), trimmed.substring(colon + 1).strip());
		}
		if (variants.isEmpty()) {
			throw new IllegalArgumentException("No variant in " + file);
		}
		return variants;
	}

	private static <T> double median(List<T> runs, ToDoubleFunction<T> value) {
		double[] sorted = runs.stream().mapToDouble(value).sorted().toArray();
		int middle = sorted.length / 2;
		return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	private static <T> String summary(List<T> runs, ToDoubleFunction<T> value, String format) {
		double[] sorted = runs.stream().mapToDouble(value).sorted().toArray();
		return String.format(Locale.ROOT, format + " [" + format + "–" + format + "]", median(runs, value), sorted[0],
				sorted[sorted.length - 1]);
	}

	private static String loadAverage() throws IOException {
		return Files.readString(Path.of("/proc/loadavg")).strip().split(" ")[0];
	}

}
