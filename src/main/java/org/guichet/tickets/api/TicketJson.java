package org.guichet.tickets.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.tickets.Category;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Impact;
import org.guichet.tickets.LinkedTicket;
import org.guichet.tickets.PendingReason;
import org.guichet.tickets.Priority;
import org.guichet.tickets.SlaState;
import org.guichet.tickets.SolutionKind;
import org.guichet.tickets.Status;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketLinkKind;
import org.guichet.tickets.TicketRelation;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.jspecify.annotations.Nullable;

/**
 * A ticket as the API shows it. Mapped inside the transaction that loaded the ticket, so that
 * lazy associations (observers, the category's parent) can still be read.
 */
record TicketJson(long id, String number, TicketType type, String title, String description, Status status,
		@Nullable PendingReason pendingReason, Channel channel, Urgency urgency, Impact impact, Priority priority,
		boolean priorityOverridden, @Nullable String priorityOverrideReason, boolean majorIncident,
		@Nullable CategoryRef category,
		PersonJson requester, PersonJson registeredBy, @Nullable GroupRef group, @Nullable PersonJson assignee,
		List<PersonJson> observers, Instant createdAt, Instant updatedAt, @Nullable Instant firstResponseAt,
		@Nullable Instant ownedAt, @Nullable Instant resolvedAt, @Nullable Instant closedAt,
		@Nullable String solution, @Nullable SolutionKind solutionKind, @Nullable String cancelReason,
		@Nullable SatisfactionJson satisfaction,
		int reopenCount, int escalationCount, @Nullable SlaState slaState, @Nullable Instant slaDueAt, long version,
		@Nullable Instant requesterRepliedAt, @JsonAnyGetter Map<String, Object> details) {

	/** The ticket alone, as in lists. */
	static TicketJson of(Ticket ticket, CurrentUser reader) {
		return of(ticket, reader, Map.of());
	}

	/**
	 * @param reader who reads it: {@code slaState} and {@code slaDueAt} are the IT team's, null
	 * for anyone else (what a requester may see of the SLA comes under {@code sla})
	 * @param details what other modules show with the ticket, each under its own name
	 */
	static TicketJson of(Ticket ticket, CurrentUser reader, Map<String, Object> details) {
		boolean team = reader.isAgent();
		return new TicketJson(ticket.id().value(), ticket.getNumber(), ticket.getType(), ticket.getTitle(),
				ticket.getDescription(), ticket.getStatus(), ticket.getPendingReason(), ticket.getChannel(),
				ticket.getUrgency(), ticket.getImpact(), ticket.getPriority(), ticket.isPriorityOverridden(),
				ticket.getPriorityOverrideReason(), ticket.isMajorIncident(), CategoryRef.ofNullable(ticket.getCategory()),
				PersonJson.of(ticket.getRequester()), PersonJson.of(ticket.getRegisteredBy()),
				GroupRef.ofNullable(ticket.getGroup()), PersonJson.ofNullable(ticket.getAssignee()),
				ticket.getObservers().stream().map(PersonJson::of).toList(), ticket.getCreatedAt(),
				ticket.getUpdatedAt(), ticket.getFirstResponseAt(), ticket.getOwnedAt(), ticket.getResolvedAt(),
				ticket.getClosedAt(), ticket.getSolution(), ticket.getSolutionKind(),
				ticket.getCancelReason(),
				ticket.getSatisfactionRating() == null ? null
						: new SatisfactionJson(ticket.getSatisfactionRating(), ticket.getSatisfactionComment()),
				ticket.getReopenCount(), ticket.getEscalationCount(), team ? ticket.getSlaState() : null,
				team ? ticket.getSlaDueAt() : null, ticket.getVersion(), ticket.getRequesterRepliedAt(), details);
	}

	/** The value of the {@code ETag} header of a response carrying this ticket. */
	String etag() {
		return "\"" + version + "\"";
	}

	record CategoryRef(long id, String name, String path) {

		static @Nullable CategoryRef ofNullable(@Nullable Category category) {
			return category == null || category.getId() == null ? null
					: new CategoryRef(category.getId(), category.getName(), category.getPath());
		}

	}

	record GroupRef(long id, String name, SupportLevel level) {

		static @Nullable GroupRef ofNullable(@Nullable SupportGroup group) {
			return group == null || group.getId() == null ? null
					: new GroupRef(group.getId(), group.getName(), group.getLevel());
		}

	}

	record SatisfactionJson(int rating, @Nullable String comment) {
	}

	/** Another ticket, as a link shows it. */
	record TicketRef(long id, String number, String title, Status status) {

		static TicketRef of(Ticket ticket) {
			return new TicketRef(ticket.id().value(), ticket.getNumber(), ticket.getTitle(), ticket.getStatus());
		}

	}

	/**
	 * A link as one of its two tickets sees it.
	 *
	 * @param id the link, to remove it ({@code DELETE …/links/{id}})
	 * @param relation how this ticket relates to the other: "this ticket RELATION ticket"
	 * @param inverse false: "this ticket KIND ticket"; true: "ticket KIND this ticket"
	 * @param removable whether agents may remove it (follow-ups and merges stay)
	 */
	record LinkJson(long id, TicketRelation relation, TicketLinkKind kind, boolean inverse, boolean removable,
			TicketRef ticket) {

		static LinkJson of(LinkedTicket link) {
			return new LinkJson(link.linkId(), link.relation(), link.kind(), link.inverse(), link.removable(),
					TicketRef.of(link.ticket()));
		}

	}

}
