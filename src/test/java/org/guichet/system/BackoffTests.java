package org.guichet.system;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTests {

	@Test
	void theWaitDoublesAfterEachFailureUpToTheLongest() {
		Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(5));

		assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(backoff.after(2)).isEqualTo(Duration.ofMinutes(1));
		assertThat(backoff.after(4)).isEqualTo(Duration.ofMinutes(4));
		assertThat(backoff.after(5)).isEqualTo(Duration.ofMinutes(5));
		assertThat(backoff.after(1000)).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void aNegativeFirstWaitOrALongestShorterThanItIsRefused() {
		assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(-1), Duration.ofMinutes(1)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1)))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
