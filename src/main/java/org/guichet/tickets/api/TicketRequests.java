package org.guichet.tickets.api;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.guichet.system.MultiLine;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Impact;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.Priority;
import org.guichet.tickets.SolutionKind;
import org.guichet.tickets.TaskStatus;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketAction;
import org.guichet.tickets.TicketChanges;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.jspecify.annotations.Nullable;

/** The bodies the tickets API accepts. */
final class TicketRequests {

	private TicketRequests() {
	}

	/**
	 * @param channel defaults to API; a requester may only say API or PORTAL
	 * @param followUpOf the id of a ticket (typically closed) the new one is about; both are linked
	 */
	record CreateTicket(@NotNull TicketType type, @NotBlank @Size(max = Ticket.TITLE_MAX) String title,
			@NotBlank @Size(max = Ticket.TEXT_MAX) @MultiLine String description, @NotNull Urgency urgency,
			@Nullable Impact impact, @Nullable Long categoryId, @Nullable Long requesterId,
			@Nullable Channel channel, @Nullable List<Long> observerIds, @Nullable Long followUpOf) {

		NewTicket toDemand() {
			return new NewTicket(type, title, description, requesterId, channel == null ? Channel.API : channel,
					categoryId, urgency, impact, observerIds == null ? List.of() : observerIds, followUpOf);
		}

	}

	/**
	 * @param categoryId 0 removes the category
	 * @param version the version the change was made on, when no {@code If-Match} header is sent
	 */
	record UpdateTicket(@Nullable @Size(min = 1, max = Ticket.TITLE_MAX) String title,
			@Nullable @Size(min = 1, max = Ticket.TEXT_MAX) @MultiLine String description, @Nullable TicketType type,
			@Nullable Long categoryId, @Nullable Urgency urgency, @Nullable Impact impact,
			@Nullable Priority priority, @Nullable @Size(max = 500) @MultiLine String priorityOverrideReason,
			@Nullable Boolean clearPriorityOverride, @Nullable List<Long> observerIds, @Nullable Long version) {

		TicketChanges toChanges() {
			return new TicketChanges(title, description, type, categoryId, urgency, impact, priority,
					priorityOverrideReason, Boolean.TRUE.equals(clearPriorityOverride), observerIds);
		}

	}

	record Assign(@Nullable Long groupId, @Nullable Long assigneeId, @Nullable Long version) {
	}

	/**
	 * @param reason for PENDING what the ticket waits for (USER, SUPPLIER, APPROVAL); for REFUSE
	 * why the solution does not do; for ACCEPT an optional message, kept as a public reply
	 */
	record TransitionRequest(@NotNull TicketAction action, @Nullable @Size(max = Ticket.TEXT_MAX) @MultiLine String reason,
			@Nullable @Size(max = Ticket.TEXT_MAX) @MultiLine String solution, @Nullable SolutionKind solutionKind,
			@Nullable Long version) {
	}

	/** @param internal an internal note of the IT team; left out or null, a public reply */
	record NewComment(@NotBlank @Size(max = Ticket.TEXT_MAX) @MultiLine String body, @Nullable Boolean internal) {

		boolean isInternal() {
			return Boolean.TRUE.equals(internal);
		}

	}

	record Rating(@NotNull @Min(1) @Max(5) Integer rating, @Nullable @Size(max = 2000) @MultiLine String comment) {
	}

	record NewTask(@NotBlank @Size(max = Ticket.TITLE_MAX) String title, @Nullable Long assigneeId,
			@Nullable @Min(0) @Max(100_000) Integer plannedMinutes) {
	}

	record TaskUpdate(@NotNull TaskStatus status, @Nullable @Min(0) @Max(100_000) Integer actualMinutes) {
	}

}
