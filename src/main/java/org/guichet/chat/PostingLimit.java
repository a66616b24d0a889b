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
		Deque<Instant> times = sent.computeIfAbsent(key, id -> new ArrayDeque<>());
		synchronized (times) {
			Instant oldestKept = now.minus(window);
			while (!times.isEmpty() && !times.peekFirst().isAfter(oldestKept)) {
				times.removeFirst();
			}
			if (times.size() >= max) {
				return false;
			}
			times.addLast(now);
			return true;
		}
	}

	/** The window's length, for the refusal's message. */
	Duration window() {
		return window;
	}

}
