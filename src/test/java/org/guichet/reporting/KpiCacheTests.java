package org.guichet.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KpiCacheTests {

	/** A clock the test moves. */
	private static final class MovingClock extends Clock {

		private Instant now = Instant.parse("2026-03-10T12:00:00Z");

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

	private final MovingClock clock = new MovingClock();

	private final AtomicInteger computations = new AtomicInteger();

	private Instant computedAsOf(KpiCache cache, Object key) {
		return cache.get(key, now -> {
			computations.incrementAndGet();
			return now;
		});
	}

	@Test
	void aResultIsKeptForTheMaxAgeThenComputedAgainAsOfThen() {
		KpiCache cache = new KpiCache(Duration.ofSeconds(60), clock);
		Instant first = computedAsOf(cache, "a");
		clock.now = clock.now.plusSeconds(59);
		assertThat(computedAsOf(cache, "a")).as("as of its computation").isEqualTo(first);
		clock.now = clock.now.plusSeconds(1);
		assertThat(computedAsOf(cache, "a")).isEqualTo(clock.now);
		assertThat(computations).hasValue(2);
	}

	@Test
	void eachKeyHasItsOwnResultAndClearingForgetsThemAll() {
		KpiCache cache = new KpiCache(Duration.ofSeconds(60), clock);
		computedAsOf(cache, "a");
		computedAsOf(cache, "b");
		computedAsOf(cache, "a");
		assertThat(computations).hasValue(2);
		cache.clear();
		computedAsOf(cache, "a");
		assertThat(computations).hasValue(3);
	}

	@Test
	void aMaxAgeOfZeroKeepsNothing() {
		KpiCache cache = new KpiCache(Duration.ZERO, clock);
		computedAsOf(cache, "a");
		computedAsOf(cache, "a");
		assertThat(computations).hasValue(2);
	}

}
