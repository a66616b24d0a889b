package org.guichet.tickets;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.guichet.directory.SupportLevel;
import org.guichet.tickets.FactInput.Change;
import org.guichet.tickets.FactInput.PublicComment;
import org.jspecify.annotations.Nullable;

/**
 * The facts the KPIs count about one ticket: one row of {@code ticket_fact} and the ticket's
 * rows of {@code ticket_open_span}, each column as docs/KPIS.md ("Ticket facts") defines it.
 * Instants are UTC; days, hours and weekdays (ISO, 1 = Monday) are local to the zone given to
 * {@link #derive}; durations are whole seconds. Derived by {@link #derive}, a pure function of
 * its input: the same ticket, history and hand-over always give the same facts.
 */
record TicketFacts(long ticketId, TicketType type, Channel channel, Priority priority, @Nullable Long categoryId,
		@Nullable Long groupId, @Nullable Long assigneeId, @Nullable String department, Status status,
		Instant createdAt, LocalDate createdDay, int createdHour, int createdWeekday, @Nullable Instant ownedAt,
		@Nullable Instant firstResponseAt, @Nullable Instant resolvedAt, @Nullable LocalDate resolvedDay,
		@Nullable Instant closedAt, @Nullable LocalDate closedDay, @Nullable Instant cancelledAt, boolean merged,
		boolean majorIncident, @Nullable Long ownSeconds, @Nullable Long ownBusinessSeconds, @Nullable Long firstResponseSeconds,
		@Nullable Long resolutionSeconds, @Nullable Long resolutionBusinessSeconds, @Nullable Long slaPolicyId,
		@Nullable Instant ttoDeadline, @Nullable Boolean ttoMet, @Nullable Instant ttrDeadline,
		@Nullable Boolean ttrMet, int reopenCount, int refusalCount, int functionalEscalations,
		int hierarchicalEscalations, int automaticEscalations, @Nullable Long firstGroupId,
		@Nullable Boolean resolvedFirstLevel, @Nullable Boolean resolvedFirstContact, @Nullable Integer rating,
		@Nullable Instant ratedAt, boolean surveyed, @Nullable ApprovalWait approval, List<OpenSpan> openSpans) {

	/** The statuses in which a ticket counts in the backlog. */
	static final Set<Status> OPEN = EnumSet.of(Status.NEW, Status.ASSIGNED, Status.IN_PROGRESS, Status.PENDING);

	/** Where a ticket's approval stands, as its history tells it. */
	enum ApprovalOutcome {

		/** Asked, not decided yet. */
		WAITING,
		/** Every step approved (or skipped): the ticket was released. */
		APPROVED,
		/** Refused: the ticket was cancelled with the refusal's comment. */
		REFUSED,
		/** The request was cancelled or merged while its approval waited. */
		WITHDRAWN

	}

	/**
	 * The ticket's wait for its approval: asked at {@code requestedAt} (its first step opened),
	 * decided at {@code decidedAt} with the outcome APPROVED or REFUSED, and {@code seconds} the
	 * calendar time between them. Both are null while it waits and once WITHDRAWN (no decision:
	 * the cancellation's instant is the ticket's {@code cancelledAt}).
	 */
	record ApprovalWait(Instant requestedAt, @Nullable Instant decidedAt, ApprovalOutcome outcome,
			@Nullable Long seconds) {
	}

	/** A span of time the ticket was open; {@code endedAt} null while it still is. */
	record OpenSpan(Instant openedAt, @Nullable Instant endedAt) {
	}

	/**
	 * Derives every fact of one ticket.
	 *
	 * @param zone the desk's time zone ({@code guichet.time-zone}) for days, hours and weekdays
	 */
	static TicketFacts derive(FactInput in, ZoneId zone) {
		List<Change> history = in.history();
		Status status = in.status();
		boolean done = status == Status.RESOLVED || status == Status.CLOSED;
		Instant resolvedAt = done ? in.resolvedAt() : null;
		Instant closedAt = status == Status.CLOSED ? in.closedAt() : null;
		Instant cancelledAt = status == Status.CANCELLED ? in.closedAt() : null;
		Change lastMerge = last(history, "mergedInto", null);
		boolean merged = status == Status.CANCELLED && lastMerge != null && lastMerge.newValue() != null;
		Change lastMajorFlag = last(history, "majorIncident", null);
		boolean majorIncident = lastMajorFlag != null && lastMajorFlag.newValue() != null;

		Change firstResolution = first(history, "status", Status.RESOLVED.name());
		// an article the requester found resolved it: no answer of the IT team, no level solved it
		Change lastSelfService = last(history, "selfServiceArticle", null);
		boolean selfService = done && lastSelfService != null
				&& Objects.equals(last(history, "status", Status.RESOLVED.name()), lastResolutionAt(history, lastSelfService));
		Instant firstSolution = firstResolution == null ? resolvedAt : firstTeamResolution(history);
		Instant firstResponseAt = earliest(in.firstResponseAt(), firstSolution);

		int reopenings = 0;
		int refusals = 0;
		boolean groupChanged = false;
		boolean technicianChanged = false;
		boolean pendingOnUser = false;
		String firstGroupName = null;
		for (Change change : history) {
			switch (change.field()) {
				case "reopening" -> {
					reopenings++;
					if (Reopening.REFUSAL.name().equals(change.newValue())) {
						refusals++;
					}
				}
				case "group" -> {
					groupChanged |= change.oldValue() != null;
					if (firstGroupName == null) {
						firstGroupName = change.newValue();
					}
				}
				case "assignee" -> technicianChanged |= change.oldValue() != null;
				case "pendingReason" -> pendingOnUser |= PendingReason.USER.name().equals(change.newValue());
				default -> {
				}
			}
		}
		// Never moved: the first group is the one it has now, whatever it is called today.
		Long firstGroupId = !groupChanged ? in.groupId()
				: firstGroupName == null ? null : in.groupIds().get(firstGroupName);

		int functional = count(in, EscalationKind.FUNCTIONAL);
		Boolean firstLevel = null;
		if (resolvedAt != null) {
			firstLevel = !selfService && firstGroupId != null && !groupChanged && functional == 0
					&& in.groupLevels().get(firstGroupId) == SupportLevel.N1;
		}

		Boolean firstContact = null;
		if (resolvedAt != null) {
			Change resolution = last(history, "status", Status.RESOLVED.name());
			Long resolverId = resolution == null ? null : resolution.actorId();
			boolean onThePhone = in.channel() == Channel.PHONE && in.registeredByAgent()
					&& Objects.equals(resolverId, in.registeredById());
			boolean solutionFirst = in.firstResponseAt() == null || in.firstResponseAt().isAfter(resolvedAt);
			boolean requesterWrote = in.publicComments()
				.stream()
				.anyMatch(c -> c.requesterSide() && !c.mergedIn() && c.at().isBefore(resolvedAt));
			firstContact = reopenings == 0 && !groupChanged && !technicianChanged && !requesterWrote && !pendingOnUser
					&& (onThePhone || solutionFirst);
		}

		Integer rating = in.rating();
		Change rated = rating == null ? null : last(history, "satisfaction", null);

		SlaFacts sla = in.sla();
		ZonedDateTime created = in.createdAt().atZone(zone);
		return new TicketFacts(in.ticketId(), in.type(), in.channel(), in.priority(), in.categoryId(), in.groupId(),
				in.assigneeId(), in.department(), status, in.createdAt(), created.toLocalDate(), created.getHour(),
				created.getDayOfWeek().getValue(), in.ownedAt(), firstResponseAt, resolvedAt, day(resolvedAt, zone),
				closedAt, day(closedAt, zone), cancelledAt, merged, majorIncident, seconds(in.createdAt(), in.ownedAt()),
				in.ownedAt() == null ? null : sla.ownBusinessSeconds(), seconds(in.createdAt(), firstResponseAt),
				seconds(in.createdAt(), resolvedAt), resolvedAt == null ? null : sla.resolutionBusinessSeconds(),
				sla.policyId(), sla.ttoDeadline(), sla.ttoMet(), sla.ttrDeadline(), sla.ttrMet(), reopenings, refusals,
				functional, count(in, EscalationKind.HIERARCHICAL), count(in, EscalationKind.AUTOMATIC), firstGroupId,
				firstLevel, firstContact, rating, rated == null ? null : rated.at(),
				closedAt != null && in.surveyed(), approvalWait(history), openSpans(in));
	}

	/**
	 * The ticket's approval wait, null when it never waited for one (no approval, or every step
	 * skipped at filing). The module approvals writes the history read here: its first step opened
	 * ({@code approvalRequested}, or {@code approvalFallback} when nobody of the step was left),
	 * the release (the pending reason APPROVAL lifted: approved), the cancellation after an
	 * {@code approvalRefused} (refused) or a cancellation or merge followed by
	 * {@code approvalWithdrawn} (withdrawn, which wins over a refusal of a quorum step still open).
	 */
	static @Nullable ApprovalWait approvalWait(List<Change> history) {
		Instant requestedAt = null;
		Instant decidedAt = null;
		ApprovalOutcome outcome = null;
		boolean refusal = false;
		for (Change change : history) {
			String field = change.field();
			if (requestedAt == null) {
				if (field.equals("approvalRequested") || field.equals("approvalFallback")) {
					requestedAt = change.at();
					outcome = ApprovalOutcome.WAITING;
				}
			}
			else if (field.equals("approvalWithdrawn") && outcome != ApprovalOutcome.APPROVED) {
				outcome = ApprovalOutcome.WITHDRAWN;
				decidedAt = null;
			}
			else if (outcome != ApprovalOutcome.WAITING) {
				continue;
			}
			else if (field.equals("approvalRefused")) {
				refusal = true;
			}
			else if (field.equals("pendingReason") && PendingReason.APPROVAL.name().equals(change.oldValue())) {
				outcome = ApprovalOutcome.APPROVED;
				decidedAt = change.at();
			}
			else if (field.equals("status") && Status.CANCELLED.name().equals(change.newValue())) {
				outcome = refusal ? ApprovalOutcome.REFUSED : ApprovalOutcome.WITHDRAWN;
				decidedAt = refusal ? change.at() : null;
			}
		}
		if (requestedAt == null || outcome == null) {
			return null;
		}
		return new ApprovalWait(requestedAt, decidedAt, outcome, seconds(requestedAt, decidedAt));
	}

	/**
	 * One span from the creation, ended when the ticket left the open statuses (resolved, closed
	 * or cancelled), and one more from each return to them (refusal, reopening). A return at the
	 * very instant the span ended continues it: the ticket never left the backlog.
	 */
	private static List<OpenSpan> openSpans(FactInput in) {
		List<OpenSpan> spans = new ArrayList<>();
		Instant openedAt = in.createdAt();
		for (Change change : in.history()) {
			if (!change.field().equals("status") || change.oldValue() == null || change.newValue() == null) {
				continue;
			}
			boolean wasOpen = OPEN.contains(Status.valueOf(change.oldValue()));
			boolean isOpen = OPEN.contains(Status.valueOf(change.newValue()));
			if (wasOpen && !isOpen && openedAt != null) {
				spans.add(new OpenSpan(openedAt, change.at()));
				openedAt = null;
			}
			else if (!wasOpen && isOpen && openedAt == null) {
				OpenSpan previous = spans.isEmpty() ? null : spans.get(spans.size() - 1);
				if (previous != null && change.at().equals(previous.endedAt())) {
					spans.remove(spans.size() - 1);
					openedAt = previous.openedAt();
				}
				else {
					openedAt = change.at();
				}
			}
		}
		if (openedAt != null) {
			spans.add(new OpenSpan(openedAt, null));
		}
		return spans;
	}

	private static int count(FactInput in, EscalationKind kind) {
		return (int) in.escalations().stream().filter(e -> e.kind() == kind).count();
	}

	/** The first entry of {@code field}, with {@code newValue} when not null. */
	/** The first resolution by the IT team (not by self-service); null when there was none. */
	private static @Nullable Instant firstTeamResolution(List<Change> history) {
		Set<Instant> selfService = new HashSet<>();
		history.stream().filter(c -> c.field().equals("selfServiceArticle")).forEach(c -> selfService.add(c.at()));
		for (Change change : history) {
			if (matches(change, "status", Status.RESOLVED.name()) && !selfService.contains(change.at())) {
				return change.at();
			}
		}
		return null;
	}

	/** The resolution recorded with a self-service entry (at its instant); null when none. */
	private static @Nullable Change lastResolutionAt(List<Change> history, Change selfService) {
		Change found = null;
		for (Change change : history) {
			if (matches(change, "status", Status.RESOLVED.name()) && change.at().equals(selfService.at())) {
				found = change;
			}
		}
		return found;
	}

	private static @Nullable Change first(List<Change> history, String field, @Nullable String newValue) {
		for (Change change : history) {
			if (matches(change, field, newValue)) {
				return change;
			}
		}
		return null;
	}

	/** The last entry of {@code field}, with {@code newValue} when not null. */
	private static @Nullable Change last(List<Change> history, String field, @Nullable String newValue) {
		for (int i = history.size() - 1; i >= 0; i--) {
			if (matches(history.get(i), field, newValue)) {
				return history.get(i);
			}
		}
		return null;
	}

	private static boolean matches(Change change, String field, @Nullable String newValue) {
		return change.field().equals(field) && (newValue == null || newValue.equals(change.newValue()));
	}

	private static @Nullable Instant earliest(@Nullable Instant a, @Nullable Instant b) {
		if (a == null || b == null) {
			return a == null ? b : a;
		}
		return a.isBefore(b) ? a : b;
	}

	private static @Nullable Long seconds(Instant from, @Nullable Instant to) {
		return to == null ? null : Duration.between(from, to).getSeconds();
	}

	private static @Nullable LocalDate day(@Nullable Instant at, ZoneId zone) {
		return at == null ? null : LocalDate.ofInstant(at, zone);
	}

}
