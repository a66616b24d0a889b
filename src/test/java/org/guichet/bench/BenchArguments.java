package org.guichet.bench;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The {@code --name value} arguments of a benchmark command.
 */
public final class BenchArguments {

	private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");

	private final Map<String, String> values = new HashMap<>();

	public BenchArguments(String[] args) {
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--") || i + 1 == args.length) {
				throw new IllegalArgumentException("Expected --name value pairs, got: " + String.join(" ", args));
			}
			values.put(args[i].substring(2), args[++i]);
		}
	}

	public String get(String name, String fallback) {
		return values.getOrDefault(name, fallback);
	}

	/**
	 * {@code --base-url} (default {@code http://127.0.0.1:8080}): the Guichet a load run targets.
	 *
	 * @throws IllegalArgumentException when it is not on this machine (a loopback address)
	 */
	public URI loopbackBase() {
		URI base = URI.create(get("base-url", "http://127.0.0.1:8080"));
		if (!LOOPBACK.contains(base.getHost())) {
			throw new IllegalArgumentException("The load generator only targets this machine (127.0.0.1), not " + base);
		}
		return base;
	}

	/** The {@code bench.properties} {@link Seed} wrote, at {@code --bench-file} (default {@code target/bench-data/bench.properties}). */
	public Properties benchFile() throws IOException {
		Properties bench = new Properties();
		try (Reader reader = Files.newBufferedReader(Path.of(get("bench-file", "target/bench-data/bench.properties")))) {
			bench.load(reader);
		}
		return bench;
	}

	public int getInt(String name, int fallback) {
		return Integer.parseInt(get(name, String.valueOf(fallback)).replace("_", "").replace(",", ""));
	}

}
