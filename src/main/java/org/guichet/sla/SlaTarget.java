package org.guichet.sla;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.guichet.tickets.Priority;
import org.guichet.tickets.TicketType;

/**
 * The targets of a policy for one ticket type and priority, in business minutes.
 */
@Embeddable
public record SlaTarget(@Enumerated(EnumType.STRING) TicketType ticketType,
		@Enumerated(EnumType.STRING) Priority priority, int ttoMinutes, int ttrMinutes) {
}
