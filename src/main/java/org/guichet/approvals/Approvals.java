package org.guichet.approvals;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.routing.Technicians;
import org.guichet.system.NotFoundException;
import org.guichet.tickets.AttachmentFile;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketEvents.TicketCancelled;
import org.guichet.tickets.TicketEvents.TicketMerged;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asks for and takes the approval of tickets (docs/APPROVALS.md). While its approval is pending a
 * ticket is held by the tickets module (Pending, reason APPROVAL); every request, skip, decision
 * and delegation goes in the ticket's history; approving the last step releases the ticket, a
 * refusal cancels it with the approver's comment as the reason.
 * <p>
 * Who is asked is resolved when a step opens: the requester's manager, the named person, the
 * group's members, always active in the directory and never the requester. When nobody is left
 * (manager missing, person deactivated, group empty), the supervisors of the ticket's group are
 * asked, else the administrators, and the history says so. An approver away (routing's absences)
 * is stood in for by their own manager, their delegate, whose decision counts as theirs.
 */
@Service
@Transactional
public class Approvals {

	private final ApprovalRepository approvals;

	private final TicketManagement tickets;

	private final UserRepository users;

	private final SupportGroupRepository groups;

	private final Technicians technicians;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Approvals(ApprovalRepository approvals, TicketManagement tickets, UserRepository users,
			SupportGroupRepository groups, Technicians technicians, ApplicationEventPublisher events, Clock clock) {
		this.approvals = approvals;
		this.tickets = tickets;
		this.users = users;
		this.groups = groups;
		this.technicians = technicians;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Asks for the approval of a ticket just registered, in the caller's transaction: records
	 * the steps skipped, opens the first one that is not and holds the ticket; when every step
	 * was skipped, the approval is granted at once and the ticket is not held.
	 *
	 * @param plan the steps in order, at least one
	 * @throws org.guichet.system.InvalidInputException on {@code steps} when there is none
	 * @throws org.guichet.system.ConflictException when the ticket already has an approval or is
	 *         neither new nor assigned
	 */
	public Approval request(TicketId ticket, List<StepPlan> plan) {
		if (approvals.findByTicketId(ticket.value()).isPresent()) {
			throw new org.guichet.system.ConflictException("approval.exists",
					"Ticket " + ticket + " already has an approval", ticket.toString());
		}
		Instant now = clock.instant();
		Approval approval = Approval.request(ticket.value(), plan, now);
		List<ApprovalChange> changes = approval.start(resolver(ticket), now);
		approvals.save(approval);
		if (approval.getOutcome() == ApprovalOutcome.PENDING) {
			tickets.holdForApproval(ticket);
		}
		apply(approval, changes, now);
		return approval;
	}

	/**
	 * Takes an approver's decision on the open step of an approval.
	 *
	 * @param comment required to refuse (the requester reads it), at most
	 *        {@link Approval#COMMENT_MAX} characters; null or blank is none
	 * @throws NotFoundException when there is no such approval
	 * @throws org.guichet.system.ConflictException when it is over, already answered by the
	 *         person (and those they stand in for), or does not ask them; also when another
	 *         decision on it was taken at the same instant ({@code approval.changed}: try again)
	 * @throws org.guichet.system.InvalidInputException on {@code comment}
	 */
	public ApprovalView decide(long approvalId, Verdict verdict, @org.jspecify.annotations.Nullable String comment,
			CurrentUser by) {
		Approval approval = approvals.findById(approvalId)
			.orElseThrow(() -> new NotFoundException("approval.not-found", "No approval " + approvalId, approvalId));
		Instant now = clock.instant();
		Set<Long> standsInFor = approval.openStep()
			.map(step -> standsInFor(step.getApproverIds(), by.id(), now))
			.orElse(Set.of());
		TicketId ticket = new TicketId(approval.getTicketId());
		List<ApprovalChange> changes = approval.decide(by.id(), standsInFor, verdict, comment, resolver(ticket), now);
		try {
			approvals.saveAndFlush(approval);
		}
		catch (OptimisticLockingFailureException | DataIntegrityViolationException raced) {
			throw changedMeanwhile(approvalId);
		}
		apply(approval, changes, now);
		return view(approval);
	}

	/**
	 * Another decision on the same approval was taken at the same instant (another approver of an
	 * {@code ALL} step, or the same person twice): the request changed under the decider, who reads
	 * it again and decides again.
	 */
	public static org.guichet.system.ConflictException changedMeanwhile(long approvalId) {
		return new org.guichet.system.ConflictException("approval.changed",
				"Approval " + approvalId + " changed while you decided: read it again and send your decision again",
				approvalId);
	}

	/**
	 * A ticket cancelled while its approval was pending (by its requester, the IT team, or a
	 * refusal, whose approval is already over): the approval is withdrawn, so that it leaves every
	 * approver's list and no decision reaches a cancelled request.
	 */
	@EventListener
	void on(TicketCancelled cancelled) {
		withdraw(cancelled.ticket(), cancelled.at());
	}

	/** A ticket merged into another while its approval was pending: withdrawn, as for a cancellation. */
	@EventListener
	void on(TicketMerged merged) {
		withdraw(merged.duplicate(), merged.at());
	}

	private void withdraw(TicketId ticket, Instant at) {
		approvals.findByTicketId(ticket.value()).ifPresent(approval -> {
			List<ApprovalChange> changes = approval.withdraw(at);
			if (!changes.isEmpty()) {
				approvals.save(approval);
				apply(approval, changes, at);
			}
		});
	}

	/** The approval of a ticket as shown, when it has one; no visibility rule applies (the caller's). */
	@Transactional(readOnly = true)
	public Optional<ApprovalView> ofTicket(TicketId ticket) {
		return approvals.findByTicketId(ticket.value()).map(this::view);
	}

	/**
	 * The approvals waiting for that person's answer now, as an approver of their open step or
	 * as the delegate of one away, oldest first.
	 */
	@Transactional(readOnly = true)
	public List<WaitingApproval> waitingFor(CurrentUser person) {
		Set<Long> standsInFor = technicians.absentAt(approvals.findReportsOf(person.id()), clock.instant());
		List<Long> asked = new ArrayList<>(standsInFor);
		asked.add(person.id());
		return approvals.findOpenAsking(asked).stream().filter(a -> a.waitsFor(person.id(), standsInFor)).map(a -> {
			Ticket ticket = tickets.find(new TicketId(a.getTicketId()));
			List<WaitingApproval.File> files = tickets.requesterFiles(ticket.id()).stream()
				.map(f -> new WaitingApproval.File(Objects.requireNonNull(f.getId()), f.getFileName(), f.getSizeBytes()))
				.toList();
			return new WaitingApproval(view(a), ticket.id().toString(), ticket.getTitle(),
					ticket.getRequester().getFullName(), ticket.getDescription(), files);
		}).toList();
	}

	/**
	 * A file of the request an approval is about (one its requester sees), for one of its
	 * approvers: asked on any of its steps, who decided on it, or the delegate it now waits for.
	 * Nobody else reads it this way; the IT team and the requester read it on the ticket.
	 *
	 * @throws NotFoundException when there is no such approval or file, the file is internal, or
	 *         the reader is none of its approvers
	 */
	@Transactional(readOnly = true)
	public AttachmentFile file(long approvalId, long attachmentId, CurrentUser reader) {
		Approval approval = approvals.findById(approvalId)
			.filter(a -> ApprovalView.people(a).contains(reader.id()) || a.waitsFor(reader.id(),
					technicians.absentAt(approvals.findReportsOf(reader.id()), clock.instant())))
			.orElseThrow(() -> new NotFoundException("approval.not-found", "No approval " + approvalId, approvalId));
		return tickets.requesterFile(new TicketId(approval.getTicketId()), attachmentId);
	}

	/** The approval as shown, with the names of the people (one query) and the groups (one more, when any) it names. */
	ApprovalView view(Approval approval) {
		Set<Long> groupIds = ApprovalView.groups(approval);
		Map<Long, String> groupNames = groupIds.isEmpty() ? Map.of()
				: groups.findAllById(groupIds).stream()
					.collect(Collectors.toMap(g -> Objects.requireNonNull(g.getId()), SupportGroup::getName));
		return ApprovalView.of(approval, names(ApprovalView.people(approval)), groupNames);
	}

	/**
	 * How many approvals wait for that person's own answer, in one query, for the navigation bar;
	 * those they would decide as a delegate are listed on their page but not counted.
	 */
	@Transactional(readOnly = true)
	public long countWaitingFor(long userId) {
		return approvals.countOpenAsking(userId);
	}

	/**
	 * The approvals requested from {@code start} (included) to {@code end} (excluded), counted by
	 * where they stand now, in one grouped query; an approval is requested when its ticket is
	 * registered, so these are the approvals of the tickets created then.
	 */
	@Transactional(readOnly = true)
	public ApprovalTally tally(Instant start, Instant end) {
		Map<ApprovalOutcome, Long> counts = new java.util.EnumMap<>(ApprovalOutcome.class);
		for (Object[] row : approvals.countByOutcomeRequestedBetween(start, end)) {
			counts.put((ApprovalOutcome) row[0], (Long) row[1]);
		}
		return new ApprovalTally(counts.getOrDefault(ApprovalOutcome.PENDING, 0L),
				counts.getOrDefault(ApprovalOutcome.APPROVED, 0L), counts.getOrDefault(ApprovalOutcome.REFUSED, 0L));
	}

	/** Whether any ticket was ever asked for an approval. */
	@Transactional(readOnly = true)
	public boolean anyRequested() {
		return approvals.count() > 0;
	}

	/** The full names of those people, by id, in one query. */
	@Transactional(readOnly = true)
	public Map<Long, String> names(Collection<Long> userIds) {
		return users.findAllById(Set.copyOf(userIds)).stream()
			.collect(Collectors.toMap(u -> Objects.requireNonNull(u.getId()), User::getFullName));
	}

	/** The approvers among those who are away now and whose manager, their delegate, is the decider. */
	Set<Long> standsInFor(List<Long> approvers, long deciderId, Instant now) {
		Set<Long> away = technicians.absentAt(approvers, now);
		if (away.isEmpty()) {
			return Set.of();
		}
		Set<Long> result = new HashSet<>();
		for (User approver : users.findAllById(away)) {
			User manager = approver.getManager();
			if (manager != null && Objects.equals(manager.getId(), deciderId)) {
				result.add(Objects.requireNonNull(approver.getId()));
			}
		}
		return result;
	}

	private ApproverResolver resolver(TicketId id) {
		return step -> {
			Ticket ticket = tickets.find(id);
			long requesterId = ticket.getRequester().id().value();
			List<User> asked = switch (step.getKind()) {
				case MANAGER -> users.findWithManagerById(requesterId)
					.map(User::getManager)
					.stream()
					.toList();
				case USER -> users.findById(Objects.requireNonNull(step.getTargetId())).stream().toList();
				case GROUP -> groups.findWithMembersById(Objects.requireNonNull(step.getTargetId()))
					.map(group -> List.copyOf(group.getMembers()))
					.orElse(List.of());
			};
			List<Long> ids = active(asked, requesterId);
			if (!ids.isEmpty()) {
				return new ApproverResolver.Resolved(ids, false);
			}
			SupportGroup group = ticket.getGroup();
			List<Long> supervisors = group == null ? List.of()
					: active(groups.findWithMembersById(Objects.requireNonNull(group.getId()))
						.map(g -> g.getMembers().stream().filter(u -> u.getRole().includes(Role.SUPERVISOR)).toList())
						.orElse(List.of()), requesterId);
			if (!supervisors.isEmpty()) {
				return new ApproverResolver.Resolved(supervisors, true);
			}
			return new ApproverResolver.Resolved(
					active(users.findByRoleInAndActiveTrue(List.of(Role.ADMINISTRATOR), Sort.by("id")), -1), true);
		};
	}

	private static List<Long> active(Collection<User> people, long requesterId) {
		return people.stream()
			.filter(Objects::nonNull)
			.filter(User::isActive)
			.map(u -> Objects.requireNonNull(u.getId()))
			.filter(userId -> userId != requesterId)
			.sorted()
			.toList();
	}

	/**
	 * Acts on what the approval's last move changed, in order: each skip, opening and decision goes
	 * in the ticket's history (an opening also tells its approvers), and its end releases, cancels or
	 * withdraws the ticket's request.
	 */
	private void apply(Approval approval, List<ApprovalChange> changes, Instant at) {
		TicketId ticket = new TicketId(approval.getTicketId());
		Function<Long, String> name = namer(changes);
		ApprovalChange.Decided last = null;
		for (ApprovalChange change : changes) {
			if (change instanceof ApprovalChange.Skipped skipped) {
				tickets.recordSystemChange(ticket, "approvalSkipped", null, skipped.position() + ": " + skipped.reason(),
						at);
			}
			else if (change instanceof ApprovalChange.Opened opened) {
				opened(approval, ticket, opened, name, at);
			}
			else if (change instanceof ApprovalChange.Decided decided) {
				decided(ticket, decided, name);
				last = decided;
			}
			else if (change instanceof ApprovalChange.Ended ended) {
				ended(approval, ticket, ended, last, at);
			}
		}
	}

	/** The full names of the people the changes name (one query), "#id" for one not found. */
	private Function<Long, String> namer(List<ApprovalChange> changes) {
		Set<Long> named = new HashSet<>();
		changes.forEach(change -> {
			if (change instanceof ApprovalChange.Opened opened) {
				named.addAll(opened.approverIds());
			}
			else if (change instanceof ApprovalChange.Decided decided) {
				named.add(decided.approverId());
				named.add(decided.decidedById());
			}
		});
		Map<Long, String> names = named.isEmpty() ? Map.of() : names(named);
		return userId -> names.getOrDefault(userId, "#" + userId);
	}

	/** A step opened: the history names who is asked (or the stand-ins), and they are told. */
	private void opened(Approval approval, TicketId ticket, ApprovalChange.Opened opened, Function<Long, String> name,
			Instant at) {
		tickets.recordSystemChange(ticket, opened.fallback() ? "approvalFallback" : "approvalRequested", null,
				opened.position() + ": " + opened.approverIds().stream().map(name).collect(Collectors.joining(", ")), at);
		events.publishEvent(new ApprovalEvents.ApprovalStepOpened(ticket, approval.getId(), opened.position(),
				opened.approverIds(), at));
	}

	/** A decision: in the history as the one who took it, with the delegation first when a delegate took it. */
	private void decided(TicketId ticket, ApprovalChange.Decided decided, Function<Long, String> name) {
		if (decided.approverId() != decided.decidedById()) {
			tickets.recordOnBehalf(ticket, decided.decidedById(), "approvalDelegated", null,
					decided.position() + ": " + name.apply(decided.decidedById()) + " → " + name.apply(decided.approverId()));
		}
		tickets.recordOnBehalf(ticket, decided.decidedById(),
				decided.verdict() == Verdict.APPROVE ? "approvalApproved" : "approvalRefused", null,
				decided.position() + ": " + name.apply(decided.approverId())
						+ (decided.comment() == null ? "" : " — " + decided.comment()));
	}

	/**
	 * The approval ended: approved, the ticket is released (when it was held); withdrawn, the history
	 * says so; refused, the ticket is cancelled with the last decision's comment as its reason.
	 */
	private void ended(Approval approval, TicketId ticket, ApprovalChange.Ended ended,
			ApprovalChange.@org.jspecify.annotations.Nullable Decided last, Instant at) {
		if (ended.outcome() == ApprovalOutcome.APPROVED) {
			if (tickets.find(ticket).isHeldForApproval()) {
				tickets.releaseFromApproval(ticket);
			}
		}
		else if (ended.outcome() == ApprovalOutcome.WITHDRAWN) {
			tickets.recordSystemChange(ticket, "approvalWithdrawn", null, null, at);
		}
		else if (last != null) {
			tickets.cancelAfterRefusal(ticket, Objects.requireNonNull(last.comment()), last.decidedById());
		}
		events.publishEvent(new ApprovalEvents.ApprovalEnded(ticket, ended.outcome(), approval.getRequestedAt(), at));
	}

}
