package org.guichet.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.guichet.mail.inbound.InboundMail;
import org.guichet.mail.inbound.InboundMails;

/**
 * How fast {@link InboundMails#read} reads mail: the corpus of {@code --corpus} (the test corpus
 * by default) read in a loop by one thread, for a warm-up then a measured duration, printed as
 * one Markdown row: messages and megabytes per second of wall time and per second of the
 * thread's CPU time (the figure to trust on a shared machine).
 * <p>
 * {@code --warmup} and {@code --duration} in seconds (5 and 20 by default).
 */
public final class MailReadingBenchmark {

	/** Keeps the JIT from dropping the reading whose result nothing else uses. */
	private static volatile int blackhole;

	private MailReadingBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		BenchArguments arguments = new BenchArguments(args);
		Path corpus = Path.of(arguments.get("corpus", "src/test/resources/mail/corpus"));
		List<byte[]> messages;
		try (Stream<Path> files = Files.list(corpus)) {
			messages = files.filter(file -> file.toString().endsWith(".eml")).sorted().map(MailReadingBenchmark::bytes).toList();
		}
		long corpusBytes = messages.stream().mapToLong(message -> message.length).sum();
		run(messages, arguments.getInt("warmup", 5) * 1_000_000_000L);
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long cpuStart = threads.getCurrentThreadCpuTime();
		long wallStart = System.nanoTime();
		long rounds = run(messages, arguments.getInt("duration", 20) * 1_000_000_000L);
		double wall = (System.nanoTime() - wallStart) / 1e9;
		double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
		long read = rounds * messages.size();
		double megabytes = rounds * corpusBytes / 1e6;
		System.out.println("| messages | corpus | msg/s (wall) | msg/s (CPU) | MB/s (CPU) | wall s | CPU s |");
		System.out.println("|---|---|---|---|---|---|---|");
		System.out.printf("| %d | %d files, %d kB | %.0f | %.0f | %.1f | %.1f | %.1f |%n", read, messages.size(),
				corpusBytes / 1000, read / wall, read / cpu, megabytes / cpu, wall, cpu);
	}

	/** Whole rounds over the corpus until the time is up; returns how many. */
	private static long run(List<byte[]> messages, long nanos) {
		long end = System.nanoTime() + nanos;
		long rounds = 0;
		int sink = 0;
		while (System.nanoTime() < end) {
			for (byte[] message : messages) {
				InboundMail mail = InboundMails.read(message);
				sink += mail.newText().length();
			}
			rounds++;
		}
		blackhole = sink;
		return rounds;
	}

	private static byte[] bytes(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

}
