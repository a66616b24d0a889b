package org.guichet.tickets.api;

import java.time.Instant;

import org.guichet.directory.SupportLevel;
import org.guichet.tickets.Escalation;
import org.guichet.tickets.EscalationKind;
import org.guichet.tickets.api.TicketJson.GroupRef;
import org.jspecify.annotations.Nullable;

/**
 * One escalation of a ticket.
 *
 * @param by null when Guichet escalated by itself
 */
record EscalationJson(long id, EscalationKind kind, @Nullable SupportLevel fromLevel, @Nullable GroupRef fromGroup,
		@Nullable SupportLevel toLevel, @Nullable GroupRef toGroup, @Nullable PersonJson toUser,
		@Nullable String reason, @Nullable PersonJson by, Instant at) {

	static EscalationJson of(Escalation escalation) {
		return new EscalationJson(escalation.getId() == null ? 0 : escalation.getId(), escalation.getKind(),
				escalation.getFromLevel(), GroupRef.ofNullable(escalation.getFromGroup()), escalation.getToLevel(),
				GroupRef.ofNullable(escalation.getToGroup()), PersonJson.ofNullable(escalation.getToUser()),
				escalation.getReason(), PersonJson.ofNullable(escalation.getBy()), escalation.getAt());
	}

}
