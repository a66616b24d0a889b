package org.guichet.sla;

import java.time.Instant;

import org.guichet.tickets.TicketId;

/**
 * A ticket's SLA became at risk: the share of a running clock's target set by its policy
 * ({@link SlaTargets#atRiskPercent()}) passed (the ticket's state moved to
 * {@link org.guichet.tickets.SlaState#AT_RISK} from any other but breached). Published in the
 * transaction that records the new state, once per such move.
 *
 * @param at when it was noticed (the SLA check's or the change's instant), not the deadline
 */
public record SlaAtRisk(TicketId ticket, Instant at) {
}
