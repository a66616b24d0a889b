package org.guichet.tickets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueueTests {

	@Test
	void theTicketsOneHandledAreReadByLastChangeTheSlaQueuesByDeadlineTheOthersByPriority() {
		assertThat(Queue.HANDLED.defaultSort()).isEqualTo(TicketSort.UPDATED);
		assertThat(Queue.AT_RISK.defaultSort()).isEqualTo(TicketSort.DEADLINE);
		assertThat(Queue.BREACHED.defaultSort()).isEqualTo(TicketSort.DEADLINE);
		assertThat(Queue.UNASSIGNED.defaultSort()).isEqualTo(TicketSort.PRIORITY);
		assertThat(Queue.MINE.defaultSort()).isEqualTo(TicketSort.PRIORITY);
	}

}
