package org.guichet.tickets;

import java.util.List;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database's {@code in_queue} column, which the work queues read, against the rule it stands
 * for: open ({@link Status#OPEN}), or a requester's reply awaiting the team, in every status.
 */
@GuichetIntegrationTest
class TicketInQueueIT {

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void aTicketIsInTheWorkQueuesWhenOpenOrWhenARequesterReplyAwaitsTheTeamWhateverItsStatus() {
		CurrentUser requester = TestFixtures.current(fixtures.user("queue-column-requester", Role.REQUESTER));
		long id = tickets.register(new NewTicket(TicketType.INCIDENT, "Souris muette", "Plus de clic", null,
				Channel.PORTAL, null, Urgency.LOW, Impact.LOW, List.of()), requester).id().value();
		for (Status status : Status.values()) {
			for (boolean replied : List.of(false, true)) {
				jdbc.update("update ticket set status = ?, requester_replied_at = " + (replied ? "current_timestamp" : "null")
						+ " where id = ?", status.name(), id);
				assertThat(jdbc.queryForObject("select in_queue from ticket where id = ?", Boolean.class, id))
					.as("%s, replied %s", status, replied)
					.isEqualTo(Status.OPEN.contains(status) || replied);
			}
		}
	}

}
