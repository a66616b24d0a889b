package org.guichet.sla;

import java.time.Duration;
import java.time.Instant;

import org.guichet.tickets.SlaState;
import org.jspecify.annotations.Nullable;

/**
 * A ticket's SLA as shown to people and integrations.
 *
 * @param pausedSoFar business time the resolution clock was paused, the current pause included
 * @param ttoLeft business time left before the TTO deadline, negative once passed
 * @param ttrLeft business time left before the TTR deadline, negative once passed
 */
public record SlaView(@Nullable String policy, Instant ttoDeadline, Instant ttrDeadline, SlaState state,
		SlaState ttoState, SlaState ttrState, Duration pausedSoFar, boolean paused, Duration ttoLeft,
		Duration ttrLeft) {
}
