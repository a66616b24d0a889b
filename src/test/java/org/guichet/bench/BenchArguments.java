package org.guichet.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@code --name value} arguments of a benchmark command.
 */
public final class BenchArguments {

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

	public int getInt(String name, int fallback) {
		return Integer.parseInt(get(name, String.valueOf(fallback)).replace("_", "").replace(",", ""));
	}

}
