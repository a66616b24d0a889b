package org.guichet.sla;

import java.time.Instant;

import org.guichet.tickets.TicketId;

/**
 * A ticket's SLA became breached: a deadline passed while its clocks ran (the ticket's state moved
 * to {@link org.guichet.tickets.SlaState#BREACHED} from any other). Published in the transaction
 * that records the new state, once per breach: a ticket reopened and breached again publishes it
 * again.
 *
 * @param at when the breach was noticed (the SLA check's or the change's instant), not the deadline
 */
public record SlaBreached(TicketId ticket, Instant at) {
}
