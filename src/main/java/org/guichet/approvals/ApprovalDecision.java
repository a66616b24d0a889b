package org.guichet.approvals;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * An approver's answer on a step. It counts as {@code approverId}'s; {@code decidedById} took it,
 * the same person or their delegate while they were away. A person's answer on a step counts once
 * (unique in the database).
 */
@Entity
@Table(name = "approval_decision")
public class ApprovalDecision {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "step_id", updatable = false)
	private ApprovalStep step;

	@Column(name = "approver_id", updatable = false)
	private long approverId;

	@Column(name = "decided_by_id", updatable = false)
	private long decidedById;

	@Enumerated(EnumType.STRING)
	@Column(updatable = false)
	private Verdict verdict;

	@Column(name = "comment_text", updatable = false)
	private @Nullable String comment;

	@Column(name = "decided_at", updatable = false)
	private Instant decidedAt;

	@SuppressWarnings("NullAway")
	protected ApprovalDecision() {
	}

	ApprovalDecision(ApprovalStep step, long approverId, long decidedById, Verdict verdict, @Nullable String comment,
			Instant decidedAt) {
		this.step = step;
		this.approverId = approverId;
		this.decidedById = decidedById;
		this.verdict = verdict;
		this.comment = comment;
		this.decidedAt = decidedAt;
	}

	/** The approver the decision counts for. */
	public long getApproverId() {
		return approverId;
	}

	/** Who took it: the approver, or their delegate while they were away. */
	public long getDecidedById() {
		return decidedById;
	}

	/** Whether a delegate took it for the approver. */
	public boolean delegated() {
		return decidedById != approverId;
	}

	public Verdict getVerdict() {
		return verdict;
	}

	/** The approver's comment; always given with a refusal, null when none. */
	public @Nullable String getComment() {
		return comment;
	}

	public Instant getDecidedAt() {
		return decidedAt;
	}

}
