package org.guichet.calendars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.guichet.system.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTests {

	@ParameterizedTest
	@CsvSource({ "4h, PT4H", "4 h, PT4H", "2h30, PT2H30M", "2h 30min, PT2H30M", "2H05M, PT2H5M", "45m, PT45M",
			"45 min, PT45M", "0m, PT0S", "PT37H30M, PT37H30M", "pt4h, PT4H", "120h, PT120H" })
	void readsHoursAndMinutesAsPeopleTypeThem(String text, Duration expected) {
		assertThat(DurationText.parse("duration", text)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "90", "2d", "P2D", "PT-1H", "h", "1.5h", "4 hours", "-2h" })
	void refusesWhatIsNotBusinessHoursAndMinutesNamingTheField(String text) {
		assertThatThrownBy(() -> DurationText.parse("ttr[INCIDENT-HIGH]", text))
			.isInstanceOfSatisfying(InvalidInputException.class, (ex) -> {
				assertThat(ex.field()).isEqualTo("ttr[INCIDENT-HIGH]");
				assertThat(ex.messageKey()).isEqualTo("duration.invalid");
			});
	}

	@ParameterizedTest
	@CsvSource({ "PT4H, 4h", "PT2H5M, 2h05", "PT45M, 45m", "PT37H30M, 37h30", "PT0S, 0m" })
	void writesDurationsTheWayItReadsThem(Duration duration, String expected) {
		assertThat(DurationText.format(duration)).isEqualTo(expected);
		assertThat(DurationText.parse("duration", expected)).isEqualTo(duration);
	}

}
