package org.guichet.tickets;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.guichet.directory.SupportLevel;
import org.jspecify.annotations.Nullable;

/**
 * Everything a ticket's facts are derived from ({@link TicketFacts#derive}): the ticket as it is
 * now, its audit trail, its public comments, its escalations, the support groups and what the SLA
 * module handed over. Instants are UTC.
 *
 * @param department the requester's department now, null when none
 * @param registeredByAgent whether whoever registered the ticket is a member of the IT team
 * @param history the audit trail, oldest first (at least its status, group, assignee, pending
 * reason, reopening, satisfaction, merge and approval entries)
 * @param publicComments the public comments written on this ticket or moved to it by a merge,
 * oldest first
 * @param escalations the escalations, oldest first
 * @param groupLevels the support level of every group, by id
 * @param groupIds every group's id, by its name now (the history names groups)
 * @param sla the SLA columns last handed over, {@link SlaFacts#NONE} without SLA
 */
record FactInput(long ticketId, TicketType type, Channel channel, Priority priority, @Nullable Long categoryId,
		@Nullable Long groupId, @Nullable Long assigneeId, @Nullable String department, Status status,
		Instant createdAt, @Nullable Instant ownedAt, @Nullable Instant firstResponseAt, @Nullable Instant resolvedAt,
		@Nullable Instant closedAt, @Nullable Integer rating, boolean surveyed, long requesterId, long registeredById,
		boolean registeredByAgent, List<Change> history, List<PublicComment> publicComments,
		List<Raised> escalations, Map<Long, SupportLevel> groupLevels, Map<String, Long> groupIds, SlaFacts sla) {

	/** One audit-trail entry; {@code actorId} null when Guichet itself acted. */
	record Change(Instant at, @Nullable Long actorId, String field, @Nullable String oldValue,
			@Nullable String newValue) {
	}

	/**
	 * A public comment: {@code requesterSide} when its author is the requester or someone outside
	 * the IT team; {@code mergedIn} when a merge moved it here from a duplicate.
	 */
	record PublicComment(Instant at, boolean requesterSide, boolean mergedIn) {
	}

	/** One escalation of the ticket. */
	record Raised(EscalationKind kind, Instant at) {
	}

}
