package org.guichet.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostingLimitTests {

	private static final Instant T0 = Instant.parse("2026-12-13T09:00:00Z");

	@Test
	void theMessageAfterTheLimitWithinTheWindowIsRefusedAndNotCounted() {
		PostingLimit<Long> limit = new PostingLimit<>(20, Duration.ofSeconds(10));
		for (int i = 0; i < 20; i++) {
			assertThat(limit.tryPost(1L, T0.plusMillis(i * 100L))).as("message %d", i + 1).isTrue();
		}
		assertThat(limit.tryPost(1L, T0.plusSeconds(5))).isFalse();
		assertThat(limit.tryPost(1L, T0.plusMillis(9_999))).isFalse();
		// the first message leaves the window 10 s after it was sent, and only it
		assertThat(limit.tryPost(1L, T0.plusSeconds(10))).isTrue();
		assertThat(limit.tryPost(1L, T0.plusSeconds(10))).isFalse();
	}

	@Test
	void eachPersonHasTheirOwnLimit() {
		PostingLimit<Long> limit = new PostingLimit<>(2, Duration.ofSeconds(10));
		assertThat(limit.tryPost(1L, T0)).isTrue();
		assertThat(limit.tryPost(1L, T0)).isTrue();
		assertThat(limit.tryPost(1L, T0)).isFalse();
		assertThat(limit.tryPost(2L, T0)).isTrue();
	}

	/** Seeded: whatever the rhythm, no window of 10 s ever holds more than the limit. */
	@Test
	void noWindowEverHoldsMoreMessagesThanTheLimit() {
		Random random = new Random(15);
		for (int run = 0; run < 200; run++) {
			int max = 1 + random.nextInt(30);
			PostingLimit<Long> limit = new PostingLimit<>(max, Duration.ofSeconds(10));
			java.util.List<Instant> accepted = new java.util.ArrayList<>();
			Instant now = T0;
			for (int i = 0; i < 300; i++) {
				now = now.plusMillis(random.nextInt(1500));
				if (limit.tryPost(7L, now)) {
					accepted.add(now);
				}
			}
			for (Instant start : accepted) {
				long inWindow = accepted.stream()
					.filter(at -> !at.isBefore(start) && at.isBefore(start.plusSeconds(10)))
					.count();
				assertThat(inWindow).as("run %d, window from %s", run, start).isLessThanOrEqualTo(max);
			}
		}
	}

	@Test
	void aKeyWhoseActsAllLeftTheWindowIsForgottenAndCountsAfreshAfter() {
		PostingLimit<String> limit = new PostingLimit<>(1, Duration.ofHours(1));
		Instant start = Instant.parse("2026-12-03T10:00:00Z");
		limit.tryPost("192.0.2.1", start);
		limit.tryPost("192.0.2.2", start.plusSeconds(1800));

		limit.forgetIdle(start.plus(Duration.ofHours(1)));

		assertThat(limit.keys()).isEqualTo(1);
		assertThat(limit.tryPost("192.0.2.1", start.plus(Duration.ofHours(1)))).isTrue();
		assertThat(limit.tryPost("192.0.2.2", start.plus(Duration.ofHours(1)))).isFalse();
	}

}
