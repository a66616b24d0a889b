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
		ticket.reply(requester, "Voici la capture demandée", T0.plusSeconds(60));
		assertThat(ticket.getStatus()).isEqualTo(Status.IN_PROGRESS);
		assertThat(ticket.getPendingReason()).isNull();
	}

	@Test
	void requesterReplyLeavesATicketWaitingForASupplierPending() {
		Ticket ticket = newTicket(Urgency.MEDIUM, Impact.LOW);
		ticket.take(technician, T0);
		ticket.putPending(PendingReason.SUPPLIER, technician, T0);
		ticket.reply(requester, "Des nouvelles ?", T0.plusSeconds(60));
		assertThat(ticket.getStatus()).isEqualTo(Status.PENDING);
	}

	@Test
	void firstPublicReplyOfTheTeamIsTheFirstResponseButNotTheRequestersNorANote() {
		Ticket ticket = newTicket(Urgency.MEDIUM, Impact.LOW);
		ticket.reply(requester, "J'ajoute un détail", T0.plusSeconds(10));
		ticket.addInternalNote(technician, "Vu avec le N2", T0.plusSeconds(20));
		assertThat(ticket.getFirstResponseAt()).isNull();
		ticket.reply(technician, "Nous regardons", T0.plusSeconds(30));
		ticket.reply(otherTechnician, "Toujours en cours", T0.plusSeconds(40));
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
		ticket.accept(requester, T0.plusSeconds(3600));
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
		ticket.accept(requester, T0);
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
		ticket.reply(supervisor, "Je suis le dossier", T0.plusSeconds(60));
		assertThat(ticket.getFirstResponseAt()).isEqualTo(T0.plusSeconds(60));
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
				ticket.accept(requester, T0);
			}
			case CANCELLED -> ticket.cancel(technician, T0);
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
			case ACCEPT -> ticket.accept(requester, at);
			case REFUSE -> ticket.refuse("Toujours en panne", requester, at);
			case REOPEN -> ticket.reopen(technician, at);
			case CANCEL -> ticket.cancel(technician, at);
			case AUTO_CLOSE -> ticket.closeUnanswered(at);
			case ESCALATE -> ticket.escalateToSupervisor(otherTechnician, "Client bloqué", technician, at);
		}
	}

	private static Status expectedTarget(Status from, TicketAction action) {
		return switch (action) {
			case ASSIGN -> from == Status.NEW ? Status.ASSIGNED : from;
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
