package org.guichet.tickets;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SurveysTests {

	private static final Instant CLOSED = Instant.parse("2026-03-02T09:00:00Z");

	@Test
	void samplingIsDeterministicFromTheTicketsIdAlone() {
		for (long id = 1; id <= 500; id++) {
			assertThat(Surveys.sampled(id, 37)).isEqualTo(Surveys.sampled(id, 37));
		}
	}

	@Test
	void noShareSurveysNothingAndTheWholeShareEverything() {
		assertThat(LongStream.rangeClosed(1, 1000)).noneMatch(id -> Surveys.sampled(id, 0));
		assertThat(LongStream.rangeClosed(1, 1000)).allMatch(id -> Surveys.sampled(id, 100));
	}

	@Test
	void aTicketInAShareIsInEveryLargerOne() {
		for (long id = 1; id <= 1000; id++) {
			for (int share = 0; share < 100; share++) {
				if (Surveys.sampled(id, share)) {
					assertThat(Surveys.sampled(id, share + 1)).as("ticket %d at %d %%", id, share + 1).isTrue();
				}
			}
		}
	}

	@Test
	void consecutiveTicketsAreSurveyedInAboutTheirShare() {
		long surveyed = LongStream.rangeClosed(1, 10_000).filter(id -> Surveys.sampled(id, 30)).count();
		assertThat(surveyed).isBetween(2_800L, 3_200L);
		// no long runs: among any 100 consecutive tickets some are surveyed and some are not
		for (long start = 1; start <= 9_900; start += 100) {
			long first = start;
			long inBlock = LongStream.range(first, first + 100).filter(id -> Surveys.sampled(id, 30)).count();
			assertThat(inBlock).as("tickets %d to %d", first, first + 99).isBetween(10L, 55L);
		}
	}

	@Test
	void theSurveyCanBeAnsweredFromTheClosureUntilTheInvitationPlusItsValidity() {
		Survey survey = new Survey(42, CLOSED, new SurveySettings(true, 100, 24, 7));
		assertThat(survey.getInviteAt()).isEqualTo(CLOSED.plus(Duration.ofHours(24)));
		assertThat(survey.getExpiresAt()).isEqualTo(CLOSED.plus(Duration.ofHours(24)).plus(Duration.ofDays(7)));
		assertThat(survey.isOpenAt(CLOSED.minusSeconds(1))).isFalse();
		assertThat(survey.isOpenAt(CLOSED)).isTrue();
		assertThat(survey.isOpenAt(survey.getExpiresAt().minusSeconds(1))).isTrue();
		assertThat(survey.isOpenAt(survey.getExpiresAt())).isFalse();
	}

	@Test
	void aNewClosureOpensANewWindowAndAsksAgain() {
		Survey survey = new Survey(42, CLOSED, new SurveySettings(true, 100, 0, 7));
		survey.invited(CLOSED);
		Instant again = CLOSED.plus(Duration.ofDays(30));
		survey.reopen(again, new SurveySettings(true, 100, 2, 7));
		assertThat(survey.getInvitedAt()).isNull();
		assertThat(survey.getInviteAt()).isEqualTo(again.plus(Duration.ofHours(2)));
		assertThat(survey.isOpenAt(again.plus(Duration.ofDays(3)))).isTrue();
	}

	@Test
	void theSurveyOffSurveysNoShare() {
		assertThat(new SurveySettings(false, 80, 0, 30).effectiveShare()).isZero();
		assertThat(new SurveySettings(true, 80, 0, 30).effectiveShare()).isEqualTo(80);
	}

}
