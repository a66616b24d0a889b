package org.guichet.reporting.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.guichet.reporting.DateRange;
import org.guichet.reporting.Granularity;
import org.guichet.reporting.Volumes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeatmapTests {

	@Test
	void everyWeekdayAndHourHasACellShadedByItsShareOfTheBusiestOne() {
		DateRange period = new DateRange(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));
		Volumes volumes = new Volumes(period, Granularity.DAY, List.of(), Map.of(),
				List.of(new Volumes.HeatmapCell(1, 9, 10, Map.of("hour", "9")),
						new Volumes.HeatmapCell(1, 14, 1, Map.of("weekday", "1", "hour", "14")),
						new Volumes.HeatmapCell(7, 23, 5, Map.of("weekday", "7", "hour", "23"))));
		Heatmap heatmap = Heatmap.of(volumes);
		assertThat(heatmap.days()).hasSize(7).allSatisfy(day -> assertThat(day.hours()).hasSize(24));
		Heatmap.Cell busiest = heatmap.days().get(0).hours().get(9);
		assertThat(busiest.shade()).isEqualTo(Heatmap.SHADES);
		assertThat(busiest.link()).isEqualTo("/agent?queue=ALL&hour=9");
		assertThat(heatmap.days().get(0).hours().get(14).shade()).isEqualTo(1);
		assertThat(heatmap.days().get(6).hours().get(23).shade()).isEqualTo(3);
		Heatmap.Cell none = heatmap.days().get(3).hours().get(3);
		assertThat(none.count()).isZero();
		assertThat(none.shade()).isZero();
		assertThat(none.link()).isNull();
	}

}
