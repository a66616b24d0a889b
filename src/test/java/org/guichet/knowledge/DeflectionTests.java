package org.guichet.knowledge;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import org.guichet.knowledge.Deflection.Outcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The definition of a deflection: what a suggestion session came to, at a given instant. */
class DeflectionTests {

	private static final Duration WINDOW = Duration.ofMinutes(30);

	private static final Instant SHOWN = Instant.parse("2026-12-01T09:00:00Z");

	@Test
	void anArticleOpenedAndNoTicketWithinTheWindowIsADeflectionOnceTheWindowHasPassed() {
		Instant opened = SHOWN.plusSeconds(60);
		assertThat(Deflection.outcome(SHOWN, opened, null, WINDOW, opened.plus(WINDOW).minusSeconds(1)))
			.isEqualTo(Outcome.PENDING);
		assertThat(Deflection.outcome(SHOWN, opened, null, WINDOW, opened.plus(WINDOW))).isEqualTo(Outcome.DEFLECTED);
	}

	@Test
	void aTicketFiledWithinTheWindowAfterTheOpeningIsNoDeflection() {
		Instant opened = SHOWN.plusSeconds(60);
		Instant filed = opened.plus(WINDOW);
		assertThat(Deflection.outcome(SHOWN, opened, filed, WINDOW, filed.plus(Duration.ofDays(1))))
			.isEqualTo(Outcome.FILED);
	}

	@Test
	void aTicketFiledAfterTheWindowLeavesTheDeflectionCounted() {
		Instant opened = SHOWN.plusSeconds(60);
		Instant filed = opened.plus(WINDOW).plusSeconds(1);
		assertThat(Deflection.outcome(SHOWN, opened, filed, WINDOW, filed)).isEqualTo(Outcome.DEFLECTED);
	}

	@Test
	void suggestionsShownButNeverOpenedAreNoDeflectionEvenWithoutATicket() {
		assertThat(Deflection.outcome(SHOWN, null, null, WINDOW, SHOWN.plus(WINDOW))).isEqualTo(Outcome.NOT_OPENED);
		assertThat(Deflection.outcome(SHOWN, null, SHOWN.plusSeconds(5), WINDOW, SHOWN.plus(WINDOW)))
			.isEqualTo(Outcome.FILED);
	}

	@Test
	void suggestionsShownAgainAfterTheOpeningMoveTheWindowFromTheLastShowing() {
		Instant opened = SHOWN.plusSeconds(60);
		Instant shownAgain = opened.plus(Duration.ofMinutes(20));
		assertThat(Deflection.outcome(shownAgain, opened, null, WINDOW, opened.plus(WINDOW))).isEqualTo(Outcome.PENDING);
		assertThat(Deflection.outcome(shownAgain, opened, null, WINDOW, shownAgain.plus(WINDOW)))
			.isEqualTo(Outcome.DEFLECTED);
	}

	@Test
	void aWindowThatIsNotPositiveIsRefused() {
		assertThatThrownBy(() -> Deflection.outcome(SHOWN, null, null, Duration.ZERO, SHOWN))
			.isInstanceOf(IllegalArgumentException.class);
	}

	/** Seeded loop: whatever the times, a session is deflected only when opened, never filed in the window, and settled. */
	@Test
	void aDeflectionAlwaysHasAnOpeningNoFilingWithinTheWindowAndAPassedWindow() {
		Random random = new Random(20261209);
		for (int i = 0; i < 10_000; i++) {
			Instant shown = SHOWN.plusSeconds(random.nextInt(3600));
			Instant opened = random.nextBoolean() ? null : SHOWN.plusSeconds(random.nextInt(3600));
			Instant filed = random.nextBoolean() ? null : SHOWN.plusSeconds(random.nextInt(7200));
			Instant now = SHOWN.plusSeconds(random.nextInt(10_800));
			Outcome outcome = Deflection.outcome(shown, opened, filed, WINDOW, now);
			Instant last = opened != null && opened.isAfter(shown) ? opened : shown;
			boolean filedInWindow = filed != null && !filed.isAfter(last.plus(WINDOW));
			assertThat(outcome == Outcome.DEFLECTED)
				.as("shown %s opened %s filed %s now %s", shown, opened, filed, now)
				.isEqualTo(opened != null && !filedInWindow && !now.isBefore(last.plus(WINDOW)));
		}
	}

}
