package org.guichet.reporting.web;

import org.guichet.reporting.KpiUnit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TargetUnitsTests {

	@Test
	void ratiosAreTypedAsPercentagesAndRatingsAsTheyAre() {
		assertThat(TargetUnits.stored(KpiUnit.RATIO, "95")).isEqualTo(0.95);
		assertThat(TargetUnits.stored(KpiUnit.RATIO, "92,5")).isEqualTo(0.925);
		assertThat(TargetUnits.stored(KpiUnit.RATING, " 4.2 ")).isEqualTo(4.2);
		assertThat(TargetUnits.stored(KpiUnit.COUNT, "20")).isEqualTo(20.0);
		assertThat(TargetUnits.shown(KpiUnit.RATIO, 0.95)).isEqualTo("95");
	}

	@Test
	void durationsAreTypedAndShownAsHoursAndMinutes() {
		assertThat(TargetUnits.stored(KpiUnit.DURATION, "1:30")).isEqualTo(5400.0);
		assertThat(TargetUnits.stored(KpiUnit.DURATION, "1 h 30")).isEqualTo(5400.0);
		assertThat(TargetUnits.stored(KpiUnit.DURATION, "1h30min")).isEqualTo(5400.0);
		assertThat(TargetUnits.stored(KpiUnit.DURATION, "8 h")).isEqualTo(28800.0);
		assertThat(TargetUnits.stored(KpiUnit.DURATION, "45 min")).isEqualTo(2700.0);
		assertThat(TargetUnits.stored(KpiUnit.DURATION, "1,5")).as("decimal hours").isEqualTo(5400.0);
		assertThat(TargetUnits.shown(KpiUnit.DURATION, 28800)).isEqualTo("8:00");
		assertThat(TargetUnits.shown(KpiUnit.DURATION, 5400)).isEqualTo("1:30");
		assertThat(TargetUnits.shown(KpiUnit.DURATION, 100 * 3600 + 5 * 60)).isEqualTo("100:05");
	}

	@Test
	void whatIsNoValueOfTheFormsUnitOrOutsideItsRangeIsRefused() {
		assertThat(TargetUnits.stored(KpiUnit.RATIO, "ninety")).isNull();
		assertThat(TargetUnits.stored(KpiUnit.RATIO, "120")).isNull();
		assertThat(TargetUnits.stored(KpiUnit.RATING, "6")).isNull();
		assertThat(TargetUnits.stored(KpiUnit.COUNT, "")).isNull();
		assertThat(TargetUnits.stored(KpiUnit.COUNT, "NaN")).isNull();
		assertThat(TargetUnits.stored(KpiUnit.COUNT, "2.5")).isNull();
		assertThat(TargetUnits.stored(KpiUnit.DURATION, "PT8H")).isNull();
		assertThat(TargetUnits.stored(KpiUnit.DURATION, "1:75")).isNull();
		assertThat(TargetUnits.stored(KpiUnit.DURATION, "-2")).isNull();
	}

}
