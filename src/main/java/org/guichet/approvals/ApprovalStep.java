package org.guichet.approvals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A step of an approval: who is asked ({@link StepKind}, resolved to people when the step opens),
 * how many must approve ({@link Quorum}) and their answers. Changed only through its
 * {@link Approval}.
 */
@Entity
@Table(name = "approval_step")
public class ApprovalStep {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "approval_id", updatable = false)
	private Approval approval;

	@Column(updatable = false)
	private int position;

	@Enumerated(EnumType.STRING)
	@Column(updatable = false)
	private StepKind kind;

	@Column(name = "target_id", updatable = false)
	private @Nullable Long targetId;

	@Enumerated(EnumType.STRING)
	@Column(updatable = false)
	private Quorum quorum;

	@Column(name = "quorum_percent", updatable = false)
	private @Nullable Integer percent;

	@Enumerated(EnumType.STRING)
	private StepState state;

	@Column(name = "skip_reason")
	private @Nullable String skipReason;

	private boolean fallback;

	@Column(name = "opened_at")
	private @Nullable Instant openedAt;

	@Column(name = "closed_at")
	private @Nullable Instant closedAt;

	@ElementCollection
	@CollectionTable(name = "approval_approver", joinColumns = @JoinColumn(name = "step_id"))
	@Column(name = "user_id")
	private Set<Long> approverIds = new LinkedHashSet<>();

	@OneToMany(mappedBy = "step", cascade = CascadeType.ALL)
	@OrderBy("decidedAt, id")
	private List<ApprovalDecision> decisions = new ArrayList<>();

	@SuppressWarnings("NullAway")
	protected ApprovalStep() {
	}

	ApprovalStep(Approval approval, int position, StepPlan plan, Instant at) {
		this.approval = approval;
		this.position = position;
		this.kind = plan.kind();
		this.targetId = plan.targetId();
		this.quorum = plan.quorum();
		this.percent = plan.percent();
		this.skipReason = plan.skippedBecause();
		this.state = skipReason == null ? StepState.WAITING : StepState.SKIPPED;
		this.closedAt = skipReason == null ? null : at;
	}

	void open(List<Long> approvers, boolean fallback, Instant at) {
		this.approverIds = new LinkedHashSet<>(approvers);
		this.fallback = fallback;
		this.state = StepState.OPEN;
		this.openedAt = at;
	}

	/** Closes a step not decided yet ({@link StepState#WITHDRAWN}); a closed step stays as it is. */
	void withdraw(Instant at) {
		if (!state.closed()) {
			state = StepState.WITHDRAWN;
			closedAt = at;
		}
	}

	/**
	 * Counts the decision and closes the step when its quorum is reached or can no longer be.
	 *
	 * @return the step's state after it
	 */
	StepState count(long approverId, long decidedById, Verdict verdict, @Nullable String comment, Instant at) {
		decisions.add(new ApprovalDecision(this, approverId, decidedById, verdict, comment, at));
		long approvals = decisions.stream().filter(d -> d.getVerdict() == Verdict.APPROVE).count();
		long refusals = decisions.size() - approvals;
		if (quorum == Quorum.ANY) {
			state = verdict == Verdict.APPROVE ? StepState.APPROVED : StepState.REFUSED;
		}
		else if (approvals >= needed()) {
			state = StepState.APPROVED;
		}
		else if (approverIds.size() - refusals < needed()) {
			state = StepState.REFUSED;
		}
		if (state.closed()) {
			closedAt = at;
		}
		return state;
	}

	/** How many approvals close the step: one for ANY, all for ALL, the percentage rounded up. */
	public int needed() {
		int asked = approverIds.size();
		return switch (quorum) {
			case ANY -> 1;
			case ALL -> asked;
			case PERCENT -> Math.max(1, (asked * (percent == null ? 100 : percent) + 99) / 100);
		};
	}

	/** The decision counted for that approver, if they (or their delegate) answered. */
	public Optional<ApprovalDecision> decisionOf(long approverId) {
		return decisions.stream().filter(d -> d.getApproverId() == approverId).findFirst();
	}

	public @Nullable Long getId() {
		return id;
	}

	Approval getApproval() {
		return approval;
	}

	/** The step's rank in its approval, from 1. */
	public int getPosition() {
		return position;
	}

	public StepKind getKind() {
		return kind;
	}

	/** The user (USER) or group (GROUP) asked; null for MANAGER. */
	public @Nullable Long getTargetId() {
		return targetId;
	}

	public Quorum getQuorum() {
		return quorum;
	}

	/** The percentage of a PERCENT quorum; null otherwise. */
	public @Nullable Integer getPercent() {
		return percent;
	}

	public StepState getState() {
		return state;
	}

	/** Why it was skipped; null when it was not. */
	public @Nullable String getSkipReason() {
		return skipReason;
	}

	/** Whether nobody of the step was in the directory any more and the administrators were asked. */
	public boolean isFallback() {
		return fallback;
	}

	public @Nullable Instant getOpenedAt() {
		return openedAt;
	}

	public @Nullable Instant getClosedAt() {
		return closedAt;
	}

	/** The people asked, once the step opened; empty before. */
	public List<Long> getApproverIds() {
		return List.copyOf(approverIds);
	}

	/** The answers counted, oldest first. */
	public List<ApprovalDecision> getDecisions() {
		return List.copyOf(decisions);
	}

}
