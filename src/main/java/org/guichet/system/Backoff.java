package org.guichet.system;

import java.time.Duration;

/**
 * The wait before the next attempt of a durable outbox's row (mail, SMS, webhooks): {@code first}
 * after the first failed attempt, doubled after each further one, never more than {@code max}.
 *
 * @param first the wait after the first failure, zero or more
 * @param max the longest wait, at least {@code first}
 */
public record Backoff(Duration first, Duration max) {

	/** @throws IllegalArgumentException when {@code first} is negative or {@code max} is shorter */
	public Backoff {
		if (first.isNegative() || max.compareTo(first) < 0) {
			throw new IllegalArgumentException("A backoff needs 0 <= first <= max, not " + first + " and " + max);
		}
	}

	/**
	 * @param attempts the attempts made and failed so far, at least 1
	 * @return the wait before the next attempt
	 */
	public Duration after(int attempts) {
		Duration wait = first;
		for (int i = 1; i < attempts && wait.compareTo(max) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(max) > 0 ? max : wait;
	}

}
