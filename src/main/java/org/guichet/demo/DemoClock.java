package org.guichet.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The application's clock while the demo is on: the system's, in microseconds as the product's
 * ({@code system.TimeConfiguration}), except on the thread loading the demo while it acts
 * {@linkplain #at at a past instant}. The demo's catalogue requests are filed and their approvals
 * decided through the modules' own entry points (routing, SLA, history, notifications as for any
 * request), hours or days apart, so that what they derive — the approval delay first — reads as a
 * desk's. Every other thread (the server's requests, the scheduled jobs) keeps the present.
 */
@Component
@Primary
@ConditionalOnProperty(name = "guichet.demo.enabled", havingValue = "true")
class DemoClock extends Clock {

	private static final Clock SYSTEM = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));

	private final ThreadLocal<@Nullable Instant> actingAt = new ThreadLocal<>();

	/**
	 * Does {@code work} on this thread as if it were {@code at}: every reading of this clock on the
	 * thread gives that instant until the work returns or throws.
	 *
	 * @param at a past instant; a future one is refused, the demo never acts ahead of the present
	 * @throws IllegalArgumentException when {@code at} is after the present
	 */
	<T> T at(Instant at, Supplier<T> work) {
		if (at.isAfter(SYSTEM.instant())) {
			throw new IllegalArgumentException("The demo acts in the past, not at " + at);
		}
		Instant before = actingAt.get();
		actingAt.set(at);
		try {
			return work.get();
		}
		finally {
			actingAt.set(before);
		}
	}

	@Override
	public Instant instant() {
		Instant at = actingAt.get();
		return at == null ? SYSTEM.instant() : at;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("Guichet works in UTC instants");
	}

}
