package org.guichet.tickets;

import java.util.Arrays;
import java.util.LinkedHashMap;
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
		assertThat(reading.errors().get(0).allowed()).contains("NEW", "PENDING", "CANCELLED");
		assertThat(reading.filter().priority()).isEqualTo(Priority.HIGH);
		assertThat(reading.sent()).containsEntry("status", "SLEEPING").containsEntry("priority", "HIGH");
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

}
