package org.guichet.approvals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The validity of approval links is checked when Guichet starts, not when the first mail goes out. */
class ApprovalMailsTests {

	@Test
	void aLinkValidityUnderAMinuteOrOverNinetyDaysStopsTheStartNamingTheSetting() {
		for (Duration wrong : new Duration[] { Duration.ofSeconds(59), Duration.ofDays(90).plusSeconds(1),
				Duration.ofDays(-7) }) {
			assertThatThrownBy(() -> new ApprovalMails(null, null, null, wrong)).as(wrong.toString())
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("guichet.approvals.link-validity");
		}
	}

	@Test
	void aMinuteSevenDaysAndNinetyDaysAreAccepted() {
		for (Duration right : new Duration[] { Duration.ofMinutes(1), Duration.ofDays(7), Duration.ofDays(90) }) {
			assertThatCode(() -> new ApprovalMails(null, null, null, right)).as(right.toString())
				.doesNotThrowAnyException();
		}
	}

}
