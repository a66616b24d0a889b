package org.guichet.catalogue;

import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.guichet.approvals.Quorum;
import org.guichet.approvals.StepKind;
import org.guichet.approvals.StepPlan;
import org.jspecify.annotations.Nullable;

/**
 * An approval step a catalogue item requires, a row of {@code catalogue_item_approval_step}: who
 * is asked (the requester's manager, a person, a group with its quorum) and when it is skipped.
 */
@Embeddable
public class ItemApprovalStep {

	@Enumerated(EnumType.STRING)
	private StepKind kind = StepKind.MANAGER;

	@Column(name = "target_id")
	private @Nullable Long targetId;

	@Enumerated(EnumType.STRING)
	private Quorum quorum = Quorum.ANY;

	@Column(name = "quorum_percent")
	private @Nullable Integer percent;

	@Column(name = "skip_field")
	private @Nullable String skipField;

	@Enumerated(EnumType.STRING)
	@Column(name = "skip_operator")
	private SkipCondition.@Nullable Comparison skipComparison;

	@Column(name = "skip_value")
	private @Nullable String skipValue;

	protected ItemApprovalStep() {
	}

	/**
	 * @param step who is asked and how many must approve (its skip reason is not kept)
	 * @param skipWhen when nobody is asked; null to always ask
	 */
	public ItemApprovalStep(StepPlan step, @Nullable SkipCondition skipWhen) {
		this.kind = step.kind();
		this.targetId = step.targetId();
		this.quorum = step.quorum();
		this.percent = step.percent();
		this.skipField = skipWhen == null ? null : skipWhen.fieldKey();
		this.skipComparison = skipWhen == null ? null : skipWhen.comparison();
		this.skipValue = skipWhen == null ? null : skipWhen.value();
	}

	/** The step as asked of the approvals module for a request with those answers: skipped when its condition holds. */
	StepPlan plan(Map<String, List<String>> answers) {
		StepPlan plan = new StepPlan(kind, targetId, quorum, percent, null);
		SkipCondition skip = skipWhen();
		return skip != null && skip.holds(answers) ? plan.skipped(skip.toString()) : plan;
	}

	public StepKind getKind() {
		return kind;
	}

	/** The person (USER) or group (GROUP) asked; null for MANAGER. */
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

	/** When the step is skipped; null when it is always asked. */
	public @Nullable SkipCondition skipWhen() {
		return skipField == null || skipComparison == null || skipValue == null ? null
				: new SkipCondition(skipField, skipComparison, skipValue);
	}

}
