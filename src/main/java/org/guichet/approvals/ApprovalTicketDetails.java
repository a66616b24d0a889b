package org.guichet.approvals;

import java.util.Optional;

import org.guichet.directory.CurrentUser;
import org.guichet.tickets.TicketDetails;
import org.guichet.tickets.TicketId;
import org.springframework.stereotype.Component;

/** Shows a ticket's approval with the ticket, under {@code approvals}; absent when it needs none. */
@Component
class ApprovalTicketDetails implements TicketDetails {

	private final Approvals approvals;

	ApprovalTicketDetails(Approvals approvals) {
		this.approvals = approvals;
	}

	@Override
	public String name() {
		return "approvals";
	}

	@Override
	public Optional<Object> of(TicketId ticket, CurrentUser reader) {
		return approvals.ofTicket(ticket).map(Object.class::cast);
	}

}
