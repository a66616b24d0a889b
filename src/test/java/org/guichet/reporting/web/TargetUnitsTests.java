package org.guichet.reporting.web;

import org.guichet.reporting.KpiUnit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TargetUnitsTests {

	@Test
	void ratiosAreTypedAsPercentagesAndDurationsInHours() {
		assertThat(TargetUnits.stored(KpiUnit.RATIO, "95")).isEqualTo(0.95);
		assertThat(TargetUnits.stored(KpiUnit.DURATION, "1,5")).isEqualTo(5400.0);
		assertThat(TargetUnits.stored(KpiUnit.RATING, " 4.2 ")).isEqualTo(4.2);
		assertThat(TargetUnits.shown(KpiUnit.RATIO, 0.95)).isEqualTo("95");
		assertThat(TargetUnits.shown(KpiUnit.DURATION, 28800)).isEqualTo("8");
		assertThat(TargetUnits.shown(KpiUnit.DURATION, 5400)).isEqualTo("1.5");
	}

	@Test
	void whatIsNotANumberIsRefused() {
		assertThat(TargetUnits.stored(KpiUnit.RATIO, "ninety")).isNull();
		assertThat(TargetUnits.stored(KpiUnit.COUNT, "")).isNull();
		assertThat(TargetUnits.stored(KpiUnit.COUNT, "NaN")).isNull();
	}

}
