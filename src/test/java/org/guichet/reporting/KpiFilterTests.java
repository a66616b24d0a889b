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
		KpiFilter filter = KpiFilter.parse(Map.of(), TODAY);
		assertThat(filter.period()).isEqualTo(range("2026-02-10", "2026-03-11"));
		assertThat(filter.toParameters()).containsExactly(entry("period", "LAST_30_DAYS"));
	}

	@Test
	void everyParameterIsReadAnyCaseAndGivenBackInOrder() {
		KpiFilter filter = KpiFilter.parse(parameters("to", "2026-03-08", "from", "2026-03-02", "channel", "phone",
				"group", "7", "category", "3", "department", "Finance", "type", "incident", "priority", "HIGH",
				"technician", "12", "format", "csv"), TODAY);
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
		assertThat(KpiFilter.parse(parameters("from", "2026-03-01"), TODAY).period())
			.isEqualTo(range("2026-03-01", "2026-03-11"));
		assertThat(KpiFilter.parse(parameters("to", "2026-01-30"), TODAY).period())
			.isEqualTo(range("2026-01-01", "2026-01-30"));
	}

	@Test
	void everyValueThatDoesNotFitIsRefusedByItsParameterAndNothingTypedIsLost() {
		KpiFilter.Reading reading = KpiFilter.read(parameters("from", "2026-02-30", "group", "-1", "channel", "FAX",
				"department", "Finance"), TODAY);
		assertThat(reading.errors()).extracting(TicketFilter.Error::field).containsExactly("from", "group", "channel");
		assertThat(reading.errors()).extracting(TicketFilter.Error::code)
			.containsExactly("kpis.filter.date-invalid", "filter.id-invalid", "filter.choice-unknown");
		assertThat(reading.sent()).containsEntry("from", "2026-02-30").containsEntry("department", "Finance");
		assertThat(reading.filter().department()).isEqualTo("Finance");
		assertThatThrownBy(reading::orThrow).isInstanceOf(InvalidKpiFilterException.class);
	}

	@Test
	void aPeriodBackwardsTooLongOrGivenTwiceIsRefused() {
		assertThat(KpiFilter.read(parameters("from", "2026-03-08", "to", "2026-03-02"), TODAY).errors())
			.extracting(TicketFilter.Error::code)
			.containsExactly("kpis.filter.to-before-from");
		assertThat(KpiFilter.read(parameters("from", "2020-01-01", "to", "2026-03-02"), TODAY).errors())
			.extracting(TicketFilter.Error::code)
			.containsExactly("kpis.filter.period-too-long");
		assertThat(KpiFilter.read(parameters("period", "LAST_MONTH", "from", "2026-03-02"), TODAY).errors())
			.extracting(TicketFilter.Error::code)
			.containsExactly("kpis.filter.period-and-dates");
		assertThat(KpiFilter.read(Map.of("group", new String[] { "1", "2" }), TODAY).errors())
			.extracting(TicketFilter.Error::code)
			.containsExactly("filter.repeated");
	}

}
