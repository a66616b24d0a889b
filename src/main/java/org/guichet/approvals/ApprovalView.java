package org.guichet.approvals;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * An approval as it is shown with its ticket (its JSON {@code approvals}) and in the approvers'
 * list: every step, who was asked, who answered, when (UTC instants), with what comment.
 *
 * @param decidedAt when it was approved or refused; null while pending
 */
public record ApprovalView(long id, long ticketId, ApprovalOutcome outcome, Instant requestedAt,
		@Nullable Instant decidedAt, List<Step> steps) {

	/**
	 * @param targetId the person (USER) or group (GROUP) the step names; null for MANAGER
	 * @param groupName the name of the support group a GROUP step asks; null for the other kinds
	 *        (and for a group deleted since)
	 * @param percent the share of a PERCENT quorum, null otherwise
	 * @param skipReason the skip condition that held, null when the step was not skipped
	 * @param fallback nobody of the step was left in the directory: its group's supervisors or
	 *        the administrators were asked
	 * @param approvers the people asked, empty before the step opens
	 */
	public record Step(int position, StepKind kind, @Nullable Long targetId, @Nullable String groupName, Quorum quorum,
			@Nullable Integer percent,
			StepState state, @Nullable String skipReason, boolean fallback, @Nullable Instant openedAt,
			@Nullable Instant closedAt, List<Person> approvers, List<Decision> decisions) {
	}

	/**
	 * @param approver whose answer it counts as
	 * @param decidedBy who took it: the approver, or their delegate while they were away
	 */
	public record Decision(Person approver, Person decidedBy, Verdict verdict, @Nullable String comment,
			Instant decidedAt) {
	}

	public record Person(long id, String fullName) {
	}

	/** The people an approval names: its approvers and those who decided. */
	static Set<Long> people(Approval approval) {
		Set<Long> ids = new HashSet<>();
		for (ApprovalStep step : approval.getSteps()) {
			ids.addAll(step.getApproverIds());
			step.getDecisions().forEach(d -> {
				ids.add(d.getApproverId());
				ids.add(d.getDecidedById());
			});
		}
		return ids;
	}

	/** The support groups an approval's GROUP steps ask. */
	static Set<Long> groups(Approval approval) {
		Set<Long> ids = new HashSet<>();
		for (ApprovalStep step : approval.getSteps()) {
			if (step.getKind() == StepKind.GROUP && step.getTargetId() != null) {
				ids.add(step.getTargetId());
			}
		}
		return ids;
	}

	/**
	 * @param names the full names of {@link #people}, by id
	 * @param groupNames the names of {@link #groups}, by id
	 */
	static ApprovalView of(Approval approval, Map<Long, String> names, Map<Long, String> groupNames) {
		return new ApprovalView(java.util.Objects.requireNonNull(approval.getId()), approval.getTicketId(),
				approval.getOutcome(), approval.getRequestedAt(), approval.getDecidedAt(),
				approval.getSteps().stream().map(step -> new Step(step.getPosition(), step.getKind(),
						step.getTargetId(), step.getKind() == StepKind.GROUP && step.getTargetId() != null
								? groupNames.get(step.getTargetId()) : null,
						step.getQuorum(), step.getPercent(), step.getState(), step.getSkipReason(),
						step.isFallback(), step.getOpenedAt(), step.getClosedAt(),
						step.getApproverIds().stream().map(id -> person(id, names)).toList(),
						step.getDecisions().stream().map(d -> new Decision(person(d.getApproverId(), names),
								person(d.getDecidedById(), names), d.getVerdict(), d.getComment(), d.getDecidedAt()))
							.toList()))
					.toList());
	}

	private static Person person(long id, Map<Long, String> names) {
		return new Person(id, names.getOrDefault(id, "#" + id));
	}

}
