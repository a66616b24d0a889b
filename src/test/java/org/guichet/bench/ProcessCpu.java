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
	 * The CPU time so far of process {@code pid} and of its descendants, live or ended, in
	 * nanoseconds; 0 when {@code pid} is blank. An ended descendant is counted (in its parent's
	 * children time) once its parent waited for it, as servers do at once (Dovecot's master when a
	 * connection's {@code imap} process ends, PostgreSQL's postmaster for a backend).
	 */
	public static long tree(String pid) throws IOException {
		if (pid.isBlank()) {
			return 0;
		}
		long total = ofProcess(pid) + ofEndedChildren(pid);
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
		return ticks(pid, 11, 12);
	}

	/** The CPU time of the children of {@code pid} that ended and were waited for, in nanoseconds. */
	private static long ofEndedChildren(String pid) throws IOException {
		return ticks(pid, 13, 14);
	}

	/** Two clock-tick fields of {@code /proc/PID/stat} (counted after the command's name) summed, in nanoseconds. */
	private static long ticks(String pid, int first, int second) throws IOException {
		try {
			String[] fields = Files.readString(Path.of("/proc", pid, "stat")).replaceFirst("^.*\\) ", "").split(" ");
			return (Long.parseLong(fields[first]) + Long.parseLong(fields[second])) * 10_000_000L;
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
