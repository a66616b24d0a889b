package org.guichet.sla;

import java.time.Duration;
import java.time.Instant;

import org.guichet.tickets.SlaState;
import org.jspecify.annotations.Nullable;

/**
 * A ticket's SLA as shown to people and integrations.
 *
 * @param pausedSoFar business time the resolution clock was paused, the current pause included
 * @param ttoLeft business time left before the TTO deadline, negative once passed, as of now or of
 * the start of the current pause; null once the clock has its verdict (met, missed, stopped)
 * @param ttrLeft the same for the TTR deadline
 */
public record SlaView(@Nullable String policy, Instant ttoDeadline, Instant ttrDeadline, SlaState state,
		SlaState ttoState, SlaState ttrState, Duration pausedSoFar, boolean paused, @Nullable Duration ttoLeft,
		@Nullable Duration ttrLeft) {
}
