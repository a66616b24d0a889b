package org.guichet.catalogue.web;

import org.guichet.approvals.Quorum;
import org.guichet.approvals.StepKind;
import org.guichet.approvals.StepPlan;
import org.guichet.catalogue.ItemApprovalStep;
import org.guichet.catalogue.SkipCondition;
import org.guichet.system.InputChecks;
import org.guichet.system.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * One approval step of an item as typed in the administrators' editor: its kind, the person or
 * group asked (the one its kind uses), the group's quorum, and an optional skip condition. Numbers
 * are kept as typed so that a wrong one comes back beside its input.
 */
public class ApprovalStepForm {

	private StepKind kind = StepKind.MANAGER;

	private @Nullable Long userId;

	private @Nullable Long groupId;

	private Quorum quorum = Quorum.ANY;

	private @Nullable String percent;

	private @Nullable String skipField;

	private SkipCondition.Comparison skipComparison = SkipCondition.Comparison.EQUALS;

	private @Nullable String skipValue;

	private @Nullable String userTyped;

	/** The editor's row for a saved step. */
	static ApprovalStepForm of(ItemApprovalStep step) {
		ApprovalStepForm form = new ApprovalStepForm();
		form.kind = step.getKind();
		if (step.getKind() == StepKind.USER) {
			form.userId = step.getTargetId();
		}
		else if (step.getKind() == StepKind.GROUP) {
			form.groupId = step.getTargetId();
		}
		form.quorum = step.getQuorum();
		form.percent = step.getPercent() == null ? null : String.valueOf(step.getPercent());
		SkipCondition skip = step.skipWhen();
		if (skip != null) {
			form.skipField = skip.fieldKey();
			form.skipComparison = skip.comparison();
			form.skipValue = skip.value();
		}
		return form;
	}

	/**
	 * The step as typed: the target its kind uses (none for MANAGER), the quorum for a group only
	 * (a person or a manager decides alone), the skip condition when a field is chosen.
	 *
	 * @throws InvalidInputException naming every wrong input of the step at once: {@code targetId}
	 *         (no person or group chosen), {@code percent} (not a whole number from 1 to 100),
	 *         {@code skipValue} (empty, or not a number for a threshold)
	 */
	ItemApprovalStep step() {
		InputChecks checks = new InputChecks();
		Long target = switch (kind) {
			case MANAGER -> null;
			case USER -> userId;
			case GROUP -> groupId;
		};
		Quorum asked = kind == StepKind.GROUP ? quorum : Quorum.ANY;
		StepPlan plan = checks.check(() -> new StepPlan(kind, target, asked, percentTyped(asked), null));
		SkipCondition skip = skipField == null || skipField.isBlank() ? null
				: checks.check(() -> new SkipCondition(skipField.strip(), skipComparison,
						skipValue == null ? "" : skipValue.strip()));
		checks.refuseIfAny();
		return new ItemApprovalStep(plan, skip);
	}

	private @Nullable Integer percentTyped(Quorum asked) {
		if (asked != Quorum.PERCENT) {
			return null;
		}
		try {
			return percent == null ? null : Integer.valueOf(percent.strip());
		}
		catch (NumberFormatException e) {
			throw new InvalidInputException("percent", "approval.step.percent", "A percentage is between 1 and 100",
					percent);
		}
	}

	public StepKind getKind() {
		return kind;
	}

	public void setKind(StepKind kind) {
		this.kind = kind;
	}

	/** The person a USER step asks; kept while another kind is chosen. */
	public @Nullable Long getUserId() {
		return userId;
	}

	public void setUserId(@Nullable Long userId) {
		this.userId = userId;
	}

	/** The group a GROUP step asks; kept while another kind is chosen. */
	public @Nullable Long getGroupId() {
		return groupId;
	}

	public void setGroupId(@Nullable Long groupId) {
		this.groupId = groupId;
	}

	public Quorum getQuorum() {
		return quorum;
	}

	public void setQuorum(Quorum quorum) {
		this.quorum = quorum;
	}

	/** The percentage of a PERCENT quorum as typed; null or anything else otherwise. */
	public @Nullable String getPercent() {
		return percent;
	}

	public void setPercent(@Nullable String percent) {
		this.percent = percent;
	}

	/** The key of the field the skip condition tests; null or blank when the step is always asked. */
	public @Nullable String getSkipField() {
		return skipField;
	}

	public void setSkipField(@Nullable String skipField) {
		this.skipField = skipField;
	}

	public SkipCondition.Comparison getSkipComparison() {
		return skipComparison;
	}

	public void setSkipComparison(SkipCondition.Comparison skipComparison) {
		this.skipComparison = skipComparison;
	}

	/** The answer (for =) or the threshold (for &lt; and &gt;) as typed. */
	public @Nullable String getSkipValue() {
		return skipValue;
	}

	public void setSkipValue(@Nullable String skipValue) {
		this.skipValue = skipValue;
	}

	/**
	 * What was typed in the step's person picker (sent as {@code typed.step-<i>}, not bound), shown
	 * again when nobody was chosen; null when nothing was.
	 */
	public @Nullable String getUserTyped() {
		return userTyped;
	}

	public void setUserTyped(@Nullable String userTyped) {
		this.userTyped = userTyped;
	}

}
