package org.guichet.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.jspecify.annotations.Nullable;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real single-node OpenSearch 2.19 cluster on 127.0.0.1, for the tests of the shared search
 * index: the {@code integ-test-zip} distribution from Maven Central, with the {@code analysis-common}
 * (Guichet's analysers) and {@code reindex} (delete by query, which a rebuild runs) modules added,
 * started with a 512 MB heap on a free port in a fresh temporary folder, and stopped (its folder
 * deleted) by {@link #close()}.
 * <p>
 * Maven's {@code pre-integration-test} phase copies the distribution into {@code target/opensearch}
 * and the modules' jars into {@code target/opensearch/<module>} (pom.xml); a test started without
 * them (from an IDE before any Maven run) is skipped. Run as
 * root (the build machine, CI), the node runs as {@code nobody} ({@code setpriv}), OpenSearch
 * refusing root.
 */
public final class OpenSearchNode implements AutoCloseable {

	private static final String VERSION = "2.19.6";

	private static final Path FILES = Path.of("target", "opensearch").toAbsolutePath();

	private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

	/** The user and group a node started as root runs as ({@code nobody}). */
	private static final int NOBODY = 65534;

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final String name;

	private final Path home;

	private final int port;

	private @Nullable Process process;

	private OpenSearchNode(String name, Path home, int port) {
		this.name = name;
		this.home = home;
		this.port = port;
	}

	/**
	 * Unpacks OpenSearch into a new temporary folder, starts it and waits until its cluster is
	 * yellow or green (2 minutes at most).
	 *
	 * @param name the node's name, and the start of its folder's
	 * @throws org.opentest4j.TestAbortedException when the distribution was not copied by Maven
	 * @throws IllegalStateException when the node ends or is not healthy in time
	 */
	public static OpenSearchNode start(String name) {
		Path zip = FILES.resolve("opensearch-" + VERSION + ".zip");
		assumeTrue(Files.isRegularFile(zip), "OpenSearch's distribution is copied into target/opensearch by Maven (pre-integration-test)");
		Path home;
		try {
			// in the temporary folder, which the node's user can reach wherever the build's folder is
			home = Files.createTempDirectory(name + "-");
			unzip(zip, home);
			addModule(home, "analysis-common", "org.opensearch.analysis.common.CommonAnalysisPlugin");
			addModule(home, "reindex", "org.opensearch.index.reindex.ReindexPlugin");
			Files.createDirectories(home.resolve("data"));
			Files.createDirectories(home.resolve("logs"));
			Files.createDirectories(home.resolve("tmp"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not lay out OpenSearch", ex);
		}
		OpenSearchNode node = new OpenSearchNode(name, home, LocalServers.freePort());
		node.launch();
		return node;
	}

	/** {@code http://127.0.0.1:<port>}, the node's REST address. */
	public String uri() {
		return "http://127.0.0.1:" + port;
	}

	/**
	 * A GET or, with a body, a POST of JSON to the node's REST API.
	 *
	 * @param path from the root, e.g. {@code /_cat/indices}
	 * @param json the request's body, or null for a GET
	 * @return the response's body
	 * @throws IllegalStateException when the node does not answer 200
	 */
	public String call(String path, @Nullable String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri() + path)).timeout(Duration.ofSeconds(30));
		if (json != null) {
			request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
		}
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Stops the node (SIGTERM, then SIGKILL after 30 s) and deletes its folder. */
	@Override
	public void close() {
		Process running = process;
		if (running == null) {
			return;
		}
		process = null;
		running.destroy();
		try {
			if (!running.waitFor(30, TimeUnit.SECONDS)) {
				running.destroyForcibly();
				running.waitFor(10, TimeUnit.SECONDS);
			}
			delete(home);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not delete " + home, ex);
		}
	}

	private void launch() {
		List<String> command = new ArrayList<>();
		boolean root = "root".equals(System.getProperty("user.name"));
		if (root) {
			chownToNobody(home);
			command.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
		}
		command.addAll(List.of(home.resolve("bin/opensearch").toString(), "-Ecluster.name=guichet-test",
				"-Enode.name=" + name, "-Ediscovery.type=single-node", "-Enetwork.host=127.0.0.1",
				"-Ehttp.port=" + port, "-Etransport.port=" + LocalServers.freePort(), "-Epath.data=" + home.resolve("data"),
				"-Epath.logs=" + home.resolve("logs"), "-Ecluster.routing.allocation.disk.threshold_enabled=false"));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(home.resolve("logs/console.log").toFile());
		builder.environment().put("OPENSEARCH_JAVA_HOME", System.getProperty("java.home"));
		builder.environment().put("OPENSEARCH_JAVA_OPTS", "-Xms512m -Xmx512m");
		builder.environment().put("OPENSEARCH_TMPDIR", home.resolve("tmp").toString());
		Process started;
		try {
			started = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start OpenSearch", ex);
		}
		process = started;
		awaitHealthy(started);
	}

	private void awaitHealthy(Process started) {
		HttpRequest health = HttpRequest
			.newBuilder(URI.create(uri() + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
			.timeout(Duration.ofSeconds(5))
			.build();
		try {
			LocalServers.awaitReady("OpenSearch", started, health, response -> response.statusCode() == 200
					&& response.body().matches("(?s).*\"status\"\\s*:\\s*\"(green|yellow)\".*"), START_TIMEOUT, this::tail);
		}
		catch (IllegalStateException notStarted) {
			close();
			throw notStarted;
		}
	}

	/**
	 * A module folder holding the jars Maven copied into {@code target/opensearch/<name>} (the
	 * module's and the libraries it needs) and its descriptor, as OpenSearch's full distribution
	 * lays it out.
	 */
	private static void addModule(Path home, String name, String className) throws IOException {
		Path module = home.resolve("modules").resolve(name);
		Files.createDirectories(module);
		try (Stream<Path> jars = Files.list(FILES.resolve(name))) {
			for (Path jar : jars.toList()) {
				Files.copy(jar, module.resolve(jar.getFileName()));
			}
		}
		Files.writeString(module.resolve("plugin-descriptor.properties"), String.join("\n", "description=" + name,
				"version=" + VERSION, "name=" + name, "classname=" + className, "java.version=11",
				"opensearch.version=" + VERSION, ""), StandardCharsets.UTF_8);
	}

	private static void unzip(Path zip, Path into) throws IOException {
		try (ZipInputStream entries = new ZipInputStream(Files.newInputStream(zip))) {
			for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
				// the archive holds one top folder, opensearch-<version>/
				String name = entry.getName().substring(entry.getName().indexOf('/') + 1);
				Path target = into.resolve(name).normalize();
				if (!target.startsWith(into)) {
					throw new IOException("Entry outside the folder: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(target);
				}
				else {
					Files.createDirectories(target.getParent());
					Files.copy(entries, target);
					if (name.startsWith("bin/")) {
						target.toFile().setExecutable(true, false);
					}
				}
			}
		}
	}

	private static void chownToNobody(Path folder) {
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path file : files.toList()) {
				Files.setAttribute(file, "unix:uid", NOBODY);
				Files.setAttribute(file, "unix:gid", NOBODY);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not give " + folder + " to nobody", ex);
		}
	}

	private static void delete(Path folder) throws IOException {
		if (Files.exists(folder)) {
			try (Stream<Path> files = Files.walk(folder)) {
				for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(file);
				}
			}
		}
	}

	private String tail() {
		try {
			List<String> lines = Files.readAllLines(home.resolve("logs/console.log"), StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}


}
