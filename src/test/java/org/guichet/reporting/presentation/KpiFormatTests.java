package org.guichet.reporting.presentation;

import java.util.Locale;

import org.guichet.reporting.KpiUnit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KpiFormatTests {

	private final KpiFormat format = new KpiFormat(ReportingMessages.bundles());

	@Test
	void durationsShowTheirTwoLargestPartsInTheReadersLanguage() {
		assertThat(format.format(KpiUnit.DURATION, 30, Locale.ENGLISH)).isEqualTo("< 1 min");
		assertThat(format.format(KpiUnit.DURATION, 45 * 60, Locale.ENGLISH)).isEqualTo("45 min");
		assertThat(format.format(KpiUnit.DURATION, 2 * 3600 + 5 * 60 + 40, Locale.ENGLISH)).isEqualTo("2 h 05 min");
		assertThat(format.format(KpiUnit.DURATION, 3 * 86400 + 4 * 3600 + 59 * 60, Locale.FRENCH)).isEqualTo("3 j 4 h");
		assertThat(format.format(KpiUnit.DURATION, 2 * 86400, Locale.ENGLISH)).isEqualTo("2 d");
	}

	@Test
	void ratiosArePercentagesWithOneDecimalAtMostAndRatingsAreOutOfFive() {
		assertThat(format.format(KpiUnit.RATIO, 0.8767, Locale.ENGLISH)).isEqualTo("87.7%");
		assertThat(format.format(KpiUnit.RATIO, 1, Locale.ENGLISH)).isEqualTo("100%");
		assertThat(format.format(KpiUnit.RATIO, 0.5, Locale.FRENCH)).matches("50\\h%");
		assertThat(format.format(KpiUnit.RATING, 4.25, Locale.FRENCH)).isEqualTo("4,3 / 5");
		assertThat(format.format(KpiUnit.COUNT, 1234, Locale.ENGLISH)).isEqualTo("1,234");
	}

	@Test
	void aRateIsRoundedHalfUpSoEveryPageWritesTheSameFigure() {
		assertThat(format.format(KpiUnit.RATIO, 0.0625, Locale.FRENCH)).matches("6,3\\h%");
		assertThat(format.format(KpiUnit.RATIO, 0.0625, Locale.ENGLISH)).isEqualTo("6.3%");
		assertThat(format.decimal(0.25, Locale.ENGLISH)).isEqualTo("0.3");
	}

	@Test
	void chartsPlotDurationsInHoursAndRatiosInPercent() {
		assertThat(KpiFormat.plotted(KpiUnit.DURATION, 5400)).isEqualTo(1.5);
		assertThat(KpiFormat.plotted(KpiUnit.RATIO, 0.8765)).isEqualTo(87.7);
	}

}
