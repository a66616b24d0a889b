package org.guichet.sla;

import java.util.Optional;

import org.guichet.directory.CurrentUser;
import org.guichet.sla.ExpectedResolution.Outlook;
import org.guichet.tickets.DeskSettings;
import org.guichet.tickets.RequesterSlaVisibility;
import org.guichet.tickets.SlaState;
import org.guichet.tickets.Status;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each reader sees of a ticket's SLA, the one rule behind the ticket's JSON ({@code sla}),
 * {@code GET /api/v1/tickets/{id}/sla} and the pages: the IT team sees everything
 * ({@link SlaView}); a requester sees what the administrator chose
 * ({@link RequesterSlaVisibility}): nothing, or the {@link ExpectedResolution} only.
 */
@Service
@Transactional(readOnly = true)
public class SlaDisclosure {

	private final TicketManagement tickets;

	private final SlaManagement sla;

	private final DeskSettings settings;

	SlaDisclosure(TicketManagement tickets, SlaManagement sla, DeskSettings settings) {
		this.tickets = tickets;
		this.sla = sla;
		this.settings = settings;
	}

	/**
	 * The ticket's SLA as {@code reader} may see it: a {@link SlaView} for the IT team, else
	 * {@link #forRequesters}.
	 *
	 * @return empty when the ticket has no SLA
	 * @throws org.guichet.system.NotFoundException as {@link #forRequesters} does
	 */
	public Optional<?> shownTo(TicketId ticket, CurrentUser reader) {
		return reader.isAgent() ? visibleTo(tickets.get(ticket, reader), reader) : forRequesters(ticket, reader);
	}

	/**
	 * What a reader who sees the ticket sees of its SLA, refusing nothing: empty where
	 * {@link #shownTo} answers 404, for a ticket's JSON, which the reader sees whole otherwise.
	 */
	Optional<?> visibleTo(Ticket ticket, CurrentUser reader) {
		if (reader.isAgent()) {
			return sla.of(ticket.id());
		}
		return settings.requesterSlaVisibility() == RequesterSlaVisibility.NONE ? Optional.empty()
				: expectedResolution(ticket);
	}

	/**
	 * The ticket's SLA as requesters see it, also on the portal, which shows an agent who filed
	 * a ticket its public side.
	 *
	 * @return empty when the ticket has no SLA, or, for the IT team, when requesters see nothing
	 * @throws org.guichet.system.NotFoundException when the reader may not see the ticket, or,
	 * outside the IT team, when requesters see nothing of the SLA: it is then internal to the
	 * team like a ticket's tasks, through the same check ({@link TicketManagement#internal})
	 */
	public Optional<ExpectedResolution> forRequesters(TicketId ticket, CurrentUser reader) {
		if (settings.requesterSlaVisibility() == RequesterSlaVisibility.NONE) {
			tickets.internal(ticket, reader);
			return Optional.empty();
		}
		return expectedResolution(tickets.get(ticket, reader));
	}

	/**
	 * Said from the clock's own state, so that a paused clock never shows its old deadline and a
	 * resolved ticket says met or missed instead of a time left; a cancelled ticket says nothing.
	 */
	private Optional<ExpectedResolution> expectedResolution(Ticket ticket) {
		Status status = ticket.getStatus();
		if (status == Status.CANCELLED) {
			return Optional.empty();
		}
		return sla.of(ticket.id()).flatMap(view -> {
			if (status == Status.RESOLVED || status == Status.CLOSED || view.ttrState().isVerdict()) {
				return switch (view.ttrState()) {
					case MET -> Optional.of(new ExpectedResolution(null, Outlook.MET));
					case MISSED, BREACHED -> Optional.of(new ExpectedResolution(null, Outlook.MISSED));
					default -> Optional.empty();
				};
			}
			if (status == Status.PENDING || view.paused() || view.ttrState() == SlaState.PAUSED) {
				return Optional.of(new ExpectedResolution(null, Outlook.PAUSED));
			}
			return Optional.of(new ExpectedResolution(view.ttrDeadline(),
					view.ttrState() == SlaState.BREACHED ? Outlook.OVERDUE : Outlook.EXPECTED));
		});
	}

}
