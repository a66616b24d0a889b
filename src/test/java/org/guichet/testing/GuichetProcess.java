package org.guichet.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.guichet.GuichetApplication;
import org.jspecify.annotations.Nullable;

/**
 * Guichet run as a separate JVM on 127.0.0.1, for tests that must end the process the way a
 * crash does ({@link #kill()}: SIGKILL on Linux) and start it again on the same database.
 * <p>
 * The process runs the main classes and the runtime libraries of the test's class path (the test
 * classes are left out, so nothing of the tests is scanned), without a Spring profile, on a free
 * port, with the given application properties as command-line arguments. Its output goes to
 * {@code guichet-N.log} in the given folder, N counting the starts.
 */
public final class GuichetProcess implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private final Path folder;

	private Map<String, String> properties;

	private final int port;

	private int starts;

	private @Nullable Process process;

	private GuichetProcess(Path folder, Map<String, String> properties, int port) {
		this.folder = folder;
		this.properties = properties;
		this.port = port;
	}

	/**
	 * Starts Guichet and waits until it serves HTTP.
	 * @param folder where the logs go (created if missing)
	 * @param properties application properties, e.g. {@code guichet.data-dir}
	 * @throws IllegalStateException when the process ends or does not serve within 3 minutes
	 */
	public static GuichetProcess start(Path folder, Map<String, String> properties) {
		GuichetProcess guichet = new GuichetProcess(folder, Map.copyOf(properties), LocalServers.freePort());
		guichet.startAgain();
		return guichet;
	}

	/** {@code http://127.0.0.1:<port>}, the same across restarts. */
	public String baseUrl() {
		return "http://127.0.0.1:" + port;
	}

	/** The output of the current (or last) start. */
	public Path log() {
		return folder.resolve("guichet-" + starts + ".log");
	}

	/** Ends the process at once, as a crash does (SIGKILL on Linux), and waits until it is gone. */
	public void kill() {
		Process running = running();
		running.destroyForcibly();
		waitForEnd(running);
		process = null;
	}

	/** Starts the process again after {@link #kill()}, on the same port and database, and waits until it serves. */
	public void startAgain() {
		if (process != null) {
			throw new IllegalStateException("Guichet is still running");
		}
		starts++;
		Path log = log();
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", mainClassPath(),
				GuichetApplication.class.getName(), "--server.address=127.0.0.1", "--server.port=" + port));
		properties.forEach((name, value) -> command.add("--" + name + "=" + value));
		try {
			Files.createDirectories(folder);
			process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start Guichet", ex);
		}
		awaitServing(log);
	}

	/**
	 * Starts the process again after {@link #kill()} as {@link #startAgain()} does, with some of its
	 * properties changed or added for this start and the following ones.
	 */
	public void startAgain(Map<String, String> changed) {
		Map<String, String> all = new java.util.LinkedHashMap<>(properties);
		all.putAll(changed);
		properties = Map.copyOf(all);
		startAgain();
	}

	/** Stops the process if it runs (SIGTERM, then SIGKILL after 30 s). */
	@Override
	public void close() {
		if (process != null) {
			process.destroy();
			try {
				if (!process.waitFor(30, TimeUnit.SECONDS)) {
					process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			process = null;
		}
	}

	private void awaitServing(Path log) {
		HttpRequest login = HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).timeout(Duration.ofSeconds(5)).build();
		LocalServers.awaitReady("Guichet", running(), login, response -> response.statusCode() == 200, START_TIMEOUT,
				() -> tail(log));
	}

	private Process running() {
		if (process == null) {
			throw new IllegalStateException("Guichet is not running");
		}
		return process;
	}

	/** The test's class path without the test classes (surefire and failsafe give it in a property). */
	private static String mainClassPath() {
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		return String.join(File.pathSeparator, Arrays.stream(classPath.split(File.pathSeparator))
			.filter(entry -> !Path.of(entry).endsWith("test-classes"))
			.toList());
	}

	private static void waitForEnd(Process process) {
		try {
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("Guichet did not end within 30 s of SIGKILL");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

}
