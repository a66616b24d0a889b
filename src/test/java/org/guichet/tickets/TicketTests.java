package org.guichet.tickets;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.system.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TicketTests {

	private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

	private final User requester = user(1, "alice", Role.REQUESTER);

	private final User technician = user(2, "tech1", Role.TECHNICIAN);

	private final User otherTechnician = user(3, "tech2", Role.TECHNICIAN);

	private final SupportGroup group = group(10, "N1 Support");

	private final PriorityMatrix matrix = PriorityMatrix.standard();

	// --- Escalation -------------------------------------------------------------------------

	@Test
	void functionalEscalationMovesTheTicketToTheHigherGroupClearsItsTechnicianAndCountsIt() {
		Ticket ticket = ticketIn(Status.IN_PROGRESS);
		SupportGroup n2 = group(11, "N2 Réseau", SupportLevel.N2);
		Escalation escalation = ticket.escalate(n2, null, "Routeur à remplacer", technician, T0.plusSeconds(60));
		assertThat(ticket.getGroup()).isSameAs(n2);
		assertThat(ticket.getAssignee()).isNull();
		assertThat(ticket.getStatus()).isEqualTo(Status.NEW);
		assertThat(ticket.getEscalationCount()).isEqualTo(1);
		assertThat(escalation.getKind()).isEqualTo(EscalationKind.FUNCTIONAL);
		assertThat(escalation.getToLevel()).isEqualTo(SupportLevel.N2);
		assertThat(history(ticket)).contains("escalationFunctional: null -> N2 Réseau (N2) : Routeur à remplacer");
	}

	@Test
	void refusesAFunctionalEscalationToAGroupNotAboveTheTicketsLevel() {
		Ticket ticket = ticketIn(Status.ASSIGNED);
		ticket.assign(group(12, "N2 Systèmes", SupportLevel.N2), null, technician, T0);
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> ticket.escalate(group(13, "N2 Réseau", SupportLevel.N2), null, "Pourquoi pas",
					technician, T0))
			.satisfies(ex -> assertThat(ex.field()).isEqualTo("groupId"))
			.satisfies(ex -> assertThat(ex.messageKey()).isEqualTo("escalation.level-not-higher"));
		assertThat(ticket.getEscalationCount()).isZero();
	}

	@Test
	void refusesAnEscalationWithoutReason() {
		Ticket ticket = ticketIn(Status.ASSIGNED);
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> ticket.escalateToSupervisor(otherTechnician, " ", technician, T0))
			.satisfies(ex -> assertThat(ex.field()).isEqualTo("reason"));
	}

	@Test
	void automaticEscalationRaisesThePriorityOneStepAsGuichet() {
		Ticket ticket = ticketIn(Status.ASSIGNED);
		Priority before = ticket.getPriority();
		ticket.escalateAutomatically("Standard · 2 · TTR +PT1H", true, null, null, null, T0);
		assertThat(ticket.getPriority()).isEqualTo(before.raised());
		assertThat(ticket.getPriorityOverrideReason()).isEqualTo("Standard · 2 · TTR +PT1H");
		assertThat(historyOf(ticket)).filteredOn(e -> e.getField().equals("priority"))
			.singleElement()
			.satisfies(e -> assertThat(e.getActor()).isNull());
	}

	@Test
	void aTicketInProgressHandedOverToAnotherTechnicianWaitsForThemToTakeIt() {
		Ticket ticket = ticketIn(Status.IN_PROGRESS);
		ticket.assign(group, technician, technician, T0.plusSeconds(60));
		assertThat(ticket.getStatus()).as("same technician").isEqualTo(Status.IN_PROGRESS);
		ticket.assign(group, otherTechnician, technician, T0.plusSeconds(120));
		assertThat(ticket.getStatus()).isEqualTo(Status.ASSIGNED);
		ticket.take(otherTechnician, T0.plusSeconds(180));
		assertThat(ticket.getStatus()).isEqualTo(Status.IN_PROGRESS);
	}

	// --- The state machine: every action from every status --------------------------------

	static Stream<Arguments> everyActionFromEveryStatus() {
		return EnumSet.allOf(Status.class)
			.stream()
			.flatMap(status -> EnumSet.allOf(TicketAction.class).stream().map(action -> Arguments.of(status, action)));
	}

	@ParameterizedTest(name = "{1} from {0}")
	@MethodSource("everyActionFromEveryStatus")
	void actionIsAcceptedExactlyFromTheStatusesTheStateMachineAllows(Status status, TicketAction action) {
		Ticket ticket = ticketIn(status);
		if (action.allowedFrom(status)) {
			apply(ticket, action);
			assertThat(ticket.getStatus()).isEqualTo(expectedTarget(status, action));
		}
		else {
			assertThatExceptionOfType(IllegalTransitionException.class).isThrownBy(() -> apply(ticket, action))
				.withMessageContaining(action.name())
				.withMessageContaining(status.name());
			assertThat(ticket.getStatus()).isEqualTo(status);
		}
	}

	@Test
	void stateMachineAllowsTheDocumentedTransitions() {
		assertThat(allowedFrom(Status.NEW)).containsExactlyInAnyOrder(TicketAction.ASSIGN, TicketAction.TAKE,
				TicketAction.RESOLVE, TicketAction.CANCEL, TicketAction.ESCALATE);
		assertThat(allowedFrom(Status.ASSIGNED)).containsExactlyInAnyOrder(TicketAction.ASSIGN, TicketAction.TAKE,
				TicketAction.PENDING, TicketAction.RESOLVE, TicketAction.CANCEL, TicketAction.ESCALATE);
		assertThat(allowedFrom(Status.IN_PROGRESS)).containsExactlyInAnyOrder(TicketAction.ASSIGN,
				TicketAction.PENDING, TicketAction.RESOLVE, TicketAction.CANCEL, TicketAction.ESCALATE);
		assertThat(allowedFrom(Status.PENDING)).containsExactlyInAnyOrder(TicketAction.ASSIGN, TicketAction.RESUME,
				TicketAction.RESOLVE, TicketAction.CANCEL, TicketAction.ESCALATE);
		assertThat(allowedFrom(Status.RESOLVED)).containsExactlyInAnyOrder(TicketAction.ACCEPT, TicketAction.REFUSE,
				TicketAction.REOPEN, TicketAction.AUTO_CLOSE);
		assertThat(allowedFrom(Status.CLOSED)).containsExactly(TicketAction.REOPEN);
		assertThat(allowedFrom(Status.CANCELLED)).isEmpty();
	}

	// --- Registration and priority ----------------------------------------------------------

	@Test
	void newTicketIsNewWithPriorityFromTheMatrixAndItsRegistrationInTheHistory() {
		Ticket ticket = newTicket(Urgency.HIGH, Impact.MEDIUM);
		assertThat(ticket.getStatus()).isEqualTo(Status.NEW);
		assertThat(ticket.getPriority()).isEqualTo(matrix.cell(Urgency.HIGH, Impact.MEDIUM));
		assertThat(history(ticket)).containsExactly("status: null -> NEW");
	}

	@Test
	void vipRequesterGetsPriorityOneLevelHigher() {
		requester.setVip(true);
		Ticket ticket = newTicket(Urgency.MEDIUM, Impact.LOW);
		assertThat(ticket.getPriority()).isEqualTo(matrix.cell(Urgency.MEDIUM, Impact.LOW).raised());
	}

	@Test
	void changingUrgencyRecomputesPriorityAndRecordsBoth() {
		Ticket ticket = newTicket(Urgency.LOW, Impact.LOW);
		ticket.prioritise(Urgency.VERY_HIGH, Impact.LOW, matrix, technician, T0.plusSeconds(60));
		assertThat(ticket.getPriority()).isEqualTo(matrix.cell(Urgency.VERY_HIGH, Impact.LOW));
		assertThat(history(ticket)).contains("urgency: LOW -> VERY_HIGH", "priority: LOW -> HIGH");
	}

	@Test
	void overriddenPriorityStaysWhenUrgencyChangesUntilTheOverrideIsCleared() {
		Ticket ticket = newTicket(Urgency.LOW, Impact.LOW);
		ticket.overridePriority(Priority.MAJOR, "Salle serveur à l'arrêt", technician, T0);
		ticket.prioritise(Urgency.VERY_LOW, Impact.VERY_LOW, matrix, technician, T0);
		assertThat(ticket.getPriority()).isEqualTo(Priority.MAJOR);
		assertThat(ticket.isPriorityOverridden()).isTrue();
		ticket.clearPriorityOverride(matrix, technician, T0);
		assertThat(ticket.getPriority()).isEqualTo(Priority.VERY_LOW);
		assertThat(ticket.getPriorityOverrideReason()).isNull();
	}

	@Test
	void priorityOverrideWithoutReasonIsRefused() {
		Ticket ticket = newTicket(Urgency.LOW, Impact.LOW);
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> ticket.overridePriority(Priority.HIGH, " ", technician, T0))
			.satisfies(ex -> assertThat(ex.field()).isEqualTo("priorityOverrideReason"));
		assertThat(ticket.getPriority()).isEqualTo(Priority.LOW);
	}

	@Test
	void blankTitleIsRefusedNamingTheField() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> new Ticket(TicketType.INCIDENT, "  ", "text", requester, requester, Channel.PORTAL, null,
					Urgency.LOW, Impact.LOW, matrix, T0))
			.satisfies(ex -> assertThat(ex.field()).isEqualTo("title"));
	}

	@Test
	void aTitleOnSeveralLinesIsRefusedOneLineAtRegistrationOnEditAndForATask() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> new Ticket(TicketType.INCIDENT, "Imprimante\r\nBcc: x@example.org", "text", requester,
					requester, Channel.PORTAL, null, Urgency.LOW, Impact.LOW, matrix, T0))
			.satisfies(ex -> assertThat(ex.field() + " " + ex.messageKey()).isEqualTo("title field.one-line"));
		Ticket ticket = newTicket(Urgency.LOW, Impact.LOW);
		String title = ticket.getTitle();
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> ticket.retitle("Imprimante\tdu 2e", technician, T0))
			.satisfies(ex -> assertThat(ex.messageKey()).isEqualTo("field.one-line"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> ticket.addTask("Changer\nle toner", null, null, technician, T0))
			.satisfies(ex -> assertThat(ex.messageKey()).isEqualTo("field.one-line"));
		assertThat(ticket.getTitle()).isEqualTo(title);
	}

	// --- Lifecycle rules --------------------------------------------------------------------

	@Test
	void takingMakesTheTechnicianOwnerAndStartsWork() {
		Ticket ticket = newTicket(Urgency.MEDIUM, Impact.LOW);
		ticket.take(technician, T0.plusSeconds(300));
		assertThat(ticket.getAssignee()).isSameAs(technician);
		assertThat(ticket.getStatus()).isEqualTo(Status.IN_PROGRESS);
		assertThat(ticket.getOwnedAt()).isEqualTo(T0.plusSeconds(300));
	}

	@Test
	void assigningATechnicianMovesANewTicketToAssignedAndRemovingHimBackToNew() {
		Ticket ticket = newTicket(Urgency.MEDIUM, Impact.LOW);
		ticket.assign(group, technician, technician, T0);
		assertThat(ticket.getStatus()).isEqualTo(Status.ASSIGNED);
		ticket.assign(group, null, technician, T0);
		assertThat(ticket.getStatus()).isEqualTo(Status.NEW);
		assertThat(history(ticket)).contains("group: null -> N1 Support", "assignee: tech1 -> null");
	}

	@Test
	void requesterReplyBringsBackATicketWaitingForTheUser() {
		Ticket ticket = newTicket(Urgency.MEDIUM, Impact.LOW);
		ticket.take(technician, T0);
		ticket.putPending(PendingReason.USER, technician, T0);
		ticket.reply(requester, "Voici la capture demandée", ReplyToResolved.FLAG, T0.plusSeconds(60));
		assertThat(ticket.getStatus()).isEqualTo(Status.IN_PROGRESS);
		assertThat(ticket.getPendingReason()).isNull();
	}

	@Test
	void requesterReplyLeavesATicketWaitingForASupplierPending() {
		Ticket ticket = newTicket(Urgency.MEDIUM, Impact.LOW);
		ticket.take(technician, T0);
		ticket.putPending(PendingReason.SUPPLIER, technician, T0);
		ticket.reply(requester, "Des nouvelles ?", ReplyToResolved.FLAG, T0.plusSeconds(60));
		assertThat(ticket.getStatus()).isEqualTo(Status.PENDING);
	}

	@Test
	void firstPublicReplyOfTheTeamIsTheFirstResponseButNotTheRequestersNorANote() {
		Ticket ticket = newTicket(Urgency.MEDIUM, Impact.LOW);
		ticket.reply(requester, "J'ajoute un détail", ReplyToResolved.FLAG, T0.plusSeconds(10));
		ticket.addInternalNote(technician, "Vu avec le N2", T0.plusSeconds(20));
		assertThat(ticket.getFirstResponseAt()).isNull();
		ticket.reply(technician, "Nous regardons", ReplyToResolved.FLAG, T0.plusSeconds(30));
		ticket.reply(otherTechnician, "Toujours en cours", ReplyToResolved.FLAG, T0.plusSeconds(40));
		assertThat(ticket.getFirstResponseAt()).isEqualTo(T0.plusSeconds(30));
	}

	@Test
	void resolvingRecordsTheSolutionAndAssignsTheResolverWhenNobodyWas() {
		Ticket ticket = newTicket(Urgency.MEDIUM, Impact.LOW);
		ticket.resolve("Redémarrage du spouleur", SolutionKind.WORKAROUND, technician, T0.plusSeconds(120));
		assertThat(ticket.getStatus()).isEqualTo(Status.RESOLVED);
		assertThat(ticket.getSolution()).isEqualTo("Redémarrage du spouleur");
		assertThat(ticket.getSolutionKind()).isEqualTo(SolutionKind.WORKAROUND);
		assertThat(ticket.getAssignee()).isSameAs(technician);
		assertThat(ticket.getResolvedAt()).isEqualTo(T0.plusSeconds(120));
	}

	@Test
	void withoutRequesterValidationTheResolutionClosesTheTicketAtTheSameInstantAndKeepsTheSolution() {
		Ticket ticket = newTicket(Urgency.MEDIUM, Impact.LOW);
		ticket.take(technician, T0);
		ticket.pullEvents();
		Instant at = T0.plusSeconds(120);
		ticket.resolveAndClose("Redémarrage du spouleur", SolutionKind.WORKAROUND, technician, at);
		assertThat(ticket.getStatus()).isEqualTo(Status.CLOSED);
		assertThat(ticket.getSolution()).isEqualTo("Redémarrage du spouleur");
		assertThat(ticket.getSolutionKind()).isEqualTo(SolutionKind.WORKAROUND);
		assertThat(ticket.getResolvedAt()).isEqualTo(at);
		assertThat(ticket.getClosedAt()).isEqualTo(at);
		assertThat(ticket.getReopenCount()).isZero();
		assertThat(ticket.pullEvents()).filteredOn(TicketEvents.TicketStatusChanged.class::isInstance)
			.containsExactly(new TicketEvents.TicketStatusChanged(ticket.id(), Status.IN_PROGRESS, Status.RESOLVED, null, at),
					new TicketEvents.TicketStatusChanged(ticket.id(), Status.RESOLVED, Status.CLOSED, null, at));
		assertThat(TicketAction.ACCEPT.allowedFrom(ticket.getStatus())).isFalse();
		assertThatExceptionOfType(TicketClosedException.class)
			.isThrownBy(() -> ticket.reply(requester, "Merci", ReplyToResolved.FLAG, at.plusSeconds(60)));
	}

	@Test
	void refusedSolutionGoesBackToTheSameTechnicianWithTheReasonAndCountsAReopening() {
		Ticket ticket = newTicket(Urgency.MEDIUM, Impact.LOW);
		ticket.take(technician, T0);
		ticket.resolve("Pilote réinstallé", SolutionKind.PERMANENT, technician, T0.plusSeconds(60));
		ticket.refuse("L'impression est toujours bloquée", requester, T0.plusSeconds(120));
		assertThat(ticket.getStatus()).isEqualTo(Status.IN_PROGRESS);
		assertThat(ticket.getAssignee()).isSameAs(technician);
		assertThat(ticket.getReopenCount()).isEqualTo(1);
		assertThat(ticket.getResolvedAt()).isNull();
		assertThat(ticket.getComments()).extracting(Comment::getBody).contains("L'impression est toujours bloquée");
	}

	@Test
	void refusalWithoutReasonIsRefusedAndTheTicketStaysResolved() {
		Ticket ticket = ticketIn(Status.RESOLVED);
		assertThatThrownBy(() -> ticket.refuse("", requester, T0)).isInstanceOf(InvalidInputException.class);
		assertThat(ticket.getStatus()).isEqualTo(Status.RESOLVED);
	}

	@Test
	void acceptedSolutionClosesTheTicket() {
		Ticket ticket = ticketIn(Status.RESOLVED);
		ticket.accept(requester, null, T0.plusSeconds(3600));
		assertThat(ticket.getStatus()).isEqualTo(Status.CLOSED);
		assertThat(ticket.getClosedAt()).isEqualTo(T0.plusSeconds(3600));
	}

	@Test
	void automaticClosureIsRecordedWithoutAnActor() {
		Ticket ticket = ticketIn(Status.RESOLVED);
		ticket.closeUnanswered(T0.plusSeconds(7 * 86400));
		assertThat(ticket.getStatus()).isEqualTo(Status.CLOSED);
		assertThat(historyOf(ticket)).last().satisfies(entry -> assertThat(entry.getActor()).isNull());
	}

	@Test
	void ratingIsBetweenOneAndFiveAndOnlyOnceResolved() {
		Ticket open = newTicket(Urgency.MEDIUM, Impact.LOW);
		assertThatThrownBy(() -> open.rate(5, null, requester, T0)).isInstanceOf(InvalidInputException.class);
		Ticket resolved = ticketIn(Status.RESOLVED);
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> resolved.rate(6, null, requester, T0))
			.satisfies(ex -> assertThat(ex.field()).isEqualTo("rating"));
		resolved.rate(4, "Rapide et efficace", requester, T0);
		assertThat(resolved.getSatisfactionRating()).isEqualTo(4);
		assertThat(resolved.getSatisfactionComment()).isEqualTo("Rapide et efficace");
	}

	@Test
	void everyTransitionIsInTheHistoryWithOldAndNewStatus() {
		Ticket ticket = newTicket(Urgency.MEDIUM, Impact.LOW);
		ticket.take(technician, T0);
		ticket.putPending(PendingReason.USER, technician, T0);
		ticket.resume(technician, T0);
		ticket.resolve("Fait", SolutionKind.PERMANENT, technician, T0);
		ticket.accept(requester, null, T0);
		assertThat(history(ticket)).filteredOn(line -> line.startsWith("status"))
			.containsExactly("status: null -> NEW", "status: NEW -> IN_PROGRESS", "status: IN_PROGRESS -> PENDING",
					"status: PENDING -> IN_PROGRESS", "status: IN_PROGRESS -> RESOLVED", "status: RESOLVED -> CLOSED");
	}

	@Test
	void observersAreRequesterSide() {
		Ticket ticket = newTicket(Urgency.MEDIUM, Impact.LOW);
		User colleague = user(4, "bob", Role.REQUESTER);
		assertThat(ticket.isRequesterSide(colleague)).isFalse();
		ticket.addObserver(colleague, requester, T0);
		assertThat(ticket.isRequesterSide(colleague)).isTrue();
		assertThat(ticket.isRequesterSide(technician)).isFalse();
	}

	@Test
	void aSupervisorObservingAfterAnEscalationRepliesForTheItTeam() {
		Ticket ticket = newTicket(Urgency.MEDIUM, Impact.LOW);
		User supervisor = user(5, "manager", Role.SUPERVISOR);
		ticket.escalateToSupervisor(supervisor, "Client bloqué depuis deux jours", technician, T0);
		assertThat(ticket.isRequesterSide(supervisor)).isFalse();
		ticket.reply(supervisor, "Je suis le dossier", ReplyToResolved.FLAG, T0.plusSeconds(60));
		assertThat(ticket.getFirstResponseAt()).isEqualTo(T0.plusSeconds(60));
	}

	// --- What the requester's side does to a ticket waiting on them (issue 7, section 3) ----

	/** The states a ticket waits on its requester in, as the tests below set them up. */
	enum Waiting {

		PENDING_USER, PENDING_SUPPLIER, PENDING_APPROVAL, RESOLVED, CLOSED, CANCELLED

	}

	static Stream<Arguments> repliesOfTheRequesterSide() {
		return Stream.of(
				Arguments.of(Waiting.PENDING_USER, ReplyToResolved.FLAG, true, Status.IN_PROGRESS, false, 0),
				Arguments.of(Waiting.PENDING_USER, ReplyToResolved.REFUSE, false, Status.IN_PROGRESS, false, 0),
				Arguments.of(Waiting.PENDING_SUPPLIER, ReplyToResolved.FLAG, true, Status.PENDING, true, 0),
				Arguments.of(Waiting.PENDING_SUPPLIER, ReplyToResolved.REFUSE, false, Status.PENDING, true, 0),
				Arguments.of(Waiting.PENDING_APPROVAL, ReplyToResolved.FLAG, true, Status.PENDING, true, 0),
				Arguments.of(Waiting.PENDING_APPROVAL, ReplyToResolved.REFUSE, true, Status.PENDING, true, 0),
				Arguments.of(Waiting.RESOLVED, ReplyToResolved.FLAG, true, Status.RESOLVED, true, 0),
				Arguments.of(Waiting.RESOLVED, ReplyToResolved.FLAG, false, Status.RESOLVED, true, 0),
				Arguments.of(Waiting.RESOLVED, ReplyToResolved.REFUSE, true, Status.IN_PROGRESS, false, 1),
				// an observer does not speak for the requester on the solution: their reply flags
				Arguments.of(Waiting.RESOLVED, ReplyToResolved.REFUSE, false, Status.RESOLVED, true, 0));
	}

	@ParameterizedTest(name = "{0}, replies {1}, by the requester: {2} -> {3}, flagged {4}, reopenings {5}")
	@MethodSource("repliesOfTheRequesterSide")
	void aReplyOfTheRequesterSideDoesWhatItsWaitingStateSays(Waiting waiting, ReplyToResolved rule,
			boolean byRequester, Status expected, boolean flagged, int reopenings) {
		Ticket ticket = waitingIn(waiting);
		User author = byRequester ? requester : observer(ticket);
		Instant at = T0.plusSeconds(600);
		ticket.pullEvents();
		Comment reply = ticket.reply(author, "Ça ne marche toujours pas", rule, at);
		assertThat(ticket.getStatus()).isEqualTo(expected);
		assertThat(ticket.getRequesterRepliedAt()).isEqualTo(flagged ? at : null);
		assertThat(ticket.getReopenCount()).isEqualTo(reopenings);
		assertThat(reply.getBody()).isEqualTo("Ça ne marche toujours pas");
		assertThat(reply.isInternal()).isFalse();
		List<Object> events = ticket.pullEvents();
		assertThat(events).filteredOn(TicketEvents.TicketRequesterReplied.class::isInstance)
			.hasSize(flagged ? 1 : 0)
			.allSatisfy(event -> assertThat((TicketEvents.TicketRequesterReplied) event)
				.isEqualTo(new TicketEvents.TicketRequesterReplied(ticket.id(), expected, technician.getId(),
						null, author.getId(), at)));
		assertThat(events).contains(new TicketEvents.TicketCommented(ticket.id(), false, true, at));
		assertThat(history(ticket)).filteredOn(line -> line.startsWith("requesterReplied"))
			.containsExactlyElementsOf(flagged ? List.of("requesterReplied: null -> " + at) : List.of());
	}

	@ParameterizedTest(name = "{0}, replies {1}")
	@MethodSource("repliesToClosedTickets")
	void aReplyOfTheRequesterSideNeverReopensAClosedOrCancelledTicket(Waiting waiting, ReplyToResolved rule,
			boolean byRequester) {
		Ticket ticket = waitingIn(waiting);
		User author = byRequester ? requester : observer(ticket);
		Status before = ticket.getStatus();
		int historyBefore = historyOf(ticket).size();
		ticket.pullEvents();
		assertThatExceptionOfType(TicketClosedException.class)
			.isThrownBy(() -> ticket.reply(author, "Ça recommence", rule, T0.plusSeconds(600)))
			.satisfies(ex -> assertThat(ex.messageKey()).isEqualTo("ticket.reply.closed"))
			.satisfies(ex -> assertThat(ex.status()).isEqualTo(409))
			.satisfies(ex -> assertThat(ex.properties()).containsEntry("followUpOf", ticket.id().value()));
		assertThat(ticket.getStatus()).isEqualTo(before);
		assertThat(ticket.getComments()).isEmpty();
		assertThat(historyOf(ticket)).hasSize(historyBefore);
		assertThat(ticket.pullEvents()).isEmpty();
	}

	static Stream<Arguments> repliesToClosedTickets() {
		return Stream.of(Waiting.CLOSED, Waiting.CANCELLED)
			.flatMap(waiting -> Stream.of(ReplyToResolved.values())
				.flatMap(rule -> Stream.of(Arguments.of(waiting, rule, true), Arguments.of(waiting, rule, false))));
	}

	@Test
	void theItTeamStillRepliesToAClosedTicketWithoutReopeningIt() {
		Ticket ticket = waitingIn(Waiting.CLOSED);
		ticket.reply(technician, "Pour info : le correctif est déployé partout", ReplyToResolved.REFUSE, T0);
		assertThat(ticket.getStatus()).isEqualTo(Status.CLOSED);
		assertThat(ticket.getReopenCount()).isZero();
	}

	@Test
	void aRequesterAcceptingWithAThankYouClosesTheTicketKeepsTheMessageAndCountsNoReopening() {
		Ticket ticket = waitingIn(Waiting.RESOLVED);
		ticket.accept(requester, "Merci, ça marche !", T0.plusSeconds(600));
		assertThat(ticket.getStatus()).isEqualTo(Status.CLOSED);
		assertThat(ticket.getReopenCount()).isZero();
		assertThat(ticket.getSolution()).isEqualTo("Fait");
		assertThat(ticket.getComments()).singleElement().satisfies(comment -> {
			assertThat(comment.getBody()).isEqualTo("Merci, ça marche !");
			assertThat(comment.isInternal()).isFalse();
		});
		assertThat(history(ticket)).doesNotContain("reopening: null -> REFUSAL");
	}

	@Test
	void aSecondReplyKeepsTheFirstUnansweredInstantAndTellsTheTeamAgain() {
		Ticket ticket = waitingIn(Waiting.RESOLVED);
		ticket.reply(requester, "Toujours en panne", ReplyToResolved.FLAG, T0.plusSeconds(60));
		ticket.pullEvents();
		ticket.reply(requester, "Vous êtes là ?", ReplyToResolved.FLAG, T0.plusSeconds(120));
		assertThat(ticket.getRequesterRepliedAt()).isEqualTo(T0.plusSeconds(60));
		assertThat(ticket.pullEvents()).hasAtLeastOneElementOfType(TicketEvents.TicketRequesterReplied.class);
		assertThat(history(ticket)).filteredOn(line -> line.startsWith("requesterReplied")).hasSize(1);
	}

	static Stream<Arguments> actionsOfTheItTeamOnAFlaggedTicket() {
		return Stream.of(
				Arguments.of(Waiting.RESOLVED, "reply", Status.RESOLVED, 0),
				Arguments.of(Waiting.RESOLVED, "note", Status.RESOLVED, 0),
				Arguments.of(Waiting.RESOLVED, "reopen", Status.IN_PROGRESS, 1),
				Arguments.of(Waiting.PENDING_SUPPLIER, "resume", Status.IN_PROGRESS, 0),
				Arguments.of(Waiting.PENDING_SUPPLIER, "retitle", Status.PENDING, 0),
				Arguments.of(Waiting.PENDING_APPROVAL, "task", Status.PENDING, 0));
	}

	@ParameterizedTest(name = "{0}, then the team's {1}")
	@MethodSource("actionsOfTheItTeamOnAFlaggedTicket")
	void anyActionOfTheItTeamTakesUpTheRequestersReply(Waiting waiting, String action, Status expected,
			int reopenings) {
		Ticket ticket = waitingIn(waiting);
		ticket.reply(requester, "Des nouvelles ?", ReplyToResolved.FLAG, T0.plusSeconds(60));
		Instant at = T0.plusSeconds(3600);
		switch (action) {
			case "reply" -> ticket.reply(otherTechnician, "Pouvez-vous redémarrer ?", ReplyToResolved.FLAG, at);
			case "note" -> ticket.addInternalNote(otherTechnician, "Vu", at);
			case "reopen" -> ticket.reopen(otherTechnician, at);
			case "resume" -> ticket.resume(otherTechnician, at);
			case "retitle" -> ticket.retitle("Imprimante du 2e", otherTechnician, at);
			case "task" -> ticket.addTask("Relancer le valideur", null, null, otherTechnician, at);
			default -> throw new IllegalArgumentException(action);
		}
		assertThat(ticket.getRequesterRepliedAt()).isNull();
		assertThat(ticket.getRequesterReplyHandledAt()).isEqualTo(at);
		assertThat(ticket.getStatus()).isEqualTo(expected);
		assertThat(ticket.getReopenCount()).isEqualTo(reopenings);
		assertThat(historyOf(ticket)).filteredOn(e -> e.getField().equals("requesterReplied"))
			.last()
			.satisfies(e -> assertThat(e.getActor()).isSameAs(otherTechnician))
			.satisfies(e -> assertThat(e.getNewValue()).isNull());
	}

	@Test
	void guichetsOwnChangesAndTheRequestersLeaveTheFlag() {
		Ticket ticket = waitingIn(Waiting.PENDING_SUPPLIER);
		ticket.reply(requester, "Des nouvelles ?", ReplyToResolved.FLAG, T0.plusSeconds(60));
		ticket.escalateAutomatically("Standard · 1", true, null, null, null, T0.plusSeconds(120));
		ticket.addObserver(user(7, "dave", Role.REQUESTER), requester, T0.plusSeconds(180));
		assertThat(ticket.getRequesterRepliedAt()).isEqualTo(T0.plusSeconds(60));
	}

	@Test
	void aRefusedSolutionIsNoLongerTheSolutionButStaysInTheHistoryAsRefused() {
		Ticket ticket = waitingIn(Waiting.RESOLVED);
		ticket.refuse("L'impression bloque encore", requester, T0.plusSeconds(600));
		assertThat(ticket.getSolution()).isNull();
		assertThat(ticket.getSolutionKind()).isNull();
		assertThat(history(ticket)).containsSubsequence("reopenCount: 0 -> 1", "reopening: null -> REFUSAL",
				"solution: Fait -> null", "solutionKind: PERMANENT -> null", "status: RESOLVED -> IN_PROGRESS");
		assertThat(PastSolution.from(historyOf(ticket))).singleElement().satisfies(past -> {
			assertThat(past.text()).isEqualTo("Fait");
			assertThat(past.kind()).isEqualTo(SolutionKind.PERMANENT);
			assertThat(past.proposedBy()).isSameAs(technician);
			assertThat(past.withdrawnBy()).isSameAs(requester);
			assertThat(past.withdrawnAt()).isEqualTo(T0.plusSeconds(600));
			assertThat(past.isRefused()).isTrue();
		});
	}

	@Test
	void aTicketReopenedFromClosedAndSolvedAgainHasOnePastSolutionAndTheNewOne() {
		Ticket ticket = waitingIn(Waiting.CLOSED);
		ticket.reopen(otherTechnician, T0.plusSeconds(600));
		assertThat(ticket.getSolution()).isNull();
		assertThat(ticket.getClosedAt()).isNull();
		ticket.resolve("Carte réseau changée", SolutionKind.WORKAROUND, otherTechnician, T0.plusSeconds(1200));
		assertThat(ticket.getSolution()).isEqualTo("Carte réseau changée");
		assertThat(PastSolution.from(historyOf(ticket))).singleElement().satisfies(past -> {
			assertThat(past.text()).isEqualTo("Fait");
			assertThat(past.reopening()).isEqualTo(Reopening.REOPEN);
			assertThat(past.isRefused()).isFalse();
			assertThat(past.withdrawnBy()).isSameAs(otherTechnician);
		});
	}

	@Test
	void aSolutionReplacedBeforeWithdrawalsWereRecordedIsStillAPastSolution() {
		Ticket ticket = newTicket(Urgency.MEDIUM, Impact.LOW);
		List<HistoryEntry> legacy = List.of(
				new HistoryEntry(ticket, T0, technician, "solution", null, "Pilote réinstallé"),
				new HistoryEntry(ticket, T0, technician, "solutionKind", null, "WORKAROUND"),
				new HistoryEntry(ticket, T0.plusSeconds(60), requester, "reopenCount", "0", "1"),
				new HistoryEntry(ticket, T0.plusSeconds(120), technician, "solution", "Pilote réinstallé", "Câble changé"),
				new HistoryEntry(ticket, T0.plusSeconds(120), technician, "solutionKind", "WORKAROUND", "PERMANENT"));
		assertThat(PastSolution.from(legacy)).singleElement().satisfies(past -> {
			assertThat(past.text()).isEqualTo("Pilote réinstallé");
			assertThat(past.kind()).isEqualTo(SolutionKind.WORKAROUND);
			assertThat(past.reopening()).isNull();
		});
	}

	@Test
	void aFollowUpIsRecordedOnBothTickets() {
		Ticket closed = waitingIn(Waiting.CLOSED);
		ReflectionTestUtils.setField(closed, "id", 1042L);
		Ticket followUp = newTicket(Urgency.MEDIUM, Impact.LOW);
		ReflectionTestUtils.setField(followUp, "id", 1050L);
		TicketLink link = followUp.link(TicketLinkKind.FOLLOW_UP_OF, closed, requester, T0.plusSeconds(600));
		assertThat(link.getSource()).isSameAs(followUp);
		assertThat(link.getTarget()).isSameAs(closed);
		assertThat(history(followUp)).contains("followUpOf: null -> #1042");
		assertThat(history(closed)).contains("followedUpBy: null -> #1050");
		assertThat(closed.getStatus()).isEqualTo(Status.CLOSED);
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> followUp.link(TicketLinkKind.FOLLOW_UP_OF, followUp, requester, T0));
	}

	private Ticket waitingIn(Waiting waiting) {
		Ticket ticket = newTicket(Urgency.MEDIUM, Impact.LOW);
		ticket.addObserver(user(6, "carol", Role.REQUESTER), requester, T0);
		ticket.take(technician, T0);
		switch (waiting) {
			case PENDING_USER -> ticket.putPending(PendingReason.USER, technician, T0);
			case PENDING_SUPPLIER -> ticket.putPending(PendingReason.SUPPLIER, technician, T0);
			case PENDING_APPROVAL -> ticket.putPending(PendingReason.APPROVAL, technician, T0);
			case RESOLVED -> ticket.resolve("Fait", SolutionKind.PERMANENT, technician, T0);
			case CLOSED -> {
				ticket.resolve("Fait", SolutionKind.PERMANENT, technician, T0);
				ticket.accept(requester, null, T0);
			}
			case CANCELLED -> ticket.cancel("No longer needed", technician, T0);
		}
		return ticket;
	}

	private static User observer(Ticket ticket) {
		return ticket.getObservers().iterator().next();
	}

	// --- Who took part (read access kept wherever the ticket moves) -------------------------

	@Test
	void anAgentRegisteringForACallerTakesPartButARequesterRegisteringForThemselvesDoesNot() {
		Ticket forCaller = new Ticket(TicketType.INCIDENT, "Écran noir", "Appel de 9 h", requester, technician,
				Channel.PHONE, null, Urgency.MEDIUM, Impact.LOW, matrix, T0);
		assertThat(forCaller.pullParticipations())
			.containsExactly(new Ticket.Participation(2, ParticipantRole.REGISTERED));
		assertThat(newTicket(Urgency.MEDIUM, Impact.LOW).pullParticipations()).isEmpty();
	}

	@Test
	void takingReplyingNotingAndResolvingAreRecordedOnceEachForTheTeamOnly() {
		Ticket ticket = newTicket(Urgency.MEDIUM, Impact.LOW);
		ticket.take(technician, T0);
		ticket.reply(technician, "Je regarde", ReplyToResolved.FLAG, T0);
		ticket.addInternalNote(technician, "Toner ?", T0);
		ticket.reply(requester, "Merci", ReplyToResolved.FLAG, T0);
		ticket.resolve("Toner changé", SolutionKind.PERMANENT, technician, T0);
		assertThat(ticket.pullParticipations()).containsExactlyInAnyOrder(
				new Ticket.Participation(2, ParticipantRole.TOOK), new Ticket.Participation(2, ParticipantRole.WROTE),
				new Ticket.Participation(2, ParticipantRole.RESOLVED));
		assertThat(ticket.pullParticipations()).as("pulled once").isEmpty();
	}

	@Test
	void escalatingToAnotherGroupRecordsTheEscalatingAgentAndTheTechnicianItIsAssignedTo() {
		Ticket ticket = ticketIn(Status.IN_PROGRESS);
		ticket.pullParticipations();
		ticket.escalate(group(11, "N2 Réseau", SupportLevel.N2), otherTechnician, "Routeur", technician, T0);
		assertThat(ticket.pullParticipations()).containsExactlyInAnyOrder(
				new Ticket.Participation(2, ParticipantRole.ESCALATED),
				new Ticket.Participation(2, ParticipantRole.DISPATCHED),
				new Ticket.Participation(3, ParticipantRole.ASSIGNED));
	}

	@Test
	void theSupervisorCalledInByAHierarchicalEscalationTakesPart() {
		Ticket ticket = ticketIn(Status.ASSIGNED);
		ticket.pullParticipations();
		ticket.escalateToSupervisor(otherTechnician, "Client bloqué", technician, T0);
		assertThat(ticket.pullParticipations()).containsExactlyInAnyOrder(
				new Ticket.Participation(2, ParticipantRole.ESCALATED),
				new Ticket.Participation(3, ParticipantRole.CALLED_IN),
				new Ticket.Participation(3, ParticipantRole.OBSERVED));
	}

	@Test
	void aColleagueMadeAnObserverTakesPartAndARequesterObserverDoesNot() {
		Ticket ticket = ticketIn(Status.ASSIGNED);
		ticket.pullParticipations();
		ticket.addObserver(otherTechnician, technician, T0);
		ticket.addObserver(user(4, "bob", Role.REQUESTER), technician, T0);
		assertThat(ticket.pullParticipations())
			.containsExactly(new Ticket.Participation(3, ParticipantRole.OBSERVED));
		assertThat(history(ticket)).contains("observers: null -> tech2", "observers: null -> bob");
	}

	@Test
	void routingAndAutomaticEscalationRecordOnlyTheTechnicianTheyAssign() {
		Ticket ticket = newTicket(Urgency.MEDIUM, Impact.LOW);
		ticket.route(List.of("Imprimantes"), group, technician, List.of(), T0);
		assertThat(ticket.pullParticipations())
			.containsExactly(new Ticket.Participation(2, ParticipantRole.ASSIGNED));
		ticket.escalateAutomatically("Standard · 2", false, group(11, "N2 Réseau", SupportLevel.N2), otherTechnician,
				null, T0);
		assertThat(ticket.pullParticipations())
			.containsExactly(new Ticket.Participation(3, ParticipantRole.ASSIGNED));
	}

	// --- Held for approval ------------------------------------------------------------------

	@Test
	void aTicketHeldForItsApprovalAllowsOnlyAssignmentEscalationAndCancellation() {
		Ticket ticket = newTicket(Urgency.MEDIUM, Impact.LOW);
		ticket.holdForApproval(T0);
		assertThat(EnumSet.allOf(TicketAction.class).stream().filter(ticket::allows))
			.containsExactlyInAnyOrder(TicketAction.ASSIGN, TicketAction.ESCALATE, TicketAction.CANCEL);
		assertThat(EnumSet.allOf(Ticket.Work.class).stream().filter(ticket::allows)).isEmpty();
		ticket.releaseFromApproval(T0.plusSeconds(60));
		assertThat(EnumSet.allOf(Ticket.Work.class).stream().filter(ticket::allows))
			.containsExactlyInAnyOrder(Ticket.Work.values());
	}

	@Test
	void aTicketHeldForItsApprovalRefusesEveryWorkOfTheTeamAndChangesNothing() {
		Ticket ticket = newTicket(Urgency.MEDIUM, Impact.LOW);
		ticket.holdForApproval(T0);
		Instant at = T0.plusSeconds(60);
		List<Runnable> works = List.of(() -> ticket.retitle("Autre titre", technician, at),
				() -> ticket.describe("Autre description", technician, at),
				() -> ticket.retype(TicketType.SERVICE_REQUEST, technician, at),
				() -> ticket.categorise(null, technician, at),
				() -> ticket.prioritise(Urgency.HIGH, Impact.HIGH, matrix, technician, at),
				() -> ticket.overridePriority(Priority.HIGH, "Urgent", technician, at),
				() -> ticket.clearPriorityOverride(matrix, technician, at),
				() -> ticket.addTask("Commander le portable", technician, 30, technician, at),
				() -> ticket.reply(technician, "Je m’en occupe", ReplyToResolved.FLAG, at),
				() -> ticket.resolve("Fait", SolutionKind.PERMANENT, technician, at));
		for (Runnable work : works) {
			assertThatThrownBy(work::run).isInstanceOf(org.guichet.system.ConflictException.class)
				.hasMessageContaining("waits for its approval");
		}
		assertThat(ticket.getTitle()).isEqualTo("Imprimante bloquée");
		assertThat(historyOf(ticket).stream().map(HistoryEntry::getField)).doesNotContain("title", "task", "urgency");
		assertThat(ticket.getComments()).isEmpty();
		assertThat(ticket.getStatus()).isEqualTo(Status.PENDING);
	}

	@Test
	void aTicketHeldForItsApprovalTakesItsRequesterReplyAndTheTeamInternalNote() {
		Ticket ticket = newTicket(Urgency.MEDIUM, Impact.LOW);
		ticket.holdForApproval(T0);
		ticket.reply(requester, "Le modèle 14 pouces me convient aussi", ReplyToResolved.FLAG, T0.plusSeconds(60));
		ticket.addInternalNote(technician, "Commande prête dès validation", T0.plusSeconds(120));
		assertThat(ticket.getComments()).hasSize(2);
		assertThat(ticket.isHeldForApproval()).isTrue();
	}

	// --- Helpers ----------------------------------------------------------------------------

	private static EnumSet<TicketAction> allowedFrom(Status status) {
		EnumSet<TicketAction> allowed = EnumSet.noneOf(TicketAction.class);
		for (TicketAction action : TicketAction.values()) {
			if (action.allowedFrom(status)) {
				allowed.add(action);
			}
		}
		return allowed;
	}

	private Ticket newTicket(Urgency urgency, Impact impact) {
		return new Ticket(TicketType.INCIDENT, "Imprimante bloquée", "Bourrage papier au 2e étage", requester,
				requester, Channel.PORTAL, null, urgency, impact, matrix, T0);
	}

	private Ticket ticketIn(Status status) {
		Ticket ticket = newTicket(Urgency.MEDIUM, Impact.LOW);
		switch (status) {
			case NEW -> {
			}
			case ASSIGNED -> ticket.assign(group, technician, technician, T0);
			case IN_PROGRESS -> ticket.take(technician, T0);
			case PENDING -> {
				ticket.take(technician, T0);
				ticket.putPending(PendingReason.SUPPLIER, technician, T0);
			}
			case RESOLVED -> ticket.resolve("Fait", SolutionKind.PERMANENT, technician, T0);
			case CLOSED -> {
				ticket.resolve("Fait", SolutionKind.PERMANENT, technician, T0);
				ticket.accept(requester, null, T0);
			}
			case CANCELLED -> ticket.cancel("No longer needed", technician, T0);
		}
		assertThat(ticket.getStatus()).isEqualTo(status);
		return ticket;
	}

	private void apply(Ticket ticket, TicketAction action) {
		Instant at = T0.plusSeconds(600);
		switch (action) {
			case ASSIGN -> ticket.assign(group, otherTechnician, technician, at);
			case TAKE -> ticket.take(otherTechnician, at);
			case PENDING -> ticket.putPending(PendingReason.USER, technician, at);
			case RESUME -> ticket.resume(technician, at);
			case RESOLVE -> ticket.resolve("Solution", SolutionKind.PERMANENT, technician, at);
			case ACCEPT -> ticket.accept(requester, null, at);
			case REFUSE -> ticket.refuse("Toujours en panne", requester, at);
			case REOPEN -> ticket.reopen(technician, at);
			case CANCEL -> ticket.cancel("No longer needed", technician, at);
			case AUTO_CLOSE -> ticket.closeUnanswered(at);
			case ESCALATE -> ticket.escalateToSupervisor(otherTechnician, "Client bloqué", technician, at);
		}
	}

	private static Status expectedTarget(Status from, TicketAction action) {
		return switch (action) {
			// the test hands the ticket over to another technician
			case ASSIGN -> from == Status.NEW || from == Status.IN_PROGRESS ? Status.ASSIGNED : from;
			case TAKE, RESUME, REFUSE -> Status.IN_PROGRESS;
			case REOPEN -> Status.IN_PROGRESS;
			case PENDING -> Status.PENDING;
			case RESOLVE -> Status.RESOLVED;
			case ACCEPT, AUTO_CLOSE -> Status.CLOSED;
			case CANCEL -> Status.CANCELLED;
			case ESCALATE -> from;
		};
	}

	@SuppressWarnings("unchecked")
	private static List<HistoryEntry> historyOf(Ticket ticket) {
		return (List<HistoryEntry>) ReflectionTestUtils.getField(ticket, "history");
	}

	private static List<String> history(Ticket ticket) {
		return historyOf(ticket).stream().map(e -> e.getField() + ": " + e.getOldValue() + " -> " + e.getNewValue()).toList();
	}

	private static User user(long id, String username, Role role) {
		User user = new User(username, "{noop}x", username, role, T0);
		ReflectionTestUtils.setField(user, "id", id);
		return user;
	}

	private static SupportGroup group(long id, String name) {
		return group(id, name, SupportLevel.N1);
	}

	private static SupportGroup group(long id, String name, SupportLevel level) {
		SupportGroup group = new SupportGroup(name, level);
		ReflectionTestUtils.setField(group, "id", id);
		return group;
	}

}
