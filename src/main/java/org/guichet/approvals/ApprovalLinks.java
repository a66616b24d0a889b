package org.guichet.approvals;

import java.time.Clock;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.guichet.approvals.ApprovalLinkPage.Answer;
import org.guichet.approvals.ApprovalLinkPage.Kind;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.links.ActionLinks;
import org.guichet.links.LinkClaim;
import org.guichet.links.LinkPurpose;
import org.guichet.links.LinkState;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approval links of the mails ({@link ApprovalMails}): a link names a step (its subject) and
 * the person it was sent to, an approver or the delegate of one away; it approves or refuses
 * through {@link Approvals#decide} as that person, by its rules, and is used up in the same
 * transaction. Whether it can still act is read from the step each time it is opened: once the
 * step is decided, withdrawn, or no longer waits for the person, the link says so and does nothing,
 * without being revoked.
 */
@Service
@Transactional
public class ApprovalLinks {

	static final Set<LinkPurpose> PURPOSES = EnumSet.of(LinkPurpose.APPROVE_REQUEST, LinkPurpose.REFUSE_REQUEST);

	private final ActionLinks links;

	private final ApprovalRepository approvals;

	private final Approvals decisions;

	private final TicketManagement tickets;

	private final UserRepository users;

	private final Clock clock;

	ApprovalLinks(ActionLinks links, ApprovalRepository approvals, Approvals decisions, TicketManagement tickets,
			UserRepository users, Clock clock) {
		this.links = links;
		this.approvals = approvals;
		this.decisions = decisions;
		this.tickets = tickets;
		this.users = users;
		this.clock = clock;
	}

	/**
	 * The language of the link's person ({@code fr}, {@code en}); null for an invalid link or a
	 * person without one.
	 *
	 * @param token the last segment of the link's path, as received
	 */
	@Transactional(readOnly = true)
	public @Nullable String language(String token) {
		return links.check(token, PURPOSES)
			.signed()
			.flatMap(claim -> users.findById(claim.userId()))
			.map(User::getLanguage)
			.orElse(null);
	}

	/** What the link can do now; changes nothing (mail scanners open links). */
	@Transactional(readOnly = true)
	public ApprovalLinkPage show(String token) {
		return page(links.check(token, PURPOSES));
	}

	/**
	 * Approves or refuses once, if the link still can, and says what happened.
	 *
	 * @param comment the reason of a refusal (required), an optional comment of an approval
	 * @throws org.guichet.system.InvalidInputException on {@code comment} as {@link Approvals#decide}
	 *         refuses it; nothing is done and the link stays usable
	 * @throws org.guichet.system.ConflictException when another answer on the approval was taken
	 *         at the same instant; nothing is done and the link stays usable
	 */
	public ApprovalLinkPage act(String token, @Nullable String comment) {
		LinkState state = links.check(token, PURPOSES);
		if (!(state instanceof LinkState.Usable usable)) {
			return page(state);
		}
		LinkClaim claim = usable.claim();
		Optional<ApprovalStep> step = approvals.findStep(claim.subjectId());
		Optional<User> person = users.findById(claim.userId()).filter(User::isActive);
		if (step.isEmpty() || person.isEmpty() || situation(step.get(), claim.userId()) != Kind.READY) {
			return page(state);
		}
		Verdict verdict = claim.purpose() == LinkPurpose.APPROVE_REQUEST ? Verdict.APPROVE : Verdict.REFUSE;
		if (!links.redeem(claim, verdict == Verdict.APPROVE ? "approved" : "refused")) {
			return page(links.check(token, PURPOSES));
		}
		CurrentUser as = new CurrentUser(person.get());
		Approval approval = step.get().getApproval();
		decisions.decide(java.util.Objects.requireNonNull(approval.getId()), verdict, comment, as);
		tickets.recordWayIn(new TicketId(approval.getTicketId()), TicketManagement.SIGNED_LINK, as);
		return of(claim, step.get(), Kind.DONE, null);
	}

	private ApprovalLinkPage page(LinkState state) {
		Optional<LinkClaim> signed = state.signed();
		if (signed.isEmpty()) {
			return ApprovalLinkPage.invalid();
		}
		LinkClaim claim = signed.get();
		Optional<ApprovalStep> step = approvals.findStep(claim.subjectId());
		if (step.isEmpty()) {
			return ApprovalLinkPage.invalid();
		}
		if (state instanceof LinkState.Used used) {
			return of(claim, step.get(), Kind.USED, used);
		}
		if (state instanceof LinkState.Expired) {
			return of(claim, step.get(), Kind.EXPIRED, null);
		}
		return of(claim, step.get(), situation(step.get(), claim.userId()), null);
	}

	/** Where the step stands for that person, their link being usable. */
	private Kind situation(ApprovalStep step, long userId) {
		Approval approval = step.getApproval();
		if (approval.getOutcome() == ApprovalOutcome.WITHDRAWN || step.getState() == StepState.WITHDRAWN) {
			return Kind.WITHDRAWN;
		}
		if (own(step, userId).isPresent()) {
			return Kind.ANSWERED;
		}
		if (step.getState().closed()) {
			return Kind.DECIDED_BY_OTHER;
		}
		boolean active = users.findById(userId).filter(User::isActive).isPresent();
		Set<Long> standsInFor = decisions.standsInFor(step.getApproverIds(), userId, clock.instant());
		return active && approval.waitsFor(userId, standsInFor) ? Kind.READY : Kind.NOT_WAITING;
	}

	/** The answer the person gave on the step, or their delegate gave for them. */
	private static Optional<ApprovalDecision> own(ApprovalStep step, long userId) {
		return step.getDecisions()
			.stream()
			.filter(d -> d.getDecidedById() == userId || d.getApproverId() == userId)
			.findFirst();
	}

	private ApprovalLinkPage of(LinkClaim claim, ApprovalStep step, Kind kind, LinkState.@Nullable Used used) {
		Approval approval = step.getApproval();
		Ticket ticket = tickets.find(new TicketId(approval.getTicketId()));
		ApprovalDecision shown = switch (kind) {
			case ANSWERED -> own(step, claim.userId()).orElse(null);
			case DECIDED_BY_OTHER -> step.getDecisions()
				.stream()
				.max(Comparator.comparing(ApprovalDecision::getDecidedAt))
				.orElse(null);
			default -> null;
		};
		Answer answer = shown == null ? null : new Answer(name(shown.getDecidedById()),
				shown.getDecidedById() == claim.userId(), shown.getVerdict(), shown.getDecidedAt());
		return new ApprovalLinkPage(kind, claim.purpose(), approval.getTicketId(), ticket.id().toString(), ticket.getTitle(),
				ticket.getRequester().getFullName(), kind == Kind.READY ? ticket.getDescription() : null,
				step.getPosition(), approval.getSteps().size(), answer, used == null ? null : used.usedAt(),
				used == null ? null : used.outcome(), null, null);
	}

	private String name(long userId) {
		return users.findById(userId).map(User::getFullName).orElse("#" + userId);
	}

}
