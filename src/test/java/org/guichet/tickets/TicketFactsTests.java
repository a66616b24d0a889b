package org.guichet.tickets;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.guichet.directory.SupportLevel;
import org.guichet.tickets.FactInput.Change;
import org.guichet.tickets.FactInput.PublicComment;
import org.guichet.tickets.FactInput.Raised;
import org.guichet.tickets.TicketFacts.ApprovalOutcome;
import org.guichet.tickets.TicketFacts.ApprovalWait;
import org.guichet.tickets.TicketFacts.OpenSpan;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The derivation of a ticket's facts from hand-built histories, each expected value written here.
 * Times are UTC instants; Paris is UTC+1 in winter, UTC+2 in summer.
 */
class TicketFactsTests {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final long REQUESTER = 10;

	private static final long AGENT = 20;

	private static final long TECH = 30;

	private static final long OTHER_TECH = 31;

	private static final long DESK = 1;

	private static final long NETWORK = 2;

	/** Monday 2 November 2026, 09:00 in Paris. */
	private static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");

	@Test
	void aTicketTakenAndSolvedByItsFirstN1GroupWithoutAnyExchangeIsResolvedAtFirstLevelAndFirstContact() {
		TicketFacts facts = portalTicket().assigned(min(5), "Service desk", null)
			.taken(min(10), TECH)
			.resolved(min(70), TECH)
			.derive();
		assertThat(facts.createdDay()).isEqualTo(LocalDate.of(2026, 11, 2));
		assertThat(facts.createdHour()).isEqualTo(9);
		assertThat(facts.createdWeekday()).isEqualTo(1);
		assertThat(facts.ownedAt()).isEqualTo(min(10));
		assertThat(facts.ownSeconds()).isEqualTo(600);
		assertThat(facts.firstResponseAt()).as("the solution is the first response").isEqualTo(min(70));
		assertThat(facts.firstResponseSeconds()).isEqualTo(4200);
		assertThat(facts.resolvedAt()).isEqualTo(min(70));
		assertThat(facts.resolutionSeconds()).isEqualTo(4200);
		assertThat(facts.firstGroupId()).isEqualTo(DESK);
		assertThat(facts.resolvedFirstLevel()).isTrue();
		assertThat(facts.resolvedFirstContact()).isTrue();
		assertThat(facts.reopenCount()).isZero();
		assertThat(facts.openSpans()).containsExactly(new OpenSpan(T0, min(70)));
	}

	@Test
	void aReopenedTicketCountsTheReopeningKeepsOnlyTheStandingResolutionAndOpensASecondSpan() {
		TicketFacts facts = portalTicket().assigned(min(5), "Service desk", TECH)
			.taken(min(10), TECH)
			.resolved(min(60), TECH)
			.reopened(min(120), TECH, Reopening.REOPEN)
			.resolved(min(180), TECH)
			.derive();
		assertThat(facts.reopenCount()).isEqualTo(1);
		assertThat(facts.refusalCount()).isZero();
		assertThat(facts.resolvedAt()).isEqualTo(min(180));
		assertThat(facts.resolutionSeconds()).isEqualTo(180 * 60);
		assertThat(facts.firstResponseAt()).as("the first solution, refused or not").isEqualTo(min(60));
		assertThat(facts.resolvedFirstContact()).isFalse();
		assertThat(facts.resolvedFirstLevel()).as("a reopening is no escalation").isTrue();
		assertThat(facts.openSpans()).containsExactly(new OpenSpan(T0, min(60)), new OpenSpan(min(120), min(180)));
	}

	@Test
	void aRefusedSolutionIsAReopeningAndARefusalAndAStillOpenTicketHasNoResolution() {
		TicketFacts facts = portalTicket().assigned(min(5), "Service desk", TECH)
			.taken(min(10), TECH)
			.resolved(min(60), TECH)
			.comment(min(90), true)
			.reopened(min(90), REQUESTER, Reopening.REFUSAL)
			.derive();
		assertThat(facts.status()).isEqualTo(Status.IN_PROGRESS);
		assertThat(facts.reopenCount()).isEqualTo(1);
		assertThat(facts.refusalCount()).isEqualTo(1);
		assertThat(facts.resolvedAt()).isNull();
		assertThat(facts.resolvedDay()).isNull();
		assertThat(facts.resolutionSeconds()).isNull();
		assertThat(facts.resolvedFirstLevel()).isNull();
		assertThat(facts.resolvedFirstContact()).isNull();
		assertThat(facts.openSpans()).containsExactly(new OpenSpan(T0, min(60)), new OpenSpan(min(90), null));
	}

	@Test
	void aReopeningAtTheInstantOfTheResolutionContinuesTheSpan() {
		TicketFacts facts = portalTicket().taken(min(1), TECH)
			.resolved(min(2), TECH)
			.reopened(min(2), TECH, Reopening.REOPEN)
			.derive();
		assertThat(facts.openSpans()).containsExactly(new OpenSpan(T0, null));
	}

	@Test
	void aCancelledTicketIsNeitherResolvedNorClosedAndItsSpanEndsAtTheCancellation() {
		TicketFacts facts = portalTicket().assigned(min(5), "Service desk", null)
			.status(min(30), AGENT, Status.CANCELLED)
			.cancelled(min(30))
			.derive();
		assertThat(facts.cancelledAt()).isEqualTo(min(30));
		assertThat(facts.closedAt()).isNull();
		assertThat(facts.resolvedAt()).isNull();
		assertThat(facts.merged()).isFalse();
		assertThat(facts.ownedAt()).isNull();
		assertThat(facts.ownSeconds()).isNull();
		assertThat(facts.resolvedFirstLevel()).isNull();
		assertThat(facts.resolvedFirstContact()).isNull();
		assertThat(facts.openSpans()).containsExactly(new OpenSpan(T0, min(30)));
	}

	@Test
	void anApprovedRequestWaitedFromItsFirstStepToItsReleaseInCalendarSeconds() {
		TicketFacts facts = portalTicket().held(min(1))
			.change(min(1), null, "approvalRequested", null, "1: Marie Martin")
			.change(min(90), 40L, "approvalApproved", null, "1: Marie Martin")
			.change(min(90), null, "approvalRequested", null, "2: Paul Durand")
			.change(min(24 * 60 + 1), 41L, "approvalApproved", null, "2: Paul Durand")
			.released(min(24 * 60 + 1))
			.derive();
		assertThat(facts.approval()).isEqualTo(new ApprovalWait(min(1), min(24 * 60 + 1), ApprovalOutcome.APPROVED,
				24 * 3600L));
		assertThat(facts.status()).isEqualTo(Status.NEW);
	}

	@Test
	void aRefusedRequestEndsAtTheCancellationThatFollowsTheRefusal() {
		TicketFacts facts = portalTicket().held(min(0))
			.change(min(0), null, "approvalFallback", null, "1: Admin")
			.change(min(45), 40L, "approvalRefused", null, "1: Admin — no budget")
			.status(min(45), 40L, Status.CANCELLED)
			.cancelled(min(45))
			.derive();
		assertThat(facts.approval())
			.as("a step asked of the fallback approvers is a request too")
			.isEqualTo(new ApprovalWait(min(0), min(45), ApprovalOutcome.REFUSED, 45 * 60L));
	}

	@Test
	void aRequestCancelledOrMergedWhileItsApprovalWaitsIsWithdrawnWithoutDelay() {
		TicketFacts cancelled = portalTicket().held(min(0))
			.change(min(0), null, "approvalRequested", null, "1: Marie Martin")
			.status(min(30), REQUESTER, Status.CANCELLED)
			.cancelled(min(30))
			.change(min(30), null, "approvalWithdrawn", null, null)
			.derive();
		assertThat(cancelled.approval()).isEqualTo(new ApprovalWait(min(0), null, ApprovalOutcome.WITHDRAWN, null));

		TicketFacts refusedOnceThenCancelled = portalTicket().held(min(0))
			.change(min(0), null, "approvalRequested", null, "1: Marie Martin, Paul Durand")
			.change(min(10), 40L, "approvalRefused", null, "1: Marie Martin — not now")
			.status(min(30), REQUESTER, Status.CANCELLED)
			.cancelled(min(30))
			.change(min(30), null, "approvalWithdrawn", null, null)
			.derive();
		assertThat(refusedOnceThenCancelled.approval())
			.as("a refusal that did not close its quorum step is no refusal of the request")
			.isEqualTo(new ApprovalWait(min(0), null, ApprovalOutcome.WITHDRAWN, null));
	}

	@Test
	void aRequestWaitingForItsApprovalHasNoDelayYetAndATicketNeverAskedOrWithEveryStepSkippedHasNoApproval() {
		TicketFacts waiting = portalTicket().held(min(0))
			.change(min(0), null, "approvalRequested", null, "1: Marie Martin")
			.change(min(20), 40L, "approvalApproved", null, "1: Marie Martin")
			.change(min(20), null, "approvalRequested", null, "2: Paul Durand")
			.derive();
		assertThat(waiting.approval()).isEqualTo(new ApprovalWait(min(0), null, ApprovalOutcome.WAITING, null));

		TicketFacts skipped = portalTicket().change(min(0), null, "approvalSkipped", null, "1: amount < 500")
			.derive();
		assertThat(skipped.approval()).isNull();
		TicketFacts pausedByHand = portalTicket().assigned(min(5), "Service desk", TECH)
			.taken(min(6), TECH)
			.pending(min(7), PendingReason.APPROVAL)
			.derive();
		assertThat(pausedByHand.approval()).as("only the approvals module asks for an approval").isNull();
	}

	@Test
	void aTicketMergedIntoAnotherIsCancelledAndMerged() {
		TicketFacts facts = portalTicket().change(min(20), AGENT, "mergedInto", null, "#1002")
			.status(min(20), AGENT, Status.CANCELLED)
			.cancelled(min(20))
			.derive();
		assertThat(facts.merged()).isTrue();
		assertThat(facts.cancelledAt()).isEqualTo(min(20));
	}

	@Test
	void aClosedTicketKeepsItsResolutionAndHasItsClosureAndItsRating() {
		TicketFacts facts = portalTicket().taken(min(1), TECH)
			.resolved(min(60), TECH)
			.status(min(120), REQUESTER, Status.CLOSED)
			.closed(min(120))
			.change(min(121), REQUESTER, "satisfaction", null, "3")
			.change(min(125), REQUESTER, "satisfaction", "3", "5")
			.rated(5)
			.derive();
		assertThat(facts.resolvedAt()).isEqualTo(min(60));
		assertThat(facts.closedAt()).isEqualTo(min(120));
		assertThat(facts.closedDay()).isEqualTo(LocalDate.of(2026, 11, 2));
		assertThat(facts.rating()).isEqualTo(5);
		assertThat(facts.ratedAt()).isEqualTo(min(125));
		assertThat(facts.openSpans()).containsExactly(new OpenSpan(T0, min(60)));
	}

	@Test
	void aSurveyedTicketIsSurveyedOnlyWhileClosed() {
		Story closed = portalTicket().taken(min(1), TECH)
			.resolved(min(60), TECH)
			.status(min(120), REQUESTER, Status.CLOSED)
			.closed(min(120))
			.surveyed();
		assertThat(closed.derive().surveyed()).isTrue();
		assertThat(closed.reopened(min(130), TECH, Reopening.REOPEN).derive().surveyed()).isFalse();
		assertThat(portalTicket().taken(min(1), TECH)
			.resolved(min(60), TECH)
			.status(min(120), REQUESTER, Status.CLOSED)
			.closed(min(120))
			.derive()
			.surveyed()).isFalse();
	}

	@Test
	void aResolutionThatClosesTheTicketCountsAsAResolutionAndAClosureAtTheSameInstant() {
		TicketFacts facts = portalTicket().taken(min(1), TECH)
			.resolved(min(60), TECH)
			.status(min(60), TECH, Status.CLOSED)
			.closed(min(60))
			.derive();
		assertThat(facts.resolvedAt()).isEqualTo(min(60));
		assertThat(facts.closedAt()).isEqualTo(min(60));
		assertThat(facts.reopenCount()).isZero();
		assertThat(facts.resolutionSeconds()).isEqualTo(3600);
		assertThat(facts.openSpans()).containsExactly(new OpenSpan(T0, min(60)));
	}

	@Test
	void aTicketResolvedBySelfServiceIsNoResponseOfTheTeamNorAFirstLevelResolutionButAFirstContactOne() {
		TicketFacts facts = portalTicket().assigned(min(0), "Service desk", null)
			.selfService(min(3))
			.status(min(3), REQUESTER, Status.CLOSED)
			.closed(min(3))
			.derive();
		TicketFacts resolvedLater = portalTicket().assigned(min(0), "Service desk", null)
			.selfService(min(3))
			.reopened(min(30), TECH, Reopening.REOPEN)
			.resolved(min(90), TECH)
			.derive();

		assertThat(facts.resolvedAt()).isEqualTo(min(3));
		assertThat(facts.resolutionSeconds()).isEqualTo(180);
		assertThat(facts.ownedAt()).as("nobody of the team owned it").isNull();
		assertThat(facts.firstResponseAt()).as("the IT team never answered").isNull();
		assertThat(facts.resolvedFirstLevel()).isFalse();
		assertThat(facts.resolvedFirstContact()).isTrue();
		assertThat(resolvedLater.firstResponseAt()).as("the team's solution after a reopening").isEqualTo(min(90));
		assertThat(resolvedLater.resolvedFirstLevel()).as("reopened, then solved by its N1 group").isTrue();
	}

	@Test
	void pausedOnTheUserTheTicketStaysOpenButIsNoFirstContactResolution() {
		TicketFacts onUser = portalTicket().taken(min(1), TECH)
			.pending(min(5), PendingReason.USER)
			.status(min(50), TECH, Status.IN_PROGRESS)
			.resolved(min(60), TECH)
			.derive();
		assertThat(onUser.openSpans()).containsExactly(new OpenSpan(T0, min(60)));
		assertThat(onUser.resolvedFirstContact()).isFalse();
		TicketFacts onSupplier = portalTicket().taken(min(1), TECH)
			.pending(min(5), PendingReason.SUPPLIER)
			.status(min(50), TECH, Status.IN_PROGRESS)
			.resolved(min(60), TECH)
			.derive();
		assertThat(onSupplier.resolvedFirstContact()).as("waiting on a supplier is no exchange with the user")
			.isTrue();
	}

	@Test
	void thePriorityIsTheCurrentOneAndTheSlaColumnsAreThoseHandedOver() {
		SlaFacts sla = new SlaFacts(7L, min(60), true, min(480), false, 500L, 30_000L);
		TicketFacts facts = portalTicket().change(min(30), AGENT, "priority", "MEDIUM", "HIGH")
			.priority(Priority.HIGH)
			.taken(min(40), TECH)
			.resolved(min(600), TECH)
			.sla(sla)
			.derive();
		assertThat(facts.priority()).isEqualTo(Priority.HIGH);
		assertThat(facts.slaPolicyId()).isEqualTo(7L);
		assertThat(facts.ttoDeadline()).isEqualTo(min(60));
		assertThat(facts.ttoMet()).isTrue();
		assertThat(facts.ttrDeadline()).isEqualTo(min(480));
		assertThat(facts.ttrMet()).isFalse();
		assertThat(facts.ownBusinessSeconds()).isEqualTo(500L);
		assertThat(facts.resolutionBusinessSeconds()).isEqualTo(30_000L);
	}

	@Test
	void aTicketWithoutSlaHasNoSlaColumnAndAnOpenTicketNoResolutionBusinessTime() {
		TicketFacts none = portalTicket().taken(min(1), TECH).resolved(min(2), TECH).derive();
		assertThat(none.slaPolicyId()).isNull();
		assertThat(none.ttoDeadline()).isNull();
		assertThat(none.ttoMet()).isNull();
		assertThat(none.ttrMet()).isNull();
		assertThat(none.ownBusinessSeconds()).isNull();
		assertThat(none.resolutionBusinessSeconds()).isNull();
		TicketFacts open = portalTicket().sla(new SlaFacts(7L, min(60), null, min(480), null, null, 99L)).derive();
		assertThat(open.resolutionBusinessSeconds()).as("no resolution stands").isNull();
	}

	@Test
	void aFunctionalEscalationEndsFirstLevelAndFirstContactAHierarchicalOneNeither() {
		TicketFacts functional = portalTicket().assigned(min(5), "Service desk", TECH)
			.taken(min(6), TECH)
			.escalated(min(30), EscalationKind.FUNCTIONAL)
			.change(min(30), TECH, "group", "Service desk", "Network")
			.group(NETWORK)
			.resolved(min(90), TECH)
			.derive();
		assertThat(functional.functionalEscalations()).isEqualTo(1);
		assertThat(functional.firstGroupId()).isEqualTo(DESK);
		assertThat(functional.resolvedFirstLevel()).isFalse();
		assertThat(functional.resolvedFirstContact()).isFalse();

		TicketFacts hierarchical = portalTicket().assigned(min(5), "Service desk", TECH)
			.taken(min(6), TECH)
			.escalated(min(30), EscalationKind.HIERARCHICAL)
			.resolved(min(90), TECH)
			.derive();
		assertThat(hierarchical.hierarchicalEscalations()).isEqualTo(1);
		assertThat(hierarchical.resolvedFirstLevel()).isTrue();
		assertThat(hierarchical.resolvedFirstContact()).isTrue();
	}

	@Test
	void automaticLevelsAreCountedAndOneThatMovesTheTicketEndsFirstLevel() {
		TicketFacts raisedOnly = portalTicket().assigned(min(5), "Service desk", TECH)
			.taken(min(6), TECH)
			.escalated(min(300), EscalationKind.AUTOMATIC)
			.resolved(min(400), TECH)
			.derive();
		assertThat(raisedOnly.automaticEscalations()).isEqualTo(1);
		assertThat(raisedOnly.resolvedFirstLevel()).isTrue();

		TicketFacts moved = portalTicket().assigned(min(5), "Service desk", TECH)
			.taken(min(6), TECH)
			.escalated(min(300), EscalationKind.AUTOMATIC)
			.change(min(300), null, "group", "Service desk", "Network")
			.change(min(300), null, "assignee", "tech", null)
			.group(NETWORK)
			.escalated(min(360), EscalationKind.AUTOMATIC)
			.resolved(min(400), OTHER_TECH)
			.derive();
		assertThat(moved.automaticEscalations()).isEqualTo(2);
		assertThat(moved.firstGroupId()).isEqualTo(DESK);
		assertThat(moved.resolvedFirstLevel()).isFalse();
	}

	@Test
	void aTicketFirstSentToAnN2GroupOrNeverToAGroupIsNotResolvedAtFirstLevel() {
		TicketFacts n2 = portalTicket().assigned(min(5), "Network", TECH).group(NETWORK).resolved(min(9), TECH).derive();
		assertThat(n2.firstGroupId()).isEqualTo(NETWORK);
		assertThat(n2.resolvedFirstLevel()).isFalse();
		TicketFacts noGroup = portalTicket().taken(min(1), TECH).resolved(min(2), TECH).derive();
		assertThat(noGroup.firstGroupId()).isNull();
		assertThat(noGroup.resolvedFirstLevel()).isFalse();
	}

	@Test
	void aPhoneCallSolvedByTheAgentWhoTookItIsFirstContactEvenAfterTalkingInTheTicket() {
		TicketFacts facts = phoneTicket().assigned(min(0), "Service desk", AGENT)
			.firstResponse(min(3))
			.resolved(min(5), AGENT)
			.derive();
		assertThat(facts.resolvedFirstContact()).isTrue();
		assertThat(facts.firstResponseAt()).isEqualTo(min(3));
	}

	@Test
	void firstContactIsRefusedForEachWayOfNeedingMoreThanOneExchange() {
		assertThat(phoneTicket().assigned(min(0), "Service desk", TECH)
			.firstResponse(min(3))
			.resolved(min(5), TECH)
			.derive()
			.resolvedFirstContact()).as("a phone call solved by someone else after a reply").isFalse();
		assertThat(portalTicket().taken(min(1), TECH).firstResponse(min(2)).resolved(min(5), TECH).derive()
			.resolvedFirstContact()).as("a reply before the solution").isFalse();
		assertThat(portalTicket().taken(min(1), TECH).firstResponse(min(5)).resolved(min(5), TECH).derive()
			.resolvedFirstContact()).as("a reply at the instant of the solution comes before it").isFalse();
		assertThat(portalTicket().taken(min(1), TECH).comment(min(3), true).resolved(min(5), TECH).derive()
			.resolvedFirstContact()).as("the requester wrote before the solution").isFalse();
		assertThat(portalTicket().taken(min(1), TECH).comment(min(5), true).resolved(min(5), TECH).derive()
			.resolvedFirstContact()).as("the requester's answer at the instant of the solution comes after it")
			.isTrue();
		assertThat(portalTicket().assigned(min(1), "Service desk", TECH)
			.change(min(2), AGENT, "assignee", "tech", "other")
			.resolved(min(5), OTHER_TECH)
			.derive()
			.resolvedFirstContact()).as("another technician").isFalse();
		assertThat(portalTicket().assigned(min(1), "Service desk", TECH)
			.change(min(2), AGENT, "group", "Service desk", "Network")
			.group(NETWORK)
			.resolved(min(5), TECH)
			.derive()
			.resolvedFirstContact()).as("another group").isFalse();
	}

	@Test
	void localDayHourAndWeekdayFollowParisAcrossTheDaylightSavingChanges() {
		// 29 March 2026: clocks go from 02:00 CET to 03:00 CEST (01:00 UTC)
		TicketFacts before = ticketAt(Instant.parse("2026-03-29T00:30:00Z")).derive();
		assertThat(before.createdDay()).isEqualTo(LocalDate.of(2026, 3, 29));
		assertThat(before.createdHour()).isEqualTo(1);
		assertThat(before.createdWeekday()).isEqualTo(7);
		TicketFacts after = ticketAt(Instant.parse("2026-03-29T01:30:00Z")).derive();
		assertThat(after.createdHour()).isEqualTo(3);
		// Saturday 24 October 2026, 22:30 UTC is already Sunday 00:30 in Paris (CEST)
		TicketFacts lateResolution = ticketAt(Instant.parse("2026-10-24T20:00:00Z")).taken(
				Instant.parse("2026-10-24T20:10:00Z"), TECH)
			.resolved(Instant.parse("2026-10-24T22:30:00Z"), TECH)
			.derive();
		assertThat(lateResolution.createdDay()).isEqualTo(LocalDate.of(2026, 10, 24));
		assertThat(lateResolution.createdWeekday()).isEqualTo(6);
		assertThat(lateResolution.resolvedDay()).isEqualTo(LocalDate.of(2026, 10, 25));
		// 25 October 2026, 01:30 UTC: clocks went back at 01:00 UTC, 02:30 CEST became 02:00 CET
		assertThat(ticketAt(Instant.parse("2026-10-25T01:30:00Z")).derive().createdHour()).isEqualTo(2);
		assertThat(ticketAt(Instant.parse("2026-10-25T00:30:00Z")).derive().createdHour()).isEqualTo(2);
	}

	// --- Building a ticket's history ---------------------------------------------------------

	private static Instant min(int minutes) {
		return T0.plusSeconds(60L * minutes);
	}

	private static Story portalTicket() {
		return new Story(T0, Channel.PORTAL, REQUESTER, false);
	}

	private static Story phoneTicket() {
		return new Story(T0, Channel.PHONE, AGENT, true);
	}

	private static Story ticketAt(Instant createdAt) {
		return new Story(createdAt, Channel.PORTAL, REQUESTER, false);
	}

	/** A ticket lived step by step, as Ticket records it in its history. */
	private static final class Story {

		private final Instant createdAt;

		private final Channel channel;

		private final long registeredBy;

		private final boolean registeredByAgent;

		private final List<Change> history = new ArrayList<>();

		private final List<PublicComment> comments = new ArrayList<>();

		private final List<Raised> escalations = new ArrayList<>();

		private Status status = Status.NEW;

		private @Nullable Long group;

		private @Nullable Long assignee;

		private Priority priority = Priority.MEDIUM;

		private @Nullable Instant ownedAt;

		private @Nullable Instant firstResponseAt;

		private @Nullable Instant resolvedAt;

		private @Nullable Instant closedAt;

		private @Nullable Integer rating;

		private boolean surveyed;

		private SlaFacts sla = SlaFacts.NONE;

		Story(Instant createdAt, Channel channel, long registeredBy, boolean registeredByAgent) {
			this.createdAt = createdAt;
			this.channel = channel;
			this.registeredBy = registeredBy;
			this.registeredByAgent = registeredByAgent;
			history.add(new Change(createdAt, registeredBy, "status", null, "NEW"));
		}

		Story change(Instant at, @Nullable Long actor, String field, @Nullable String from, @Nullable String to) {
			history.add(new Change(at, actor, field, from, to));
			return this;
		}

		Story status(Instant at, long actor, Status to) {
			change(at, actor, "status", status.name(), to.name());
			status = to;
			return this;
		}

		Story assigned(Instant at, String groupName, @Nullable Long technician) {
			change(at, AGENT, "group", null, groupName);
			group = groupName.equals("Service desk") ? DESK : NETWORK;
			if (technician != null) {
				change(at, AGENT, "assignee", null, "user" + technician);
				assignee = technician;
				status(at, AGENT, Status.ASSIGNED);
			}
			return this;
		}

		/** Held for its approval as {@code Ticket#holdForApproval} does: Pending with the reason APPROVAL. */
		Story held(Instant at) {
			change(at, null, "pendingReason", null, PendingReason.APPROVAL.name());
			change(at, null, "status", status.name(), Status.PENDING.name());
			status = Status.PENDING;
			return this;
		}

		/** Released as {@code Ticket#releaseFromApproval} does: the reason lifted, new again. */
		Story released(Instant at) {
			change(at, null, "pendingReason", PendingReason.APPROVAL.name(), null);
			change(at, null, "status", status.name(), Status.NEW.name());
			status = Status.NEW;
			return this;
		}

		Story group(long id) {
			group = id;
			return this;
		}

		Story taken(Instant at, long technician) {
			if (assignee == null) {
				change(at, technician, "assignee", null, "user" + technician);
			}
			assignee = technician;
			ownedAt = ownedAt == null ? at : ownedAt;
			return status(at, technician, Status.IN_PROGRESS);
		}

		Story pending(Instant at, PendingReason reason) {
			change(at, assignee, "pendingReason", null, reason.name());
			return status(at, TECH, Status.PENDING);
		}

		Story resolved(Instant at, long by) {
			ownedAt = ownedAt == null ? at : ownedAt;
			resolvedAt = at;
			return status(at, by, Status.RESOLVED);
		}

		/** The requester resolved it with the article offered: nobody owned it. */
		Story selfService(Instant at) {
			change(at, REQUESTER, "selfServiceArticle", null, "#12 Reset a forgotten password");
			resolvedAt = at;
			return status(at, REQUESTER, Status.RESOLVED);
		}

		Story reopened(Instant at, long by, Reopening kind) {
			change(at, by, "reopening", null, kind.name());
			resolvedAt = null;
			closedAt = null;
			return status(at, by, Status.IN_PROGRESS);
		}

		Story closed(Instant at) {
			closedAt = at;
			return this;
		}

		Story cancelled(Instant at) {
			closedAt = at;
			return this;
		}

		Story firstResponse(Instant at) {
			firstResponseAt = firstResponseAt == null ? at : firstResponseAt;
			comments.add(new PublicComment(at, false, false));
			return this;
		}

		Story comment(Instant at, boolean requesterSide) {
			comments.add(new PublicComment(at, requesterSide, false));
			return this;
		}

		Story escalated(Instant at, EscalationKind kind) {
			escalations.add(new Raised(kind, at));
			return this;
		}

		Story priority(Priority now) {
			priority = now;
			return this;
		}

		Story rated(int stars) {
			rating = stars;
			return this;
		}

		Story surveyed() {
			surveyed = true;
			return this;
		}

		Story sla(SlaFacts handedOver) {
			sla = handedOver;
			return this;
		}

		TicketFacts derive() {
			FactInput input = new FactInput(1001, TicketType.INCIDENT, channel, priority, null, group, assignee,
					"Finance", status, createdAt, ownedAt, firstResponseAt, resolvedAt, closedAt, rating, surveyed, REQUESTER,
					registeredBy, registeredByAgent, history, comments, escalations,
					Map.of(DESK, SupportLevel.N1, NETWORK, SupportLevel.N2),
					Map.of("Service desk", DESK, "Network", NETWORK), sla);
			return TicketFacts.derive(input, PARIS);
		}

	}

}
