package org.guichet.presentation.flowchart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.guichet.directory.SupportLevel;
import org.guichet.presentation.flowchart.LifecycleConfiguration.Registrar;
import org.guichet.tickets.Channel;
import org.guichet.tickets.PendingReason;
import org.guichet.tickets.SolutionKind;
import org.junit.jupiter.api.Test;

class FlowchartBuilderTests {

	/** Today's desk: every channel, categories, rules, N1 to N3, validation, 7 days, survey. */
	static LifecycleConfiguration full() {
		return new LifecycleConfiguration(EnumSet.allOf(Channel.class), EnumSet.allOf(Registrar.class), 12, true, 4,
				Map.of(SupportLevel.N1, 2, SupportLevel.N2, 3, SupportLevel.N3, 1), 2,
				EnumSet.allOf(PendingReason.class), EnumSet.of(PendingReason.USER, PendingReason.SUPPLIER), 3,
				EnumSet.allOf(SolutionKind.class), true, 7, 100);
	}

	static LifecycleConfiguration with(LifecycleConfiguration c, Set<Channel> channels, Map<SupportLevel, Integer> groups,
			boolean validation, int autoCloseDays, int surveyPercent, int categories) {
		return new LifecycleConfiguration(channels, c.registrars(), categories, c.vipRaisesPriority(),
				c.routingRuleCount(), groups, c.slaPolicyCount(), c.pendingReasons(), c.slaPausingReasons(),
				c.escalationLevelCount(), c.solutionKinds(), validation, autoCloseDays, surveyPercent);
	}

	private static List<String> ids(Flowchart chart) {
		return chart.nodes().stream().map(FlowNode::id).toList();
	}

	private static List<String> ids(Flowchart chart, NodeKind kind) {
		return chart.nodes().stream().filter(node -> node.kind() == kind).map(FlowNode::id).toList();
	}

	private static List<String> branches(Flowchart chart, String decision) {
		return chart.edgesFrom(decision).stream().map(edge -> edge.label().key() + ":" + edge.to()).toList();
	}

	@Test
	void fullConfigurationDrawsTheSixStepsEveryDecisionAndTheReopenLoop() {
		Flowchart chart = FlowchartBuilder.build(full());

		assertThat(ids(chart, NodeKind.START)).containsExactly("start");
		assertThat(ids(chart, NodeKind.END)).containsExactly("end");
		assertThat(ids(chart, NodeKind.DECISION)).containsExactlyInAnyOrder("decision.qualification", "decision.pending",
				"decision.answer", "decision.validation", "decision.solved.N1", "decision.solved.N2");
		assertThat(ids(chart, NodeKind.DOCUMENT)).containsExactly("document.solution");
		assertThat(ids(chart)).contains("registration", "categorisation", "prioritisation", "assignment",
				"resolution.N1", "resolution.N2", "resolution.N3", "pending", "auto-closure", "closure", "survey",
				"channel.PHONE", "channel.PORTAL", "channel.EMAIL", "channel.SMS", "channel.CHAT", "channel.API");
		assertThat(chart.node("registration").orElseThrow().title()).isEqualTo(Label.of("flowchart.registration", 1));
		assertThat(chart.node("closure").orElseThrow().title()).isEqualTo(Label.of("flowchart.closure", 6));
		assertThat(branches(chart, "decision.qualification")).containsExactly("flowchart.no:cancelled",
				"flowchart.yes:categorisation");
		assertThat(branches(chart, "decision.solved.N1")).containsExactly("flowchart.yes:decision.answer",
				"flowchart.no:resolution.N2");
		assertThat(branches(chart, "decision.solved.N2")).containsExactly("flowchart.yes:decision.answer",
				"flowchart.no:resolution.N3");
		assertThat(branches(chart, "decision.validation")).containsExactly("flowchart.yes:closure",
				"flowchart.validation.refused:resolution.N1");
		assertThat(branches(chart, "decision.answer")).containsExactly("flowchart.yes:decision.validation",
				"flowchart.no:auto-closure");
		assertThat(chart.edgesFrom("pending")).extracting(FlowEdge::to).containsExactly("resolution.N1");
		assertThat(chart.edgesFrom("closure")).extracting(FlowEdge::to).containsExactly("survey");
		assertThat(chart.edgesFrom("resolution.N3")).extracting(FlowEdge::to).containsExactly("decision.answer");
	}

	@Test
	void onceAMailboxIsReadEmailIsWrittenByTheRequesterAndRegisteredByGuichetFromItsAddresses() {
		LifecycleConfiguration c = full();
		LifecycleConfiguration reading = new LifecycleConfiguration(c.channels(), c.registrars(), c.categoryCount(),
				c.vipRaisesPriority(), c.routingRuleCount(), c.groupsPerLevel(), c.slaPolicyCount(), c.pendingReasons(),
				c.slaPausingReasons(), c.escalationLevelCount(), c.solutionKinds(), c.requesterValidation(),
				c.autoCloseDays(), c.surveyPercent(), List.of("support@example.org", "rh@example.org"));

		Flowchart chart = FlowchartBuilder.build(reading);
		Flowchart without = FlowchartBuilder.build(c);

		FlowNode email = chart.nodes().stream().filter(node -> node.id().equals("channel.EMAIL")).findFirst().orElseThrow();
		assertThat(email.lane()).isEqualTo(Lane.REQUESTER);
		assertThat(email.details()).containsExactly(
				Label.of("flowchart.channel.mailboxes", "support@example.org, rh@example.org"));
		assertThat(email.configuredAt()).isEqualTo("/admin/mailboxes");
		FlowNode registration = chart.nodes().stream().filter(node -> node.id().equals("registration")).findFirst()
			.orElseThrow();
		assertThat(registration.details())
			.contains(Label.of("flowchart.registration.by.mail", "support@example.org, rh@example.org"));
		FlowNode desk = without.nodes().stream().filter(node -> node.id().equals("channel.EMAIL")).findFirst().orElseThrow();
		assertThat(desk.lane()).as("without mailbox the desk registers e-mail").isEqualTo(Lane.FIRST_LEVEL);
		assertThat(desk.details()).isEmpty();
		assertThat(ids(chart)).isEqualTo(ids(without));
	}

	@Test
	void withTheSmsChannelOnTextsAreSentByTheRequesterAndRegisteredByGuichet() {
		LifecycleConfiguration c = full();

		Flowchart chart = FlowchartBuilder.build(c.withSmsGateway(true));
		Flowchart without = FlowchartBuilder.build(c);

		FlowNode sms = chart.nodes().stream().filter(node -> node.id().equals("channel.SMS")).findFirst().orElseThrow();
		assertThat(sms.lane()).isEqualTo(Lane.REQUESTER);
		assertThat(sms.details()).containsExactly(Label.of("flowchart.channel.sms-gateway"));
		FlowNode registration = chart.nodes().stream().filter(node -> node.id().equals("registration")).findFirst()
			.orElseThrow();
		assertThat(registration.details()).contains(Label.of("flowchart.registration.by.sms"));
		FlowNode desk = without.nodes().stream().filter(node -> node.id().equals("channel.SMS")).findFirst().orElseThrow();
		assertThat(desk.lane()).as("without the SMS channel the desk registers texts").isEqualTo(Lane.FIRST_LEVEL);
		assertThat(ids(chart)).isEqualTo(ids(without));
	}

	@Test
	void everyDecisionHasALabelledYesAndNoBranch() {
		Flowchart chart = FlowchartBuilder.build(full());

		for (String decision : ids(chart, NodeKind.DECISION)) {
			assertThat(chart.edgesFrom(decision)).hasSize(2).allSatisfy(edge -> assertThat(edge.label()).isNotNull());
		}
	}

	@Test
	void theSlaPausesOnlyForTheReasonsAPolicyPausesOn() {
		FlowNode pending = FlowchartBuilder.build(full()).node("pending").orElseThrow();

		assertThat(pending.title().key()).isEqualTo("flowchart.pending.sla-paused");
		assertThat(pending.details()).extracting(Label::key)
			.containsExactly("flowchart.pending.paused", "flowchart.pending.paused", "flowchart.pending.running");
	}

	@Test
	void withoutRequesterValidationTheResolutionClosesTheTicketDirectly() {
		LifecycleConfiguration c = full();
		Flowchart chart = FlowchartBuilder.build(with(c, c.channels(), c.groupsPerLevel(), false, 7, 100, 12));

		assertThat(ids(chart)).doesNotContain("decision.validation", "decision.answer", "auto-closure");
		assertThat(branches(chart, "decision.solved.N1")).containsExactly("flowchart.yes:closure",
				"flowchart.no:resolution.N2");
		assertThat(chart.edges()).noneMatch(edge -> edge.to().equals("resolution.N1") && edge.from().startsWith("decision.v"));
	}

	@Test
	void withoutALevelThreeGroupThereIsNoLevelTwoDecision() {
		LifecycleConfiguration c = full();
		Flowchart chart = FlowchartBuilder.build(with(c, c.channels(), Map.of(SupportLevel.N1, 1, SupportLevel.N2, 2),
				true, 7, 100, 12));

		assertThat(ids(chart)).doesNotContain("resolution.N3", "decision.solved.N2").contains("resolution.N2");
		assertThat(chart.edgesFrom("resolution.N2")).extracting(FlowEdge::to).containsExactly("decision.answer");
	}

	@Test
	void withOnlyTheServiceDeskThereIsNoEscalationDecision() {
		LifecycleConfiguration c = full();
		Flowchart chart = FlowchartBuilder.build(with(c, c.channels(), Map.of(SupportLevel.N1, 1), true, 7, 100, 12));

		assertThat(ids(chart)).noneMatch(id -> id.startsWith("decision.solved") || id.equals("resolution.N2"));
		assertThat(branches(chart, "decision.pending")).containsExactly("flowchart.yes:pending",
				"flowchart.no:decision.answer");
	}

	@Test
	void autoCloseNeverLeavesTheRequesterAsTheOnlyOneToClose() {
		LifecycleConfiguration c = full();
		Flowchart chart = FlowchartBuilder.build(with(c, c.channels(), c.groupsPerLevel(), true, 0, 100, 12));

		assertThat(ids(chart)).doesNotContain("auto-closure", "decision.answer").contains("decision.validation");
		assertThat(branches(chart, "decision.solved.N1")).containsExactly("flowchart.yes:decision.validation",
				"flowchart.no:resolution.N2");
	}

	@Test
	void surveyOffGoesFromClosureToTheEnd() {
		LifecycleConfiguration c = full();
		Flowchart chart = FlowchartBuilder.build(with(c, c.channels(), c.groupsPerLevel(), true, 7, 0, 12));

		assertThat(ids(chart)).doesNotContain("survey");
		assertThat(chart.edgesFrom("closure")).extracting(FlowEdge::to).containsExactly("end");
	}

	@Test
	void aDisabledChannelIsNotDrawn() {
		LifecycleConfiguration c = full();
		Flowchart chart = FlowchartBuilder.build(with(c, EnumSet.of(Channel.PORTAL, Channel.EMAIL), c.groupsPerLevel(),
				true, 7, 100, 12));

		assertThat(ids(chart)).filteredOn(id -> id.startsWith("channel.")).containsExactly("channel.EMAIL",
				"channel.PORTAL");
		assertThat(chart.edgesFrom("start")).extracting(FlowEdge::to).containsExactly("channel.EMAIL", "channel.PORTAL");
		assertThat(chart.edgesFrom("channel.EMAIL")).extracting(FlowEdge::to).containsExactly("registration");
	}

	@Test
	void withoutCategoriesPrioritisationFollowsTheQualificationAndStepsAreRenumbered() {
		LifecycleConfiguration c = full();
		Flowchart chart = FlowchartBuilder.build(with(c, c.channels(), c.groupsPerLevel(), true, 7, 100, 0));

		assertThat(ids(chart)).doesNotContain("categorisation");
		assertThat(branches(chart, "decision.qualification")).containsExactly("flowchart.no:cancelled",
				"flowchart.yes:prioritisation");
		assertThat(chart.node("prioritisation").orElseThrow().title()).isEqualTo(Label.of("flowchart.prioritisation", 2));
		assertThat(chart.node("closure").orElseThrow().title()).isEqualTo(Label.of("flowchart.closure", 5));
	}

	@Test
	void withApprovalsARegisteredRequestWaitsForItsValidatorsWhoSendItOnOrCancelIt() {
		Flowchart chart = FlowchartBuilder.build(full().withApprovals(true));
		Flowchart without = FlowchartBuilder.build(full());

		assertThat(ids(without)).doesNotContain("approval", "decision.approval");
		assertThat(chart.edgesFrom("registration")).extracting(FlowEdge::to)
			.containsExactly("approval", "decision.qualification");
		assertThat(chart.edgesFrom("registration").get(0).label()).isEqualTo(Label.of("flowchart.approval.required"));
		FlowNode wait = chart.node("approval").orElseThrow();
		assertThat(wait.lane()).isEqualTo(Lane.SYSTEM);
		assertThat(wait.details()).as("full() pauses its SLA for users and suppliers, not for approvals")
			.containsExactly(Label.of("flowchart.pending.running", Label.of("pending.APPROVAL")));
		assertThat(chart.edgesFrom("approval")).extracting(FlowEdge::to).containsExactly("decision.approval");
		assertThat(branches(chart, "decision.approval")).containsExactly(
				"flowchart.approval.approved:decision.qualification", "flowchart.approval.refused:cancelled");
		assertThat(ids(chart)).as("the wait is before the qualification, in the order of the flow")
			.containsSubsequence("registration", "approval", "decision.approval", "decision.qualification");
		assertThat(chart.node("closure").orElseThrow().title()).as("the wait is no numbered step")
			.isEqualTo(Label.of("flowchart.closure", 6));
		LifecycleConfiguration c = full();
		LifecycleConfiguration pausing = new LifecycleConfiguration(c.channels(), c.registrars(), c.categoryCount(),
				c.vipRaisesPriority(), c.routingRuleCount(), c.groupsPerLevel(), c.slaPolicyCount(), c.pendingReasons(),
				EnumSet.of(PendingReason.APPROVAL), c.escalationLevelCount(), c.solutionKinds(), c.requesterValidation(),
				c.autoCloseDays(), c.surveyPercent(), List.of(), true);
		assertThat(FlowchartBuilder.build(pausing).node("approval").orElseThrow().details())
			.containsExactly(Label.of("flowchart.pending.paused", Label.of("pending.APPROVAL")));
	}

	@Test
	void theValidatorsBranchesCountTheApprovalsAndTheQualificationNoLongerCountsThem() {
		Flowchart chart = FlowchartBuilder.build(full().withApprovals(true));
		java.time.LocalDate day = java.time.LocalDate.of(2026, 11, 2);
		List<BranchCounts.FactRow> rows = List
			.of(new BranchCounts.FactRow(Channel.PORTAL, SupportLevel.N1, 100, 12, 0, 50, 10));

		BranchCounts counts = BranchCounts.of(chart, day, day, rows, new org.guichet.approvals.ApprovalTally(3, 10, 5));
		BranchCounts before = BranchCounts.of(FlowchartBuilder.build(full()), day, day, rows);

		assertThat(counts.edges()).containsEntry("registration->approval", 18L)
			.containsEntry("decision.approval->decision.qualification", 10L)
			.containsEntry("decision.approval->cancelled", 5L)
			.as("12 cancelled of which 5 by their validators; 3 still wait for them")
			.containsEntry("decision.qualification->cancelled", 7L)
			.containsEntry("decision.qualification->categorisation", 85L);
		assertThat(before.edges()).doesNotContainKeys("registration->approval", "decision.approval->cancelled")
			.containsEntry("decision.qualification->cancelled", 12L)
			.containsEntry("decision.qualification->categorisation", 88L);
	}

	@Test
	void withAutoTriageTheCategorisationSaysFromWhatConfidenceTheAssistantAppliesItsSuggestions() {
		LifecycleConfiguration c = full();
		assertThat(FlowchartBuilder.build(c).node("categorisation").orElseThrow().details())
			.containsExactly(Label.of("flowchart.categorisation.count", 12));
		assertThat(FlowchartBuilder.build(c.withAutoTriage(85)).node("categorisation").orElseThrow().details())
			.containsExactly(Label.of("flowchart.categorisation.count", 12), Label.of("flowchart.categorisation.auto", 85));
	}

	@Test
	void withSelfServiceOnARequesterMayGoFromRegistrationToTheClosureWithTheArticleOffered() {
		LifecycleConfiguration c = full();
		Flowchart without = FlowchartBuilder.build(c);
		Flowchart chart = FlowchartBuilder.build(c.withSelfService(80));

		assertThat(without.node("decision.self-service")).as("off: not drawn").isEmpty();
		assertThat(without.edges()).extracting(FlowEdge::id).contains("registration->decision.qualification");
		FlowNode decision = chart.node("decision.self-service").orElseThrow();
		assertThat(decision.kind()).isEqualTo(NodeKind.DECISION);
		assertThat(decision.lane()).isEqualTo(Lane.REQUESTER);
		assertThat(decision.title()).isEqualTo(Label.of("flowchart.self-service", 80));
		assertThat(chart.edges()).extracting(FlowEdge::id)
			.contains("registration->decision.self-service", "decision.self-service->decision.qualification",
					"decision.self-service->closure")
			.doesNotContain("registration->decision.qualification");
		assertThat(chart.edges()).filteredOn(e -> e.id().equals("decision.self-service->closure"))
			.extracting(FlowEdge::label).containsExactly(Label.of("flowchart.self-service.solved"));
	}

}
