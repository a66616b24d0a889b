package org.guichet.reporting;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.guichet.tickets.Channel;
import org.guichet.tickets.TicketFilter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class KpiFilterTests {

	/** A Wednesday. */
	private static final LocalDate TODAY = LocalDate.parse("2026-03-11");

	/** The desk's ids: groups 1–9, users 1–20, categories 1–5. */
	static final KpiFilter.Known KNOWN = new KpiFilter.Known() {

		@Override
		public boolean group(long id) {
			return id <= 9;
		}

		@Override
		public boolean user(long id) {
			return id <= 20;
		}

		@Override
		public boolean category(long id) {
			return id <= 5;
		}

	};

	private static Map<String, String[]> parameters(String... pairs) {
		Map<String, String[]> parameters = new HashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			parameters.put(pairs[i], new String[] { pairs[i + 1] });
		}
		return parameters;
	}

	private static DateRange range(String from, String to) {
		return new DateRange(LocalDate.parse(from), LocalDate.parse(to));
	}

	@Test
	void presetsAreCountedFromToday() {
		assertThat(PeriodPreset.THIS_WEEK.range(TODAY)).isEqualTo(range("2026-03-09", "2026-03-11"));
		assertThat(PeriodPreset.LAST_WEEK.range(TODAY)).isEqualTo(range("2026-03-02", "2026-03-08"));
		assertThat(PeriodPreset.THIS_MONTH.range(TODAY)).isEqualTo(range("2026-03-01", "2026-03-11"));
		assertThat(PeriodPreset.LAST_MONTH.range(TODAY)).isEqualTo(range("2026-02-01", "2026-02-28"));
		assertThat(PeriodPreset.LAST_30_DAYS.range(TODAY)).isEqualTo(range("2026-02-10", "2026-03-11"));
		assertThat(PeriodPreset.LAST_90_DAYS.range(TODAY).days()).isEqualTo(90);
		assertThat(PeriodPreset.LAST_12_MONTHS.range(TODAY)).isEqualTo(range("2025-03-12", "2026-03-11"));
		assertThat(PeriodPreset.THIS_YEAR.range(TODAY)).isEqualTo(range("2026-01-01", "2026-03-11"));
	}

	@Test
	void thePreviousPeriodHasTheSameNumberOfDaysJustBefore() {
		assertThat(range("2026-02-01", "2026-02-28").previous()).isEqualTo(range("2026-01-04", "2026-01-31"));
		assertThat(range("2026-03-02", "2026-03-08").previous()).isEqualTo(range("2026-02-23", "2026-03-01"));
	}

	@Test
	void noPeriodIsTheLast30Days() {
		KpiFilter filter = KpiFilter.parse(Map.of(), TODAY, KNOWN);
		assertThat(filter.period()).isEqualTo(range("2026-02-10", "2026-03-11"));
		assertThat(filter.toParameters()).containsExactly(entry("period", "LAST_30_DAYS"));
	}

	@Test
	void everyParameterIsReadAnyCaseAndGivenBackInOrder() {
		KpiFilter filter = KpiFilter.parse(parameters("to", "2026-03-08", "from", "2026-03-02", "channel", "phone",
				"group", "7", "category", "3", "department", "Finance", "type", "incident", "priority", "HIGH",
				"technician", "12", "format", "csv"), TODAY, KNOWN);
		assertThat(filter.channel()).isEqualTo(Channel.PHONE);
		assertThat(filter.toParameters()).containsExactly(entry("from", "2026-03-02"), entry("to", "2026-03-08"),
				entry("type", "INCIDENT"), entry("group", "7"), entry("technician", "12"), entry("category", "3"),
				entry("channel", "PHONE"), entry("priority", "HIGH"), entry("department", "Finance"));
		assertThat(filter.toTicketParameters()).containsExactly(entry("type", "INCIDENT"), entry("groupId", "7"),
				entry("assigneeId", "12"), entry("categoryId", "3"), entry("channel", "PHONE"),
				entry("priority", "HIGH"), entry("department", "Finance"));
	}

	@Test
	void oneEndAloneRunsToTodayOrFrom30DaysBefore() {
		assertThat(KpiFilter.parse(parameters("from", "2026-03-01"), TODAY, KNOWN).period())
			.isEqualTo(range("2026-03-01", "2026-03-11"));
		assertThat(KpiFilter.parse(parameters("to", "2026-01-30"), TODAY, KNOWN).period())
			.isEqualTo(range("2026-01-01", "2026-01-30"));
	}

	@Test
	void everyValueThatDoesNotFitIsRefusedByItsParameterAndNothingTypedIsLost() {
		KpiFilter.Reading reading = KpiFilter.read(parameters("from", "2026-02-30", "group", "-1", "channel", "FAX",
				"department", "Finance"), TODAY, KNOWN);
		assertThat(reading.errors()).extracting(TicketFilter.Error::field).containsExactly("from", "group", "channel");
		assertThat(reading.errors()).extracting(TicketFilter.Error::code)
			.containsExactly("kpis.filter.date-invalid", "filter.id-invalid", "filter.choice-unknown");
		assertThat(reading.sent()).containsEntry("from", "2026-02-30").containsEntry("department", "Finance");
		assertThat(reading.filter().department()).isEqualTo("Finance");
		assertThatThrownBy(reading::orThrow).isInstanceOf(InvalidKpiFilterException.class);
	}

	@Test
	void aPeriodBackwardsTooLongOrGivenTwiceIsRefused() {
		assertThat(KpiFilter.read(parameters("from", "2026-03-08", "to", "2026-03-02"), TODAY, KNOWN).errors())
			.extracting(TicketFilter.Error::code)
			.containsExactly("kpis.filter.to-before-from");
		assertThat(KpiFilter.read(parameters("from", "2020-01-01", "to", "2026-03-02"), TODAY, KNOWN).errors())
			.extracting(TicketFilter.Error::code)
			.containsExactly("kpis.filter.period-too-long");
		assertThat(KpiFilter.read(parameters("period", "LAST_MONTH", "from", "2026-03-02"), TODAY, KNOWN).errors())
			.extracting(TicketFilter.Error::code)
			.containsExactly("kpis.filter.period-and-dates");
		assertThat(KpiFilter.read(Map.of("group", new String[] { "1", "2" }), TODAY, KNOWN).errors())
			.extracting(TicketFilter.Error::code)
			.containsExactly("filter.repeated");
	}

	@Test
	void idsThatNameNothingAreRefusedByTheirParameter() {
		KpiFilter.Reading reading = KpiFilter.read(parameters("group", "99", "technician", "999", "category", "999",
				"channel", "PHONE"), TODAY, KNOWN);
		assertThat(reading.errors()).extracting(TicketFilter.Error::field)
			.containsExactly("group", "technician", "category");
		assertThat(reading.errors()).extracting(TicketFilter.Error::code)
			.containsExactly("kpis.filter.group-unknown", "kpis.filter.technician-unknown",
					"kpis.filter.category-unknown");
		assertThat(reading.errors()).extracting(TicketFilter.Error::allowed)
			.containsExactly("no such group", "no such user", "no such category");
		assertThat(reading.sent()).containsEntry("group", "99").containsEntry("technician", "999");
		assertThat(reading.filter().channel()).isEqualTo(Channel.PHONE);
		assertThat(KpiFilter.read(parameters("group", "9", "technician", "20", "category", "5"), TODAY, KNOWN)
			.isValid()).isTrue();
	}

	@Test
	void aCalendarPresetIsComparedWithThePreviousUnitSoFar() {
		LocalDate monday = LocalDate.parse("2026-03-09");
		assertThat(previous(PeriodPreset.THIS_WEEK, monday)).isEqualTo(range("2026-03-02", "2026-03-02"));
		assertThat(previous(PeriodPreset.THIS_WEEK, TODAY)).isEqualTo(range("2026-03-02", "2026-03-04"));
		assertThat(previous(PeriodPreset.LAST_WEEK, TODAY)).isEqualTo(range("2026-02-23", "2026-03-01"));
		LocalDate november = LocalDate.parse("2026-11-15");
		assertThat(previous(PeriodPreset.LAST_MONTH, november)).isEqualTo(range("2026-09-01", "2026-09-30"));
		assertThat(previous(PeriodPreset.LAST_MONTH, TODAY)).isEqualTo(range("2026-01-01", "2026-01-31"));
		assertThat(previous(PeriodPreset.THIS_MONTH, TODAY)).isEqualTo(range("2026-02-01", "2026-02-11"));
		assertThat(previous(PeriodPreset.THIS_MONTH, LocalDate.parse("2026-03-31")))
			.isEqualTo(range("2026-02-01", "2026-02-28"));
		assertThat(previous(PeriodPreset.THIS_YEAR, TODAY)).isEqualTo(range("2025-01-01", "2025-03-11"));
		assertThat(previous(PeriodPreset.THIS_YEAR, LocalDate.parse("2028-02-29")))
			.isEqualTo(range("2027-01-01", "2027-02-28"));
	}

	@Test
	void rollingPresetsAndDatesAreComparedWithTheSameNumberOfDaysJustBefore() {
		assertThat(previous(PeriodPreset.LAST_30_DAYS, TODAY)).isEqualTo(range("2026-01-11", "2026-02-09"));
		assertThat(previous(PeriodPreset.LAST_90_DAYS, TODAY).days()).isEqualTo(90);
		assertThat(previous(PeriodPreset.LAST_12_MONTHS, TODAY)).isEqualTo(range("2024-03-12", "2025-03-11"));
		assertThat(KpiFilter.parse(parameters("from", "2026-10-01", "to", "2026-10-31"), TODAY, KNOWN).previousPeriod())
			.isEqualTo(range("2026-08-31", "2026-09-30"));
	}

	private static DateRange previous(PeriodPreset preset, LocalDate today) {
		KpiFilter filter = KpiFilter.parse(parameters("period", preset.name()), today, KNOWN);
		assertThat(filter.period()).isEqualTo(preset.range(today));
		return filter.previousPeriod();
	}

}
