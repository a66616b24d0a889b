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
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures a newcomer's first run: starts a command (by default the README's
 * {@code ./mvnw spring-boot:run} on a port and data directory of its own), then polls the login
 * page every 100 ms and prints, in seconds from the command's launch, when {@code /login} first
 * answered 200, when it first showed the "loading the demo data" notice, and when the demo
 * administrator ({@code admin} / {@code demo}) could first log in. Then it ends the process tree
 * it started, and only that one.
 * <p>
 * Arguments: {@code --dir} (where the command runs, default {@code .}), {@code --port} (default
 * 8093), {@code --data-dir} (default {@code /tmp/firstrun-data}, deleted before the start: a
 * first run), {@code --maven-args} (added to the Maven command, e.g. {@code -o} or
 * {@code -Dmaven.repo.local=/tmp/cold-m2}), {@code --timeout} (seconds, default 600). The
 * command's output goes to {@code <data-dir>.log}.
 */
public final class FirstRun {

	private static final Pattern CSRF = Pattern.compile(
			"name=\"_csrf\"[^>]*?value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*?name=\"_csrf\"");

	private static final String LOADING_MARKER = "data-startup-loading";

	private FirstRun() {
	}

	public static void main(String[] args) throws Exception {
		BenchArguments arguments = new BenchArguments(args);
		Path dir = Path.of(arguments.get("dir", ".")).toAbsolutePath();
		int port = arguments.getInt("port", 8093);
		Path dataDir = Path.of(arguments.get("data-dir", "/tmp/firstrun-data")).toAbsolutePath();
		Duration timeout = Duration.ofSeconds(arguments.getInt("timeout", 600));
		deleteTree(dataDir);
		Path log = Path.of(dataDir + ".log");
		String mavenArgs = arguments.get("maven-args", "");
		String command = "./mvnw -B " + mavenArgs + " spring-boot:run -Dspring-boot.run.arguments=\"--server.port="
				+ port + " --guichet.data-dir=" + dataDir + "\"";
		System.out.println("Command: " + command + " (in " + dir + ")");
		System.out.println("Load average before: " + loadAverage());

		long start = System.nanoTime();
		Process process = new ProcessBuilder("bash", "-c", "exec " + command).directory(dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		URI base = URI.create("http://127.0.0.1:" + port);
		double pageAt = -1;
		double loadingAt = -1;
		double loginAt = -1;
		try {
			while (loginAt < 0) {
				if (!process.isAlive()) {
					throw new IllegalStateException("The command ended with " + process.exitValue() + ", see " + log);
				}
				if (System.nanoTime() - start > timeout.toNanos()) {
					throw new IllegalStateException("No usable login within " + timeout + ", see " + log);
				}
				Attempt attempt = tryLogin(base);
				double seconds = (System.nanoTime() - start) / 1e9;
				if (attempt.pageServed() && pageAt < 0) {
					pageAt = seconds;
				}
				if (attempt.loadingShown() && loadingAt < 0) {
					loadingAt = seconds;
				}
				if (attempt.loggedIn()) {
					loginAt = seconds;
				}
				else {
					Thread.sleep(100);
				}
			}
		}
		finally {
			stop(process);
		}
		System.out.printf(Locale.ROOT, "Login page served after %.1f s%n", pageAt);
		System.out.println(loadingAt < 0 ? "Loading notice never seen"
				: String.format(Locale.ROOT, "Loading notice first seen after %.1f s", loadingAt));
		System.out.printf(Locale.ROOT, "Usable login (admin/demo) after %.1f s%n", loginAt);
		Files.readAllLines(log).stream()
			.filter(line -> line.contains("Started GuichetApplication") || line.contains("Loaded the demo data")
					|| line.contains("BUILD") || line.contains("Total time"))
			.forEach(line -> System.out.println("  log: " + line.strip()));
		System.out.println("Load average after: " + loadAverage());
	}

	private record Attempt(boolean pageServed, boolean loadingShown, boolean loggedIn) {
	}

	/** One look at the login page and, when it is served, one login as the demo administrator. */
	private static Attempt tryLogin(URI base) throws InterruptedException {
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(1))
			.cookieHandler(new CookieManager())
			.build();
		try {
			HttpResponse<String> form = http.send(HttpRequest.newBuilder(base.resolve("/login"))
				.timeout(Duration.ofSeconds(10))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
			if (form.statusCode() != 200) {
				return new Attempt(false, false, false);
			}
			boolean loading = form.body().contains(LOADING_MARKER);
			Matcher csrf = CSRF.matcher(form.body());
			if (!csrf.find()) {
				return new Attempt(true, loading, false);
			}
			String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
			String body = "username=admin&password=demo&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
			HttpResponse<String> login = http.send(HttpRequest.newBuilder(base.resolve("/login"))
				.timeout(Duration.ofSeconds(10))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			String location = login.headers().firstValue("Location").orElse("");
			return new Attempt(true, loading, login.statusCode() == 302 && !location.contains("error"));
		}
		catch (IOException notYet) {
			return new Attempt(false, false, false);
		}
	}

	/** Ends the started process and its descendants (Maven's forked JVM), children first. */
	private static void stop(Process process) throws InterruptedException {
		List<ProcessHandle> descendants = process.descendants().toList();
		descendants.forEach(ProcessHandle::destroy);
		process.destroy();
		for (ProcessHandle handle : descendants) {
			handle.onExit().completeOnTimeout(handle, 20, TimeUnit.SECONDS).join();
			handle.destroyForcibly();
		}
		if (!process.waitFor(20, TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
	}

	private static String loadAverage() throws IOException {
		Path loadavg = Path.of("/proc/loadavg");
		return Files.exists(loadavg) ? Files.readString(loadavg).strip() : "unknown";
	}

	private static void deleteTree(Path path) throws IOException {
		if (!Files.exists(path)) {
			return;
		}
		try (var paths = Files.walk(path)) {
			for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(each);
			}
		}
	}

}
