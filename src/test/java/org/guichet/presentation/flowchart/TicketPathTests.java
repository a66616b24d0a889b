package org.guichet.presentation.flowchart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.guichet.directory.SupportLevel;
import org.guichet.presentation.flowchart.TicketJourney.Move;
import org.guichet.presentation.flowchart.TicketJourney.MoveKind;
import org.guichet.tickets.Channel;
import org.junit.jupiter.api.Test;

class TicketPathTests {

	private static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");

	private static final Flowchart FULL = FlowchartBuilder.build(FlowchartBuilderTests.full());

	/** The moves in order, one minute apart; a level is given as "LEVEL:N2". */
	private static TicketJourney journey(Channel channel, String... moves) {
		List<Move> list = new ArrayList<>();
		for (int i = 0; i < moves.length; i++) {
			Instant at = T0.plusSeconds(60L * i);
			if (moves[i].startsWith("LEVEL:")) {
				list.add(new Move(at, MoveKind.LEVEL, SupportLevel.valueOf(moves[i].substring(6))));
			}
			else {
				list.add(Move.of(at, MoveKind.valueOf(moves[i])));
			}
		}
		return new TicketJourney(channel, list);
	}

	@Test
	void portalTicketResolvedAtLevelOneAndAcceptedGoesStraightThroughToTheEnd() {
		TicketPath path = TicketPath.of(FULL,
				journey(Channel.PORTAL, "LEVEL:N1", "ASSIGNED", "IN_PROGRESS", "RESOLVED", "CLOSED", "SURVEYED"));

		assertThat(path.nodes()).containsExactly("start", "channel.PORTAL", "registration", "decision.qualification",
				"categorisation", "prioritisation", "assignment", "resolution.N1", "decision.pending",
				"decision.solved.N1", "decision.answer", "decision.validation", "closure", "survey", "end");
		assertThat(path.edgeCounts()).containsKeys("decision.qualification->categorisation",
				"decision.pending->decision.solved.N1", "decision.solved.N1->decision.answer",
				"decision.answer->decision.validation", "decision.validation->closure", "closure->survey", "survey->end")
			.doesNotContainKeys("decision.qualification->cancelled", "decision.answer->auto-closure");
		assertThat(path.steps()).allSatisfy(step -> assertThat(step.node().equals("start") || step.edge() != null)
			.as("every step of this path comes along an edge of the chart: " + step).isTrue());
	}

	@Test
	void aTicketResolvedBySelfServiceGoesFromRegistrationThroughTheSelfServiceDiamondToTheClosure() {
		TicketPath path = TicketPath.of(FlowchartBuilder.build(FlowchartBuilderTests.full().withSelfService(80)),
				journey(Channel.PORTAL, "LEVEL:N1", "RESOLVED_BY_SELF_SERVICE", "RESOLVED", "CLOSED", "SURVEYED"));
		TicketPath other = TicketPath.of(FlowchartBuilder.build(FlowchartBuilderTests.full().withSelfService(80)),
				journey(Channel.PORTAL, "LEVEL:N1", "ASSIGNED", "IN_PROGRESS", "RESOLVED", "CLOSED"));

		assertThat(path.nodes()).containsExactly("start", "channel.PORTAL", "registration", "decision.self-service",
				"closure", "survey", "end");
		assertThat(path.edgeCounts()).containsKeys("registration->decision.self-service", "decision.self-service->closure");
		assertThat(other.edgeCounts()).as("the others pass its No")
			.containsKeys("registration->decision.self-service", "decision.self-service->decision.qualification");
	}

	@Test
	void phoneTicketEscalatedPendingRefusedReopenedThenClosedPassesItsLoopsAndCountsThem() {
		TicketPath path = TicketPath.of(FULL, journey(Channel.PHONE, "LEVEL:N1", "ASSIGNED", "IN_PROGRESS",
				"LEVEL:N2", "ASSIGNED", "IN_PROGRESS", "PENDING", "RESUMED", "IN_PROGRESS", "RESOLVED", "REFUSED",
				"IN_PROGRESS", "RESOLVED", "CLOSED", "SURVEYED"));

		assertThat(path.nodes()).containsExactly("start", "channel.PHONE", "registration", "decision.qualification",
				"categorisation", "prioritisation", "assignment", "resolution.N1", "decision.pending",
				"decision.solved.N1", "resolution.N2",
				// pending at level 2: the chart draws it from level 1 only, so the path jumps there and back
				"pending", "resolution.N2", "decision.solved.N2", "decision.answer", "decision.validation",
				// refused at level 2: back to level 2, where its group is
				"resolution.N2", "decision.solved.N2", "decision.answer", "decision.validation", "closure", "survey",
				"end");
		assertThat(path.edgeCounts()).containsEntry("decision.solved.N1->resolution.N2", 1)
			.containsEntry("decision.solved.N2->decision.answer", 2)
			.containsEntry("decision.answer->decision.validation", 2);
		assertThat(path.nodeOrders()).containsEntry("resolution.N2", List.of(11, 13, 17))
			.containsEntry("decision.validation", List.of(16, 20));
		assertThat(path.steps().get(11)).isEqualTo(new TicketPath.Step("pending", null));
	}

	@Test
	void pendingAndRefusalAtLevelOneFollowTheChartsLoops() {
		TicketPath path = TicketPath.of(FULL, journey(Channel.EMAIL, "ASSIGNED", "IN_PROGRESS", "PENDING", "RESUMED",
				"IN_PROGRESS", "RESOLVED", "REFUSED", "IN_PROGRESS", "RESOLVED", "REFUSED", "IN_PROGRESS", "RESOLVED",
				"CLOSED_AUTOMATICALLY", "SURVEYED"));

		assertThat(path.edgeCounts()).containsEntry("resolution.N1->decision.pending", 4)
			.containsEntry("decision.pending->pending", 1)
			.containsEntry("pending->resolution.N1", 1)
			.containsEntry("decision.validation->resolution.N1", 2)
			.containsEntry("decision.answer->auto-closure", 1)
			.containsEntry("auto-closure->closure", 1);
		assertThat(path.nodeOrders().get("resolution.N1")).hasSize(4);
		assertThat(path.nodes()).endsWith("decision.answer", "auto-closure", "closure", "survey", "end");
		assertThat(path.steps()).allSatisfy(step -> assertThat(step.node().equals("start") || step.edge() != null)
			.as("no jump: " + step).isTrue());
	}

	@Test
	void aClosedTicketWhoseRequesterWasNotSentTheSurveyDoesNotPassThroughIt() {
		TicketPath path = TicketPath.of(FULL,
				journey(Channel.PORTAL, "LEVEL:N1", "ASSIGNED", "IN_PROGRESS", "RESOLVED", "CLOSED"));

		assertThat(path.nodes()).endsWith("decision.validation", "closure", "end").doesNotContain("survey");
		assertThat(path.edgeCounts()).doesNotContainKeys("closure->survey", "survey->end");
	}

	@Test
	void ticketCancelledBeforeAnyoneWorkedOnItLeavesByTheQualificationsNo() {
		TicketPath path = TicketPath.of(FULL, journey(Channel.CHAT, "LEVEL:N1", "ASSIGNED", "CANCELLED"));

		assertThat(path.nodes()).containsExactly("start", "channel.CHAT", "registration", "decision.qualification",
				"cancelled", "end");
		assertThat(path.edgeCounts().keySet()).containsExactly("start->channel.CHAT", "channel.CHAT->registration",
				"registration->decision.qualification", "decision.qualification->cancelled", "cancelled->end");
	}

	@Test
	void ticketCancelledAfterWorkJumpsFromItsResolutionToTheCancellation() {
		TicketPath path = TicketPath.of(FULL, journey(Channel.PHONE, "ASSIGNED", "IN_PROGRESS", "CANCELLED"));

		assertThat(path.nodes()).endsWith("assignment", "resolution.N1", "cancelled", "end");
		assertThat(path.edgeCounts()).doesNotContainKey("decision.qualification->cancelled");
		assertThat(path.steps().get(path.steps().size() - 2)).isEqualTo(new TicketPath.Step("cancelled", null));
	}

	@Test
	void openTicketStopsWhereItIsWithoutReachingTheEnd() {
		TicketPath routed = TicketPath.of(FULL, journey(Channel.API, "LEVEL:N1", "ASSIGNED"));
		TicketPath waiting = TicketPath.of(FULL, journey(Channel.API, "ASSIGNED", "IN_PROGRESS", "PENDING"));

		assertThat(routed.nodes()).endsWith("prioritisation", "assignment").doesNotContain("end", "resolution.N1");
		assertThat(waiting.nodes()).endsWith("resolution.N1", "decision.pending", "pending");
	}

	@Test
	void withoutValidationNorLevelTwoAResolvedTicketGoesStraightToClosure() {
		LifecycleConfiguration config = FlowchartBuilderTests.with(FlowchartBuilderTests.full(),
				EnumSet.allOf(Channel.class), Map.of(SupportLevel.N1, 1), false, 0, 0, 0);
		Flowchart chart = FlowchartBuilder.build(config);

		TicketPath path = TicketPath.of(chart,
				journey(Channel.PORTAL, "ASSIGNED", "IN_PROGRESS", "RESOLVED", "CLOSED"));

		assertThat(path.nodes()).containsExactly("start", "channel.PORTAL", "registration", "decision.qualification",
				"prioritisation", "assignment", "resolution.N1", "decision.pending", "closure", "end");
	}

	@Test
	void ticketRoutedStraightToLevelTwoJumpsFromAssignmentAndAReopeningByTheTeamJumpsBack() {
		TicketPath path = TicketPath.of(FULL, journey(Channel.PHONE, "LEVEL:N2", "ASSIGNED", "IN_PROGRESS", "RESOLVED",
				"CLOSED", "REOPENED", "IN_PROGRESS"));

		assertThat(path.nodes()).containsSubsequence("assignment", "resolution.N2", "decision.solved.N2",
				"decision.answer", "decision.validation", "closure", "resolution.N2")
			.doesNotContain("resolution.N1", "end");
		assertThat(path.nodeOrders().get("resolution.N2")).hasSize(2);
	}

}
