package org.guichet.tickets;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.guichet.tickets.TicketColumn.CREATED;
import static org.guichet.tickets.TicketColumn.NUMBER;
import static org.guichet.tickets.TicketColumn.SLA;
import static org.guichet.tickets.TicketColumn.TITLE;

/** The columns an agent chooses: their order is kept as stored, the number always shows. */
class TicketColumnTests {

	@Test
	void theColumnsComeBackInTheOrderTheyWereStored() {
		List<TicketColumn> chosen = List.of(NUMBER, SLA, CREATED, TITLE);

		assertThat(TicketColumn.parse(TicketColumn.format(chosen))).containsExactlyElementsOf(chosen);
		assertThat(TicketColumn.parse("title, number ,sla")).containsExactly(TITLE, NUMBER, SLA);
	}

	@Test
	void theNumberComesFirstWhenNotNamedAndEachColumnOnceAtItsFirstPlace() {
		assertThat(TicketColumn.parse("CREATED,TITLE,CREATED")).containsExactly(NUMBER, CREATED, TITLE);
		assertThat(TicketColumn.parse(" ")).isNull();
		assertThatIllegalArgumentException().isThrownBy(() -> TicketColumn.parse("TITLE,COLOUR"));
	}

	@Test
	void aColumnMovesOnePlaceAndStopsAtEitherEnd() {
		List<TicketColumn> columns = List.of(NUMBER, TITLE, SLA);

		assertThat(TicketColumn.move(columns, SLA, true)).containsExactly(NUMBER, SLA, TITLE);
		assertThat(TicketColumn.move(columns, NUMBER, false)).containsExactly(TITLE, NUMBER, SLA);
		assertThat(TicketColumn.move(columns, NUMBER, true)).isEqualTo(columns);
		assertThat(TicketColumn.move(columns, SLA, false)).isEqualTo(columns);
		assertThat(TicketColumn.move(columns, CREATED, true)).as("a column not shown").isEqualTo(columns);
	}

	@Test
	void thePickerListsTheChosenColumnsInTheirOrderThenTheOthers() {
		List<TicketColumn> rows = TicketColumn.choicesAfter(List.of(NUMBER, SLA, TITLE));

		assertThat(rows).startsWith(NUMBER, SLA, TITLE).hasSize(TicketColumn.values().length).doesNotHaveDuplicates();
	}

}
