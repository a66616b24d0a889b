package org.guichet.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many times one key may act in a sliding window (a person's messages, e.g. 20 in 10 seconds;
 * the visitor conversations an IP address starts, e.g. 5 an hour), counted in this node's memory:
 * a person's messages go through the node that serves their session.
 *
 * @param <K> what is counted apart: a person's id, an IP address
 */
final class PostingLimit<K> {

	private final int max;

	private final Duration window;

	private final Map<K, Deque<Instant>> sent = new ConcurrentHashMap<>();

	PostingLimit(int max, Duration window) {
		this.max = max;
		this.window = window;
	}

	/**
	 * Counts an act of {@code key} at {@code now} when the window has room for it.
	 *
	 * @return {@code true} when counted, {@code false} when refused (not counted)
	 */
	boolean tryPost(K key, Instant now) {
		boolean[] counted = new boolean[1];
		sent.compute(key, (id, times) -> {
			Deque<Instant> kept = times == null ? new ArrayDeque<>() : times;
			dropBefore(kept, now);
			if (kept.size() < max) {
				kept.addLast(now);
				counted[0] = true;
			}
			return kept;
		});
		return counted[0];
	}

	/**
	 * Forgets the keys none of whose acts is within the window at {@code now}, so that the keys
	 * counted once (every IP address that ever started a chat) do not stay in memory.
	 */
	void forgetIdle(Instant now) {
		for (K key : sent.keySet()) {
			sent.computeIfPresent(key, (id, times) -> {
				dropBefore(times, now);
				return times.isEmpty() ? null : times;
			});
		}
	}

	/** How many keys are counted now. */
	int keys() {
		return sent.size();
	}

	private void dropBefore(Deque<Instant> times, Instant now) {
		Instant oldestKept = now.minus(window);
		while (!times.isEmpty() && !times.peekFirst().isAfter(oldestKept)) {
			times.removeFirst();
		}
	}

	/** The window's length, for the refusal's message. */
	Duration window() {
		return window;
	}

}
