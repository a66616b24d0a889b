package org.guichet.approvals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.guichet.system.ConflictException;
import org.guichet.system.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * The approval a ticket waits for: its steps in order, of which only one is open at a time. A
 * step closes when its quorum is reached (the next one opens; after the last, the approval is
 * approved) or can no longer be (the approval is refused: a refusal at any step ends it). Every
 * decision changes the approval's version, so that two decisions taken at once cannot both count.
 */
@Entity
@Table(name = "approval")
public class Approval {

	/** The longest comment an approver may give, in characters. */
	public static final int COMMENT_MAX = 2000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "ticket_id", updatable = false)
	private long ticketId;

	@Enumerated(EnumType.STRING)
	private ApprovalOutcome outcome;

	@Column(name = "requested_at", updatable = false)
	private Instant requestedAt;

	@Column(name = "decided_at")
	private @Nullable Instant decidedAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@Version
	private long version;

	@OneToMany(mappedBy = "approval", cascade = CascadeType.ALL)
	@OrderBy("position")
	private List<ApprovalStep> steps = new ArrayList<>();

	@SuppressWarnings("NullAway")
	protected Approval() {
	}

	private Approval(long ticketId, Instant at) {
		this.ticketId = ticketId;
		this.outcome = ApprovalOutcome.PENDING;
		this.requestedAt = at;
		this.updatedAt = at;
	}

	/**
	 * The approval of a ticket with those steps in order, none open yet ({@link #start}).
	 *
	 * @throws InvalidInputException on {@code steps} when there is none
	 */
	static Approval request(long ticketId, List<StepPlan> plan, Instant at) {
		if (plan.isEmpty()) {
			throw new InvalidInputException("steps", "approval.steps.required", "An approval has at least one step");
		}
		Approval approval = new Approval(ticketId, at);
		for (StepPlan step : plan) {
			approval.steps.add(new ApprovalStep(approval, approval.steps.size() + 1, step, at));
		}
		return approval;
	}

	/**
	 * Records the steps skipped at filing and opens the first step that is not; approves the
	 * approval at once when every step was skipped.
	 */
	List<ApprovalChange> start(ApproverResolver resolver, Instant at) {
		List<ApprovalChange> changes = new ArrayList<>();
		for (ApprovalStep step : steps) {
			if (step.getState() == StepState.SKIPPED) {
				changes.add(new ApprovalChange.Skipped(step.getPosition(), String.valueOf(step.getSkipReason())));
			}
		}
		openNext(resolver, at, changes);
		return changes;
	}

	/**
	 * Counts a decision on the open step and moves on: the next step opens when this one is
	 * approved, the approval ends when it is refused or was the last.
	 *
	 * @param deciderId who answers: an approver of the open step, or the delegate of one who is away
	 * @param standsInFor the approvers of the open step who are away and whose delegate the decider is
	 * @param comment required to refuse, at most {@link #COMMENT_MAX} characters; blank is none
	 * @throws ConflictException ({@code approval.decided}) when the approval is over or the decider's
	 *         answer (and those of everyone they stand in for) was already counted;
	 *         ({@code approval.not-yours}) when the decider may not answer this step
	 * @throws InvalidInputException on {@code comment} when a refusal has none or it is too long
	 */
	List<ApprovalChange> decide(long deciderId, Set<Long> standsInFor, Verdict verdict, @Nullable String comment,
			ApproverResolver resolver, Instant at) {
		String text = comment == null || comment.isBlank() ? null : comment.strip();
		if (verdict == Verdict.REFUSE && text == null) {
			throw new InvalidInputException("comment", "approval.comment.required",
					"Say why you refuse: the requester is told");
		}
		if (text != null && text.length() > COMMENT_MAX) {
			throw new InvalidInputException("comment", "approval.comment.too-long", "The comment is too long",
					COMMENT_MAX);
		}
		ApprovalStep step = openStep().orElseThrow(this::alreadyDecided);
		long approverId = countedFor(step, deciderId, standsInFor);
		List<ApprovalChange> changes = new ArrayList<>();
		StepState state = step.count(approverId, deciderId, verdict, text, at);
		changes.add(new ApprovalChange.Decided(step.getPosition(), approverId, deciderId, verdict, text));
		updatedAt = at;
		if (state == StepState.REFUSED) {
			end(ApprovalOutcome.REFUSED, at, changes);
		}
		else if (state == StepState.APPROVED) {
			openNext(resolver, at, changes);
		}
		return changes;
	}

	/**
	 * Whose answer the decider's counts as on the step: their own while they have not answered,
	 * else that of the first approver away they stand in for who has not.
	 */
	private long countedFor(ApprovalStep step, long deciderId, Set<Long> standsInFor) {
		List<Long> approvers = step.getApproverIds();
		boolean concerned = approvers.contains(deciderId)
				|| approvers.stream().anyMatch(standsInFor::contains);
		if (!concerned) {
			throw new ConflictException("approval.not-yours", "This approval does not wait for you");
		}
		if (approvers.contains(deciderId) && step.decisionOf(deciderId).isEmpty()) {
			return deciderId;
		}
		return approvers.stream()
			.filter(standsInFor::contains)
			.filter(approver -> step.decisionOf(approver).isEmpty())
			.findFirst()
			.orElseThrow(this::alreadyDecided);
	}

	private ConflictException alreadyDecided() {
		return new ConflictException("approval.decided", "This approval was already decided");
	}

	private void openNext(ApproverResolver resolver, Instant at, List<ApprovalChange> changes) {
		Optional<ApprovalStep> next = steps.stream().filter(s -> s.getState() == StepState.WAITING).findFirst();
		if (next.isEmpty()) {
			end(ApprovalOutcome.APPROVED, at, changes);
			return;
		}
		ApprovalStep step = next.get();
		ApproverResolver.Resolved asked = resolver.approvers(step);
		step.open(asked.userIds(), asked.fallback(), at);
		changes.add(new ApprovalChange.Opened(step.getPosition(), step.getKind(), asked.userIds(), asked.fallback()));
	}

	private void end(ApprovalOutcome result, Instant at, List<ApprovalChange> changes) {
		outcome = result;
		decidedAt = at;
		updatedAt = at;
		changes.add(new ApprovalChange.Ended(result));
	}

	/**
	 * Withdraws a pending approval: its steps not decided are closed, nobody is asked any more.
	 *
	 * @return the change, none when the approval is already over
	 */
	List<ApprovalChange> withdraw(Instant at) {
		if (outcome != ApprovalOutcome.PENDING) {
			return List.of();
		}
		steps.forEach(step -> step.withdraw(at));
		List<ApprovalChange> changes = new ArrayList<>();
		end(ApprovalOutcome.WITHDRAWN, at, changes);
		return changes;
	}

	/** The step whose approvers are asked now; empty once the approval is over. */
	public Optional<ApprovalStep> openStep() {
		return steps.stream().filter(s -> s.getState() == StepState.OPEN).findFirst();
	}

	/**
	 * Whether that person may answer now: an approver of the open step who has not answered, or
	 * the delegate of one away who has not.
	 */
	public boolean waitsFor(long userId, Set<Long> standsInFor) {
		return openStep().map(step -> step.getApproverIds().stream()
			.anyMatch(approver -> (approver == userId || standsInFor.contains(approver))
					&& step.decisionOf(approver).isEmpty()))
			.orElse(false);
	}

	public @Nullable Long getId() {
		return id;
	}

	public long getTicketId() {
		return ticketId;
	}

	public ApprovalOutcome getOutcome() {
		return outcome;
	}

	public Instant getRequestedAt() {
		return requestedAt;
	}

	/** When the approval was approved or refused; null while pending. */
	public @Nullable Instant getDecidedAt() {
		return decidedAt;
	}

	public long getVersion() {
		return version;
	}

	/** The steps in order. */
	public List<ApprovalStep> getSteps() {
		return List.copyOf(steps);
	}

}
