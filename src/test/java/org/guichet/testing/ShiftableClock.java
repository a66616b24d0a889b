package org.guichet.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock in microseconds, as the application's, which a test may move forward to see
 * deadlines pass. A test that moves it
 * puts it back with {@link #reset()}.
 */
public class ShiftableClock extends Clock {

	private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

	public void advance(Duration duration) {
		offset.accumulateAndGet(duration, Duration::plus);
	}

	public void reset() {
		offset.set(Duration.ZERO);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("Guichet works in UTC instants");
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(offset.get()).truncatedTo(ChronoUnit.MICROS);
	}

}
