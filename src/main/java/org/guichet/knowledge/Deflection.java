package org.guichet.knowledge;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What became of one suggestion session of the portal's new-ticket form (docs/KNOWLEDGE.md
 * "Deflection"): suggested articles were shown to a requester, who may have opened one, and may
 * have filed a ticket after all.
 * <ul>
 * <li>{@link Outcome#DEFLECTED}: an article was opened and no ticket was filed by that requester
 * within the window after the opening (the window having passed);</li>
 * <li>{@link Outcome#FILED}: a ticket was filed within the window after the last showing or
 * opening;</li>
 * <li>{@link Outcome#NOT_OPENED}: nothing was opened nor filed within the window after the last
 * showing — the requester left, but not thanks to an article we know of;</li>
 * <li>{@link Outcome#PENDING}: the window has not passed yet; counted nowhere.</li>
 * </ul>
 */
public final class Deflection {

	/** What a session came to. */
	public enum Outcome {
		PENDING, FILED, DEFLECTED, NOT_OPENED
	}

	private Deflection() {
	}

	/**
	 * The session's outcome as known at {@code now}.
	 *
	 * @param shownAt when suggestions were last shown in the session
	 * @param openedAt when the first suggested article was opened from it, or null
	 * @param filedAt when the requester filed a ticket that closed the session, or null
	 * @param window how long after the last showing or opening a filing still counts as the
	 * session's (positive)
	 * @param now the instant the outcome is asked at
	 */
	public static Outcome outcome(Instant shownAt, @Nullable Instant openedAt, @Nullable Instant filedAt,
			Duration window, Instant now) {
		if (window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("The deflection window must be positive: " + window);
		}
		Instant last = openedAt != null && openedAt.isAfter(shownAt) ? openedAt : shownAt;
		Instant settles = last.plus(window);
		if (filedAt != null && !filedAt.isAfter(settles)) {
			return Outcome.FILED;
		}
		if (now.isBefore(settles)) {
			return Outcome.PENDING;
		}
		return openedAt == null ? Outcome.NOT_OPENED : Outcome.DEFLECTED;
	}

}
