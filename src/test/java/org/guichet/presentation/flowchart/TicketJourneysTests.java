package org.guichet.presentation.flowchart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.guichet.directory.SupportLevel;
import org.guichet.presentation.flowchart.TicketJourney.Move;
import org.guichet.presentation.flowchart.TicketJourney.MoveKind;
import org.guichet.tickets.Channel;
import org.guichet.tickets.HistoryEntry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * A request's approval read from its history as the module approvals writes it (the hold, the
 * request of the first step, the decisions, the release or the refusal's cancellation), and the
 * path it gives on a chart with approvals.
 */
class TicketJourneysTests {

	private static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");

	private static final Flowchart WITH_APPROVALS = FlowchartBuilder
		.build(FlowchartBuilderTests.full().withApprovals(true));

	private static final Map<String, SupportLevel> LEVELS = Map.of("Service desk", SupportLevel.N1);

	private final List<HistoryEntry> history = new ArrayList<>();

	@Test
	void anApprovedRequestWaitsForItsValidatorsThenGoesOnThroughTheQualificationWithoutAPending() {
		registeredAndHeld();
		entry(30, "approvalApproved", null, "1: Marie Martin");
		entry(30, "pendingReason", "APPROVAL", null);
		entry(30, "status", "PENDING", "NEW");
		entry(40, "status", "NEW", "IN_PROGRESS");
		entry(50, "status", "IN_PROGRESS", "RESOLVED");

		List<Move> moves = TicketJourneys.moves(history, LEVELS);

		assertThat(moves).extracting(Move::kind)
			.containsExactly(MoveKind.LEVEL, MoveKind.APPROVAL_REQUESTED, MoveKind.APPROVAL_APPROVED,
					MoveKind.IN_PROGRESS, MoveKind.RESOLVED);
		TicketPath path = TicketPath.of(WITH_APPROVALS, new TicketJourney(Channel.PORTAL, moves));
		assertThat(path.nodes()).startsWith("start", "channel.PORTAL", "registration", "approval", "decision.approval",
				"decision.qualification", "categorisation")
			.doesNotContain("pending");
		assertThat(path.edgeCounts()).containsKeys("registration->approval", "approval->decision.approval",
				"decision.approval->decision.qualification")
			.doesNotContainKeys("registration->decision.qualification", "decision.approval->cancelled");
	}

	@Test
	void aRefusedRequestLeavesByTheValidatorsNoToTheCancellation() {
		registeredAndHeld();
		entry(30, "approvalRefused", null, "1: Marie Martin — no budget");
		entry(30, "status", "PENDING", "CANCELLED");

		TicketPath path = TicketPath.of(WITH_APPROVALS,
				new TicketJourney(Channel.PORTAL, TicketJourneys.moves(history, LEVELS)));

		assertThat(path.nodes()).containsExactly("start", "channel.PORTAL", "registration", "approval",
				"decision.approval", "cancelled", "end");
		assertThat(path.edgeCounts()).containsKeys("decision.approval->cancelled");
	}

	@Test
	void aRequestWithdrawnWhileItWaitedJumpsToTheCancellationWithoutAnyDecision() {
		registeredAndHeld();
		entry(30, "status", "PENDING", "CANCELLED");
		entry(30, "approvalWithdrawn", null, null);

		TicketPath path = TicketPath.of(WITH_APPROVALS,
				new TicketJourney(Channel.PORTAL, TicketJourneys.moves(history, LEVELS)));

		assertThat(path.nodes()).containsExactly("start", "channel.PORTAL", "registration", "approval", "cancelled",
				"end");
		assertThat(path.steps()).contains(new TicketPath.Step("cancelled", null));
		assertThat(path.nodes()).doesNotContain("decision.approval");
	}

	@Test
	void aPendingForAnApprovalSetByHandIsAnOrdinaryPending() {
		entry(0, "status", null, "NEW");
		entry(5, "status", "NEW", "IN_PROGRESS");
		entry(10, "pendingReason", null, "APPROVAL");
		entry(10, "status", "IN_PROGRESS", "PENDING");
		entry(20, "pendingReason", "APPROVAL", null);
		entry(20, "status", "PENDING", "IN_PROGRESS");

		assertThat(TicketJourneys.moves(history, LEVELS)).extracting(Move::kind)
			.containsExactly(MoveKind.IN_PROGRESS, MoveKind.PENDING, MoveKind.RESUMED, MoveKind.IN_PROGRESS);
	}

	/**
	 * Registered to the service desk and held as {@code Approvals#request} does: the hold is
	 * written first, at its own instant, and the request of the first step after it, at the
	 * instant the approval was asked, a moment before (the audit trail is in the order written).
	 */
	private void registeredAndHeld() {
		entry(0, "status", null, "NEW");
		entry(0, "group", null, "Service desk");
		history.add(entry(T0.plusMillis(2), "pendingReason", null, "APPROVAL"));
		history.add(entry(T0.plusMillis(2), "status", "NEW", "PENDING"));
		history.add(entry(T0.plusMillis(1), "approvalRequested", null, "1: Marie Martin"));
	}

	private void entry(int minutes, String field, @Nullable String oldValue, @Nullable String newValue) {
		history.add(entry(T0.plusSeconds(60L * minutes), field, oldValue, newValue));
	}

	private static HistoryEntry entry(Instant at, String field, @Nullable String oldValue, @Nullable String newValue) {
		HistoryEntry entry = BeanUtils.instantiateClass(HistoryEntry.class);
		ReflectionTestUtils.setField(entry, "at", at);
		ReflectionTestUtils.setField(entry, "field", field);
		ReflectionTestUtils.setField(entry, "oldValue", oldValue);
		ReflectionTestUtils.setField(entry, "newValue", newValue);
		return entry;
	}

}
