package org.guichet.approvals;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.guichet.system.ConflictException;
import org.guichet.system.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApprovalTests {

	private static final Instant AT = Instant.parse("2026-12-02T09:00:00Z");

	private static final long MANAGER = 10;

	private static final long BUYER_1 = 21;

	private static final long BUYER_2 = 22;

	private static final long BUYER_3 = 23;

	private static final long PURCHASING = 500;

	private final Map<Integer, ApproverResolver.Resolved> people = new HashMap<>();

	private final ApproverResolver resolver = step -> people.get(step.getPosition());

	private Approval started(StepPlan... plan) {
		Approval approval = Approval.request(1, List.of(plan), AT);
		approval.start(resolver, AT);
		return approval;
	}

	private List<ApprovalChange> decide(Approval approval, long decider, Verdict verdict, String comment) {
		return approval.decide(decider, Set.of(), verdict, comment, resolver, AT.plusSeconds(60));
	}

	private static StepPlan group(Quorum quorum, Integer percent) {
		return new StepPlan(StepKind.GROUP, PURCHASING, quorum, percent, null);
	}

	@Test
	void onlyTheFirstStepOpensAndApprovingItOpensTheNext() {
		people.put(1, new ApproverResolver.Resolved(List.of(MANAGER), false));
		people.put(2, new ApproverResolver.Resolved(List.of(BUYER_1, BUYER_2), false));
		Approval approval = started(StepPlan.manager(), group(Quorum.ANY, null));

		assertThat(approval.getSteps()).extracting(ApprovalStep::getState)
			.containsExactly(StepState.OPEN, StepState.WAITING);
		assertThat(approval.waitsFor(BUYER_1, Set.of())).isFalse();

		List<ApprovalChange> changes = decide(approval, MANAGER, Verdict.APPROVE, "");

		assertThat(changes).containsExactly(new ApprovalChange.Decided(1, MANAGER, MANAGER, Verdict.APPROVE, null),
				new ApprovalChange.Opened(2, StepKind.GROUP, List.of(BUYER_1, BUYER_2), false));
		assertThat(approval.getOutcome()).isEqualTo(ApprovalOutcome.PENDING);
		assertThat(approval.waitsFor(MANAGER, Set.of())).isFalse();
		assertThat(approval.waitsFor(BUYER_2, Set.of())).isTrue();
	}

	@Test
	void aPendingApprovalWithdrawnClosesItsUndecidedStepsAndAsksNobodyWhileAnEndedOneStaysAsItIs() {
		people.put(1, new ApproverResolver.Resolved(List.of(MANAGER), false));
		people.put(2, new ApproverResolver.Resolved(List.of(BUYER_1), false));
		Approval pending = started(StepPlan.manager(), group(Quorum.ANY, null));

		assertThat(pending.withdraw(AT.plusSeconds(30))).containsExactly(new ApprovalChange.Ended(ApprovalOutcome.WITHDRAWN));
		assertThat(pending.getSteps()).extracting(ApprovalStep::getState)
			.containsExactly(StepState.WITHDRAWN, StepState.WITHDRAWN);
		assertThat(pending.waitsFor(MANAGER, Set.of())).isFalse();
		assertThatThrownBy(() -> decide(pending, MANAGER, Verdict.APPROVE, "")).hasMessageContaining("already decided");

		Approval refused = started(StepPlan.manager(), group(Quorum.ANY, null));
		decide(refused, MANAGER, Verdict.REFUSE, "no");
		assertThat(refused.withdraw(AT.plusSeconds(90))).isEmpty();
		assertThat(refused.getOutcome()).isEqualTo(ApprovalOutcome.REFUSED);
	}

	@Test
	void approvingTheLastStepApprovesTheApproval() {
		people.put(1, new ApproverResolver.Resolved(List.of(MANAGER), false));
		people.put(2, new ApproverResolver.Resolved(List.of(BUYER_1, BUYER_2), false));
		Approval approval = started(StepPlan.manager(), group(Quorum.ANY, null));
		decide(approval, MANAGER, Verdict.APPROVE, "ok");

		List<ApprovalChange> changes = decide(approval, BUYER_2, Verdict.APPROVE, "");

		assertThat(changes).endsWith(new ApprovalChange.Ended(ApprovalOutcome.APPROVED));
		assertThat(approval.getOutcome()).isEqualTo(ApprovalOutcome.APPROVED);
		assertThat(approval.getDecidedAt()).isEqualTo(AT.plusSeconds(60));
		assertThat(approval.openStep()).isEmpty();
	}

	@Test
	void aRefusalAtTheFirstStepEndsTheApprovalAndNeverAsksTheNextStep() {
		people.put(1, new ApproverResolver.Resolved(List.of(MANAGER), false));
		Approval approval = started(StepPlan.manager(), group(Quorum.ANY, null));

		List<ApprovalChange> changes = decide(approval, MANAGER, Verdict.REFUSE, "  Not in the budget  ");

		assertThat(changes).containsExactly(
				new ApprovalChange.Decided(1, MANAGER, MANAGER, Verdict.REFUSE, "Not in the budget"),
				new ApprovalChange.Ended(ApprovalOutcome.REFUSED));
		assertThat(approval.getSteps()).extracting(ApprovalStep::getState)
			.containsExactly(StepState.REFUSED, StepState.WAITING);
	}

	@Test
	void aRefusalAtALaterStepEndsTheApproval() {
		people.put(1, new ApproverResolver.Resolved(List.of(MANAGER), false));
		people.put(2, new ApproverResolver.Resolved(List.of(BUYER_1), false));
		Approval approval = started(StepPlan.manager(), group(Quorum.ANY, null));
		decide(approval, MANAGER, Verdict.APPROVE, "");

		decide(approval, BUYER_1, Verdict.REFUSE, "Buy the standard model");

		assertThat(approval.getOutcome()).isEqualTo(ApprovalOutcome.REFUSED);
		assertThatThrownBy(() -> decide(approval, BUYER_1, Verdict.APPROVE, ""))
			.isInstanceOfSatisfying(ConflictException.class,
					e -> assertThat(e.messageKey()).isEqualTo("approval.decided"));
	}

	@Test
	void aRefusalWithoutCommentIsRefusedOnTheCommentField() {
		people.put(1, new ApproverResolver.Resolved(List.of(MANAGER), false));
		Approval approval = started(StepPlan.manager());

		assertThatThrownBy(() -> decide(approval, MANAGER, Verdict.REFUSE, "   "))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("comment"));
		assertThatThrownBy(() -> decide(approval, MANAGER, Verdict.APPROVE, "x".repeat(Approval.COMMENT_MAX + 1)))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("comment"));
		assertThat(approval.openStep().orElseThrow().getDecisions()).isEmpty();
	}

	@Test
	void anyOneMemberDecidesForAllTheirAnswerApprovalOrRefusal() {
		people.put(1, new ApproverResolver.Resolved(List.of(BUYER_1, BUYER_2, BUYER_3), false));
		Approval refused = started(group(Quorum.ANY, null));
		decide(refused, BUYER_3, Verdict.REFUSE, "No");
		assertThat(refused.getOutcome()).isEqualTo(ApprovalOutcome.REFUSED);

		Approval approved = started(group(Quorum.ANY, null));
		decide(approved, BUYER_2, Verdict.APPROVE, "");
		assertThat(approved.getOutcome()).isEqualTo(ApprovalOutcome.APPROVED);
	}

	@Test
	void quorumAllWaitsForEveryoneAndOneRefusalRefuses() {
		people.put(1, new ApproverResolver.Resolved(List.of(BUYER_1, BUYER_2, BUYER_3), false));
		Approval approval = started(group(Quorum.ALL, null));
		decide(approval, BUYER_1, Verdict.APPROVE, "");
		decide(approval, BUYER_2, Verdict.APPROVE, "");
		assertThat(approval.getOutcome()).isEqualTo(ApprovalOutcome.PENDING);
		decide(approval, BUYER_3, Verdict.APPROVE, "");
		assertThat(approval.getOutcome()).isEqualTo(ApprovalOutcome.APPROVED);

		Approval refused = started(group(Quorum.ALL, null));
		decide(refused, BUYER_1, Verdict.APPROVE, "");
		decide(refused, BUYER_2, Verdict.REFUSE, "No");
		assertThat(refused.getOutcome()).isEqualTo(ApprovalOutcome.REFUSED);
	}

	@Test
	void quorumPercentApprovesAtTheShareRoundedUpAndRefusesOnceItCanNoLongerBeReached() {
		people.put(1, new ApproverResolver.Resolved(List.of(BUYER_1, BUYER_2, BUYER_3), false));
		Approval approval = started(group(Quorum.PERCENT, 50));
		assertThat(approval.openStep().orElseThrow().needed()).isEqualTo(2);
		decide(approval, BUYER_1, Verdict.REFUSE, "Too dear");
		assertThat(approval.getOutcome()).isEqualTo(ApprovalOutcome.PENDING);
		decide(approval, BUYER_2, Verdict.APPROVE, "");
		assertThat(approval.getOutcome()).isEqualTo(ApprovalOutcome.PENDING);
		decide(approval, BUYER_3, Verdict.APPROVE, "");
		assertThat(approval.getOutcome()).isEqualTo(ApprovalOutcome.APPROVED);

		Approval refused = started(group(Quorum.PERCENT, 50));
		decide(refused, BUYER_1, Verdict.REFUSE, "No");
		decide(refused, BUYER_3, Verdict.REFUSE, "No");
		assertThat(refused.getOutcome()).isEqualTo(ApprovalOutcome.REFUSED);
	}

	/** Seeded loop: for every group size and percentage, the step closes exactly when the rule says. */
	@Test
	void quorumPercentClosesExactlyWhenTheApprovalsReachTheShareOrCanNoLongerForEverySizeAndShare() {
		java.util.Random random = new java.util.Random(14);
		for (int round = 0; round < 500; round++) {
			int size = 1 + random.nextInt(7);
			int percent = 1 + random.nextInt(100);
			List<Long> members = java.util.stream.LongStream.rangeClosed(1, size).boxed().toList();
			people.put(1, new ApproverResolver.Resolved(members, false));
			Approval approval = started(group(Quorum.PERCENT, percent));
			int needed = (int) Math.max(1, Math.ceil(size * percent / 100.0));
			int approvals = 0;
			int refusals = 0;
			for (long member : members) {
				boolean approve = random.nextBoolean();
				decide(approval, member, approve ? Verdict.APPROVE : Verdict.REFUSE, "because");
				approvals += approve ? 1 : 0;
				refusals += approve ? 0 : 1;
				ApprovalOutcome expected = approvals >= needed ? ApprovalOutcome.APPROVED
						: size - refusals < needed ? ApprovalOutcome.REFUSED : ApprovalOutcome.PENDING;
				assertThat(approval.getOutcome()).as("size %d, %d%%, %d for, %d against", size, percent, approvals,
						refusals).isEqualTo(expected);
				if (expected != ApprovalOutcome.PENDING) {
					break;
				}
			}
		}
	}

	@Test
	void aSkippedStepIsRecordedWithWhyAndTheNextOneOpens() {
		people.put(2, new ApproverResolver.Resolved(List.of(BUYER_1), false));
		Approval approval = Approval.request(1,
				List.of(StepPlan.manager().skipped("Licence cost under 500"), group(Quorum.ANY, null)), AT);

		List<ApprovalChange> changes = approval.start(resolver, AT);

		assertThat(changes).containsExactly(new ApprovalChange.Skipped(1, "Licence cost under 500"),
				new ApprovalChange.Opened(2, StepKind.GROUP, List.of(BUYER_1), false));
		assertThat(approval.getSteps().get(0).getState()).isEqualTo(StepState.SKIPPED);
	}

	@Test
	void everyStepSkippedApprovesAtOnce() {
		Approval approval = Approval.request(1, List.of(StepPlan.manager().skipped("Cheap")), AT);

		assertThat(approval.start(resolver, AT)).endsWith(new ApprovalChange.Ended(ApprovalOutcome.APPROVED));
		assertThat(approval.getOutcome()).isEqualTo(ApprovalOutcome.APPROVED);
	}

	@Test
	void aDecisionCountsOnceForTheSamePerson() {
		people.put(1, new ApproverResolver.Resolved(List.of(BUYER_1, BUYER_2), false));
		Approval approval = started(group(Quorum.ALL, null));
		decide(approval, BUYER_1, Verdict.APPROVE, "");

		assertThatThrownBy(() -> decide(approval, BUYER_1, Verdict.APPROVE, ""))
			.isInstanceOfSatisfying(ConflictException.class,
					e -> assertThat(e.messageKey()).isEqualTo("approval.decided"));
		assertThat(approval.openStep().orElseThrow().getDecisions()).hasSize(1);
		assertThat(approval.getOutcome()).isEqualTo(ApprovalOutcome.PENDING);
	}

	@Test
	void someoneNotAskedMayNotDecide() {
		people.put(1, new ApproverResolver.Resolved(List.of(MANAGER), false));
		Approval approval = started(StepPlan.manager());

		assertThatThrownBy(() -> decide(approval, BUYER_1, Verdict.APPROVE, ""))
			.isInstanceOfSatisfying(ConflictException.class,
					e -> assertThat(e.messageKey()).isEqualTo("approval.not-yours"));
	}

	@Test
	void theDelegateOfAnAbsentApproverDecidesInTheirNameAndItCountsAsTheirs() {
		long deputy = 99;
		people.put(1, new ApproverResolver.Resolved(List.of(BUYER_1, BUYER_2), false));
		Approval approval = started(group(Quorum.ALL, null));
		assertThat(approval.waitsFor(deputy, Set.of(BUYER_2))).isTrue();

		List<ApprovalChange> changes = approval.decide(deputy, Set.of(BUYER_2), Verdict.APPROVE, null, resolver, AT);

		assertThat(changes).containsExactly(new ApprovalChange.Decided(1, BUYER_2, deputy, Verdict.APPROVE, null));
		assertThat(approval.openStep().orElseThrow().decisionOf(BUYER_2)).get()
			.satisfies(d -> assertThat(d.delegated()).isTrue());
		assertThat(approval.waitsFor(BUYER_2, Set.of())).isFalse();
		assertThatThrownBy(() -> approval.decide(deputy, Set.of(BUYER_2), Verdict.APPROVE, null, resolver, AT))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void anApproverWhoIsAlsoADelegateAnswersFirstForThemselvesThenForTheAbsentOne() {
		people.put(1, new ApproverResolver.Resolved(List.of(BUYER_1, BUYER_2), false));
		Approval approval = started(group(Quorum.ALL, null));

		decide(approval, BUYER_1, Verdict.APPROVE, "");
		approval.decide(BUYER_1, Set.of(BUYER_2), Verdict.APPROVE, null, resolver, AT);

		assertThat(approval.getOutcome()).isEqualTo(ApprovalOutcome.APPROVED);
		assertThat(approval.getSteps().get(0).getDecisions()).extracting(ApprovalDecision::getApproverId)
			.containsExactly(BUYER_1, BUYER_2);
	}

	@Test
	void aStepWhosePeopleLeftTheDirectoryIsAskedOfWhomTheResolverFallsBackOnAndSaysSo() {
		long admin = 1;
		people.put(1, new ApproverResolver.Resolved(List.of(admin), true));

		Approval approval = Approval.request(1, List.of(StepPlan.manager()), AT);
		List<ApprovalChange> changes = approval.start(resolver, AT);

		assertThat(changes).containsExactly(new ApprovalChange.Opened(1, StepKind.MANAGER, List.of(admin), true));
		assertThat(approval.openStep().orElseThrow().isFallback()).isTrue();
		decide(approval, admin, Verdict.APPROVE, "");
		assertThat(approval.getOutcome()).isEqualTo(ApprovalOutcome.APPROVED);
	}

	@Test
	void anApprovalWithoutStepsAndStepsWithoutTargetsAreRefused() {
		assertThatThrownBy(() -> Approval.request(1, List.of(), AT)).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> new StepPlan(StepKind.USER, null, Quorum.ANY, null, null))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("targetId"));
		assertThatThrownBy(() -> new StepPlan(StepKind.GROUP, 5L, Quorum.PERCENT, 0, null))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("percent"));
	}

}
