package org.guichet.tickets;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What the SLA module hands over about one ticket's clocks ({@link TicketManagement#recordSla(java.util.List)}):
 * the state and next deadline shown in lists and queues, and the SLA columns of its facts.
 *
 * @param ticket the ticket the clocks count
 * @param state the clocks' state as stored by the SLA module
 * @param dueAt the next deadline the ticket must meet (UTC); null once both are met or missed
 * @param facts the facts' SLA columns, {@link SlaFacts#NONE} when the clocks' policy was deleted
 */
public record SlaHandOver(TicketId ticket, SlaState state, @Nullable Instant dueAt, SlaFacts facts) {
}
