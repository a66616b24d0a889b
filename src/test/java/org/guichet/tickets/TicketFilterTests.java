package org.guichet.tickets;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class TicketFilterTests {

	private static Map<String, String[]> parameters(String... nameValues) {
		Map<String, String[]> parameters = new LinkedHashMap<>();
		for (int i = 0; i < nameValues.length; i += 2) {
			String[] before = parameters.getOrDefault(nameValues[i], new String[0]);
			String[] after = Arrays.copyOf(before, before.length + 1);
			after[before.length] = nameValues[i + 1];
			parameters.put(nameValues[i], after);
		}
		return parameters;
	}

	@Test
	void everyParameterIsReadIntoTheQueryWithEnumNamesInAnyCase() {
		TicketFilter filter = TicketFilter.parse(parameters("queue", "mine", "status", "PENDING", "type", "incident",
				"priority", "HIGH", "groupId", "4", "assigneeId", "5", "requesterId", "6", "categoryId", "7", "text",
				"#1042", "sort", "updated", "page", "2", "size", "50"));

		TicketQuery query = filter.toQuery(Queue.UNASSIGNED, TicketSort.PRIORITY);

		assertThat(query).isEqualTo(new TicketQuery(Queue.MINE, Status.PENDING, TicketType.INCIDENT, Priority.HIGH, 4L,
				5L, 6L, 7L, "#1042", TicketSort.UPDATED, 2, 50));
	}

	@Test
	void whatIsNotGivenTakesTheListsDefaults() {
		TicketQuery query = TicketFilter.parse(parameters("status", "", "view", "12")).toQuery(null, TicketSort.NEWEST);

		assertThat(query).isEqualTo(new TicketQuery(null, null, null, null, null, null, null, null, null,
				TicketSort.NEWEST, 0, TicketFilter.DEFAULT_SIZE));
	}

	@Test
	void everyValueThatDoesNotFitIsReportedWithItsFieldAndTheOthersAreKept() {
		TicketFilter.Reading reading = TicketFilter.read(parameters("status", "SLEEPING", "groupId", "abc",
				"assigneeId", "-3", "page", "-1", "size", "500", "priority", "HIGH", "text", "x".repeat(201)));

		assertThat(reading.isValid()).isFalse();
		assertThat(reading.errors()).extracting(TicketFilter.Error::field, TicketFilter.Error::code)
			.containsExactly(tuple("status", "filter.choice-unknown"),
					tuple("groupId", "filter.id-invalid"),
					tuple("assigneeId", "filter.id-invalid"),
					tuple("text", "filter.text-too-long"),
					tuple("page", "filter.page-invalid"),
					tuple("size", "filter.size-invalid"));
		assertThat(reading.errors().get(0).allowed()).asString().contains("NEW", "PENDING", "CANCELLED");
		assertThat(reading.filter().priority()).isEqualTo(Priority.HIGH);
		assertThat(reading.sent()).containsEntry("status", "SLEEPING").containsEntry("priority", "HIGH");
	}

	@Test
	void aTextThatHoldsNoWordIsRefusedAndANumberOrAWordIsKept() {
		for (String none : List.of("*", "aaaaaaaa", "le la les", "?")) {
			assertThat(TicketFilter.read(parameters("text", none)).errors()).as(none)
				.extracting(TicketFilter.Error::field, TicketFilter.Error::code)
				.containsExactly(tuple("text", "filter.text-no-word"));
		}
		for (String some : List.of("#1042", "7", "imprimante", "wi-fi")) {
			assertThat(TicketFilter.parse(parameters("text", some)).text()).isEqualTo(some);
		}
	}

	@Test
	void aParameterGivenTwiceIsRefusedRatherThanOneValueChosen() {
		assertThatThrownBy(() -> TicketFilter.parse(parameters("status", "NEW", "status", "PENDING")))
			.isInstanceOfSatisfying(InvalidTicketFilterException.class, ex -> {
				assertThat(ex.field()).isEqualTo("status");
				assertThat(ex.messageKey()).isEqualTo("filter.repeated");
				assertThat(ex.errors()).hasSize(1);
			});
	}

	@Test
	void theParametersGiveTheSameFilterBackWithoutTheFirstPage() {
		TicketFilter filter = TicketFilter.parse(parameters("sort", "DEADLINE", "queue", "AT_RISK", "text", "vpn",
				"page", "0"));

		assertThat(filter.toParameters()).containsExactly(Map.entry("queue", "AT_RISK"), Map.entry("text", "vpn"),
				Map.entry("sort", "DEADLINE"));
		Map<String, String[]> back = new LinkedHashMap<>();
		filter.onPage(3).toParameters().forEach((name, value) -> back.put(name, new String[] { value }));
		assertThat(TicketFilter.parse(back)).isEqualTo(filter.onPage(3));
	}

	@Test
	void everyDrillDownParameterIsReadWithEnumNamesAndBooleansInAnyCase() {
		TicketFilter filter = TicketFilter.parse(parameters("queue", "ALL", "from", "2026-10-01", "to", "2026-10-31",
				"periodBy", "resolved", "channel", "phone", "department", "Finance", "tto", "met", "ttr", "MISSED",
				"reopened", "TRUE", "escalated", "functional", "firstLevel", "false", "firstContact", "true", "age",
				"d3_7", "rating", "unrated", "weekday", "7", "hour", "0", "sla", "with", "owned", "true", "responded",
				"False", "statusGroup", "open", "subcategories", "false"));

		assertThat(filter.drillDown()).isEqualTo(new DrillDown(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31),
				DrillDown.PeriodBy.RESOLVED, Channel.PHONE, "Finance", DrillDown.Verdict.MET, DrillDown.Verdict.MISSED,
				true, DrillDown.Escalated.FUNCTIONAL, false, true, DrillDown.Age.D3_7, DrillDown.Rating.UNRATED, 7, 0,
				DrillDown.Sla.WITH, true, false, StatusGroup.OPEN, false));
		assertThat(filter.toQuery(null, TicketSort.NEWEST).drillDown()).isEqualTo(filter.drillDown());
		assertThat(filter.drillDown().isEmpty()).isFalse();
	}

	@Test
	void withoutDrillDownParametersTheFilterAndTheQueryHaveNone() {
		TicketFilter filter = TicketFilter.parse(parameters("queue", "MINE", "department", " "));

		assertThat(filter.drillDown()).isEqualTo(DrillDown.NONE);
		assertThat(filter.drillDown().isEmpty()).isTrue();
		assertThat(filter.toQuery(null, TicketSort.NEWEST).drillDown().isEmpty()).isTrue();
		assertThat(filter.drillDown().periodOn()).isEqualTo(DrillDown.PeriodBy.CREATED);
	}

	@Test
	void everyDrillDownValueThatDoesNotFitIsReportedWithItsFieldAndWhatIsAllowed() {
		TicketFilter.Reading reading = TicketFilter.read(parameters("from", "2026-13-01", "to", "31/10/2026",
				"periodBy", "UPDATED", "channel", "FAX", "department", "x".repeat(121), "tto", "LATE", "ttr", "yes",
				"reopened", "1", "escalated", "SIDEWAYS", "firstLevel", "maybe", "firstContact", "no", "age", "D2_5",
				"rating", "GOOD", "weekday", "8", "hour", "24"));

		assertThat(reading.errors()).extracting(TicketFilter.Error::field, TicketFilter.Error::code)
			.containsExactly(tuple("from", "filter.date-invalid"), tuple("to", "filter.date-invalid"),
					tuple("periodBy", "filter.choice-unknown"), tuple("channel", "filter.choice-unknown"),
					tuple("department", "filter.text-too-long"), tuple("tto", "filter.choice-unknown"),
					tuple("ttr", "filter.choice-unknown"), tuple("reopened", "filter.yes-no-invalid"),
					tuple("escalated", "filter.choice-unknown"), tuple("firstLevel", "filter.yes-no-invalid"),
					tuple("firstContact", "filter.yes-no-invalid"), tuple("age", "filter.choice-unknown"),
					tuple("rating", "filter.choice-unknown"), tuple("weekday", "filter.number-invalid"),
					tuple("hour", "filter.number-invalid"));
		assertThat(reading.errors()).extracting(TicketFilter.Error::allowed)
			.contains("CREATED, RESOLVED, CLOSED, TTO_DUE, TTR_DUE, APPROVAL_DECIDED, APPROVAL_REFUSED",
					"ANY, NONE, FUNCTIONAL, HIERARCHICAL, AUTOMATIC",
					"UNDER_1D, D1_3, D3_7, D7_30, OVER_30D", "SATISFIED, UNSATISFIED, RATED, UNRATED, SURVEYED", "1–7", "0–23",
					"true, false", 120);
		assertThat(reading.filter().drillDown()).isEqualTo(DrillDown.NONE);
		assertThat(reading.sent()).containsEntry("weekday", "8").containsEntry("from", "2026-13-01");
	}

	@Test
	void aPeriodEndingBeforeItStartsIsRefusedOnItsEndAndNeitherDateIsKept() {
		TicketFilter.Reading reading = TicketFilter.read(parameters("from", "2026-10-31", "to", "2026-10-01",
				"reopened", "true"));

		assertThat(reading.errors()).singleElement().satisfies(error -> {
			assertThat(error.field()).isEqualTo("to");
			assertThat(error.code()).isEqualTo("filter.period-reversed");
			assertThat(error.value()).isEqualTo("2026-10-01");
			assertThat(error.allowed()).isEqualTo("2026-10-31");
		});
		assertThat(reading.filter().drillDown().from()).isNull();
		assertThat(reading.filter().drillDown().to()).isNull();
		assertThat(reading.filter().drillDown().reopened()).isTrue();
	}

	@Test
	void aOneDayPeriodAndTheBoundsOfWeekdayAndHourAreAccepted() {
		DrillDown drill = TicketFilter.parse(parameters("from", "2026-10-05", "to", "2026-10-05", "weekday", "1",
				"hour", "23")).drillDown();

		assertThat(drill.from()).isEqualTo(drill.to());
		assertThat(drill.weekday()).isEqualTo(1);
		assertThat(drill.hour()).isEqualTo(23);
		assertThat(TicketFilter.read(parameters("weekday", "0")).errors()).extracting(TicketFilter.Error::field)
			.containsExactly("weekday");
		assertThat(TicketFilter.read(parameters("hour", "-1")).errors()).extracting(TicketFilter.Error::field)
			.containsExactly("hour");
	}

	@Test
	void theDrillDownGoesRoundTripThroughTheParametersAndSurvivesPagesAndQueues() {
		TicketFilter filter = TicketFilter.parse(parameters("page", "2", "hour", "9", "queue", "ALL", "sort",
				"OLDEST", "to", "2026-10-31", "from", "2026-10-01", "periodBy", "CLOSED", "channel", "EMAIL",
				"department", "Accounts & Payroll", "tto", "MISSED", "ttr", "MET", "reopened", "false", "escalated",
				"NONE", "firstLevel", "true", "firstContact", "false", "age", "OVER_30D", "rating", "SATISFIED",
				"weekday", "3", "status", "CLOSED"));

		assertThat(filter.toParameters().keySet()).containsExactly("queue", "status", "from", "to", "periodBy",
				"channel", "department", "tto", "ttr", "reopened", "escalated", "firstLevel", "firstContact", "age",
				"rating", "weekday", "hour", "sort", "page");
		assertThat(filter.toParameters()).containsEntry("from", "2026-10-01").containsEntry("reopened", "false")
			.containsEntry("department", "Accounts & Payroll");
		Map<String, String[]> back = new LinkedHashMap<>();
		filter.toParameters().forEach((name, value) -> back.put(name, new String[] { value }));
		assertThat(TicketFilter.parse(back)).isEqualTo(filter);
		assertThat(filter.onPage(0).drillDown()).isEqualTo(filter.drillDown());
		assertThat(filter.inQueue(Queue.MINE, null).drillDown()).isEqualTo(filter.drillDown());
		assertThat(TicketFilter.PARAMETERS).containsAll(DrillDown.PARAMETERS);
	}

}
