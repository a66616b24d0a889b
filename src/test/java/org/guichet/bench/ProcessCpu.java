package org.guichet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * CPU time of processes from Linux's {@code /proc} (user plus system, 100 ticks a second): this
 * JVM, or another process and its descendants (a PostgreSQL server and its backends).
 */
public final class ProcessCpu {

	private ProcessCpu() {
	}

	/** This JVM's CPU time so far, in nanoseconds. */
	public static long self() throws IOException {
		return ofProcess("self");
	}

	/**
	 * The CPU time so far of process {@code pid} and of its live descendants, in nanoseconds; 0
	 * when {@code pid} is blank. A descendant that ended meanwhile is counted in its parent's
	 * children time only after the parent waited for it, so measure over a period where they live
	 * (PostgreSQL's backends live as long as the connection pool's connections).
	 */
	public static long tree(String pid) throws IOException {
		if (pid.isBlank()) {
			return 0;
		}
		long total = ofProcess(pid);
		for (String child : children(pid)) {
			total += tree(child);
		}
		return total;
	}

	/**
	 * The CPU time so far of the live threads of process {@code pid} whose name (as Linux keeps it:
	 * its first 15 characters) starts with one of {@code prefixes}, in nanoseconds; 0 when
	 * {@code pid} is blank.
	 */
	public static long threads(String pid, String... prefixes) throws IOException {
		if (pid.isBlank()) {
			return 0;
		}
		long total = 0;
		try (var list = Files.list(Path.of("/proc", pid, "task"))) {
			for (Path task : list.toList()) {
				try {
					String name = Files.readString(task.resolve("comm")).strip();
					for (String prefix : prefixes) {
						if (name.startsWith(prefix)) {
							total += ofProcess(pid + "/task/" + task.getFileName());
							break;
						}
					}
				}
				catch (NoSuchFileException ended) {
					// the thread ended meanwhile
				}
			}
		}
		return total;
	}

	private static long ofProcess(String pid) throws IOException {
		try {
			String[] fields = Files.readString(Path.of("/proc", pid, "stat")).replaceFirst("^.*\\) ", "").split(" ");
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
		}
		catch (NoSuchFileException ex) {
			return 0;
		}
	}

	private static String[] children(String pid) throws IOException {
		StringBuilder all = new StringBuilder();
		Path tasks = Path.of("/proc", pid, "task");
		if (!Files.isDirectory(tasks)) {
			return new String[0];
		}
		try (var list = Files.list(tasks)) {
			for (Path task : list.toList()) {
				try {
					all.append(Files.readString(task.resolve("children"))).append(' ');
				}
				catch (NoSuchFileException ex) {
					// the thread ended meanwhile
				}
			}
		}
		String text = all.toString().trim();
		return text.isEmpty() ? new String[0] : text.split("\\s+");
	}

}
