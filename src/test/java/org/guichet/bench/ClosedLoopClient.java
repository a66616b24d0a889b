package org.guichet.bench;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One client of a closed-loop load run: makes an attempt (a request), waits for its answer, makes
 * the next one, until the end of the measured window; keeps the latency of each attempt that
 * started and ended inside the window, and counts those that failed there.
 */
final class ClosedLoopClient extends Thread {

	/** One request and the check of its answer. */
	interface Attempt {

		/** @return whether the answer was the one expected (else the attempt noted why in the first error) */
		boolean run() throws IOException, InterruptedException;

	}

	private final long measureFrom;

	private final long measureUntil;

	private final Attempt attempt;

	private final AtomicReference<String> firstError;

	private long[] latencies = new long[4096];

	private int count;

	private long errors;

	/**
	 * @param measureFrom start of the measured window, in {@link System#nanoTime()}
	 * @param measureUntil its end, when the client stops
	 * @param firstError where the first failure's description goes (an exception's)
	 */
	ClosedLoopClient(long measureFrom, long measureUntil, Attempt attempt, AtomicReference<String> firstError) {
		this.measureFrom = measureFrom;
		this.measureUntil = measureUntil;
		this.attempt = attempt;
		this.firstError = firstError;
	}

	@Override
	public void run() {
		long now = System.nanoTime();
		while (now < measureUntil) {
			long start = now;
			boolean ok;
			try {
				ok = attempt.run();
			}
			catch (IOException ex) {
				ok = false;
				firstError.compareAndSet(null, ex.toString());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			now = System.nanoTime();
			if (start >= measureFrom && now <= measureUntil) {
				if (ok) {
					record(now - start);
				}
				else {
					errors++;
				}
			}
		}
	}

	private void record(long nanos) {
		if (count == latencies.length) {
			latencies = Arrays.copyOf(latencies, count * 2);
		}
		latencies[count++] = nanos;
	}

	/** The failed attempts of these clients in the window; call once they ended. */
	static long errors(List<ClosedLoopClient> clients) {
		return clients.stream().mapToLong(client -> client.errors).sum();
	}

	/** The latencies of these clients' attempts in the window, in nanoseconds, sorted; call once they ended. */
	static long[] sortedLatencies(List<ClosedLoopClient> clients) {
		return clients.stream().flatMapToLong(client -> Arrays.stream(client.latencies, 0, client.count)).sorted().toArray();
	}

}
