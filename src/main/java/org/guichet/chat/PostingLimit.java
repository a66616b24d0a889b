package org.guichet.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many messages one person may post in a sliding window (e.g. 20 in 10 seconds), counted in
 * this node's memory: a person's messages go through the node that serves their session.
 */
final class PostingLimit {

	private final int max;

	private final Duration window;

	private final Map<Long, Deque<Instant>> sent = new ConcurrentHashMap<>();

	PostingLimit(int max, Duration window) {
		this.max = max;
		this.window = window;
	}

	/**
	 * Counts a message of {@code userId} at {@code now} when the window has room for it.
	 *
	 * @return {@code true} when counted, {@code false} when refused (not counted)
	 */
	boolean tryPost(long userId, Instant now) {
		Deque<Instant> times = sent.computeIfAbsent(userId, id -> new ArrayDeque<>());
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
