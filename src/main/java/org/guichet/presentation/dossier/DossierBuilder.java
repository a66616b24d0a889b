package org.guichet.presentation.dossier;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.guichet.approvals.ApprovalOutcome;
import org.guichet.approvals.ApprovalView;
import org.guichet.directory.User;
import org.guichet.presentation.dossier.TicketDossier.ApprovalDecisionLine;
import org.guichet.presentation.dossier.TicketDossier.ApprovalStepLine;
import org.guichet.presentation.dossier.TicketDossier.ArticleLine;
import org.guichet.presentation.dossier.TicketDossier.AssignmentStep;
import org.guichet.presentation.dossier.TicketDossier.AttachmentLine;
import org.guichet.presentation.dossier.TicketDossier.Closure;
import org.guichet.presentation.dossier.TicketDossier.EscalationStep;
import org.guichet.presentation.dossier.TicketDossier.LifecycleStep;
import org.guichet.presentation.dossier.TicketDossier.Person;
import org.guichet.presentation.dossier.TicketDossier.PriorityChange;
import org.guichet.presentation.dossier.TicketDossier.PriorityDerivation;
import org.guichet.presentation.dossier.TicketDossier.PriorityField;
import org.guichet.presentation.dossier.TicketDossier.Sla;
import org.guichet.presentation.dossier.TicketDossier.Solution;
import org.guichet.presentation.dossier.TicketDossier.Summary;
import org.guichet.presentation.dossier.TicketDossier.TaskLine;
import org.guichet.presentation.dossier.TicketDossier.TimelineEntry;
import org.guichet.sla.SlaView;
import org.guichet.tickets.Attachment;
import org.guichet.tickets.Comment;
import org.guichet.tickets.Escalation;
import org.guichet.tickets.HistoryEntry;
import org.guichet.tickets.PendingReason;
import org.guichet.tickets.PriorityMatrix;
import org.guichet.tickets.Status;
import org.guichet.tickets.Task;
import org.guichet.tickets.Ticket;
import org.jspecify.annotations.Nullable;

/**
 * Draws up a ticket's dossier from what the ticket and its history record: a pure function of
 * its {@link Source}, which the caller has already cut to what the reader may see.
 */
final class DossierBuilder {

	private DossierBuilder() {
	}

	/**
	 * What the dossier is drawn from.
	 *
	 * @param history the ticket's audit trail, oldest first
	 * @param comments its replies and, for the team, internal notes, oldest first
	 * @param attachments its files as the reader may see them
	 * @param tasks its tasks (empty for a requester)
	 * @param escalations its escalations (empty for a requester)
	 * @param sla its SLA clocks, null if none or for a requester
	 * @param matrix the priority matrix as configured now
	 * @param users the people the history names by their login (assignments), by login
	 * @param teamView whether it is the IT team's dossier
	 * @param internal whether internal notes go in the timeline
	 * @param now when the dossier is drawn up
	 * @param approval its approval as the approvals module shows it, null if none
	 */
	record Source(Ticket ticket, List<HistoryEntry> history, List<Comment> comments, List<Attachment> attachments,
			List<Task> tasks,
			List<Escalation> escalations, @Nullable SlaView sla, PriorityMatrix matrix, Map<String, User> users,
			boolean teamView, boolean internal, Instant now, List<String> children, List<ArticleLine> articles,
			@Nullable ApprovalView approval) {
	}

	static TicketDossier build(Source source) {
		Ticket ticket = source.ticket();
		boolean team = source.teamView();
		List<HistoryEntry> history = source.history().stream()
			.sorted(Comparator.comparing(HistoryEntry::getAt))
			.toList();
		return new TicketDossier(source.now(), team, team && source.internal(), summary(ticket, source.children()),
				priority(ticket, history, source.matrix()), team ? routing(history) : List.of(),
				assignments(history, source.users()), team ? escalations(source.escalations()) : List.of(),
				team ? sla(source.sla()) : null, steps(history), timeline(source.comments(), team && source.internal()),
				team ? tasks(source.tasks()) : List.of(), solution(ticket), closure(ticket, history),
				attachments(source.attachments(), team && source.internal()), List.copyOf(source.articles()),
				approval(source.approval()));
	}

	/** The approval as the approvals module shows it, its people as the dossier names them. */
	static TicketDossier.@Nullable Approval approval(@Nullable ApprovalView view) {
		if (view == null) {
			return null;
		}
		boolean decided = view.decidedAt() != null
				&& (view.outcome() == ApprovalOutcome.APPROVED || view.outcome() == ApprovalOutcome.REFUSED);
		return new TicketDossier.Approval(view.outcome(), view.requestedAt(), decided ? view.decidedAt() : null,
				decided ? Duration.between(view.requestedAt(), view.decidedAt()) : null,
				view.steps().stream()
					.map(step -> new ApprovalStepLine(step.position(), step.kind(), step.groupName(), step.quorum(),
							step.percent(),
							step.state(), step.skipReason(), step.fallback(), step.openedAt(), step.closedAt(),
							step.approvers().stream().map(DossierBuilder::approver).toList(),
							step.decisions().stream()
								.sorted(Comparator.comparing(ApprovalView.Decision::decidedAt))
								.map(d -> new ApprovalDecisionLine(d.decidedAt(), approver(d.approver()),
										approver(d.decidedBy()), d.verdict(), d.comment()))
								.toList()))
					.toList());
	}

	/** An approver: any person of the directory, of the IT team or not (their role is not told). */
	private static Person approver(ApprovalView.Person person) {
		return new Person(person.id(), null, person.fullName());
	}

	static Person person(User user) {
		return new Person(user.getId(), user.getRole(), user.getFullName());
	}

	private static Person personOrGuichet(@Nullable User user) {
		return user == null ? Person.guichet() : person(user);
	}

	private static Summary summary(Ticket ticket, List<String> children) {
		return new Summary(Objects.requireNonNull(ticket.getId(), "a saved ticket"), ticket.getNumber(),
				ticket.getTitle(), ticket.getType(), ticket.getChannel(), ticket.getStatus(), ticket.getDescription(),
				person(ticket.getRequester()), person(ticket.getRegisteredBy()),
				ticket.getCategory() == null ? null : ticket.getCategory().getPath(),
				ticket.getObservers().stream().sorted(Comparator.comparing(User::getFullName)).map(DossierBuilder::person)
					.toList(),
				ticket.getCreatedAt(), ticket.isMajorIncident(), List.copyOf(children));
	}

	private static PriorityDerivation priority(Ticket ticket, List<HistoryEntry> history, PriorityMatrix matrix) {
		boolean vip = ticket.getRequester().isVip();
		List<PriorityChange> changes = new ArrayList<>();
		for (HistoryEntry entry : history) {
			PriorityField field = switch (entry.getField()) {
				case "urgency" -> PriorityField.URGENCY;
				case "impact" -> PriorityField.IMPACT;
				case "priority" -> PriorityField.PRIORITY;
				case "priorityOverrideReason" -> PriorityField.OVERRIDE;
				default -> null;
			};
			if (field == PriorityField.OVERRIDE) {
				changes.add(new PriorityChange(entry.getAt(), personOrGuichet(entry.getActor()), field, null, null,
						entry.getNewValue()));
			}
			else if (field != null) {
				changes.add(new PriorityChange(entry.getAt(), personOrGuichet(entry.getActor()), field,
						entry.getOldValue(), entry.getNewValue(), null));
			}
		}
		return new PriorityDerivation(ticket.getUrgency(), ticket.getImpact(),
				matrix.cell(ticket.getUrgency(), ticket.getImpact()),
				vip, matrix.priorityOf(ticket.getUrgency(), ticket.getImpact(), vip), ticket.getPriority(),
				ticket.getPriorityOverrideReason(), List.copyOf(changes));
	}

	/** The rules that fired, in the order routing tried them, from its history entries. */
	private static List<String> routing(List<HistoryEntry> history) {
		return history.stream()
			.filter(entry -> entry.getField().equals("routing") && entry.getNewValue() != null)
			.flatMap(entry -> Arrays.stream(entry.getNewValue().split(", ")))
			.filter(rule -> !rule.isBlank())
			.toList();
	}

	/** One step per moment and actor: a group and a technician changed together make one step. */
	private static List<AssignmentStep> assignments(List<HistoryEntry> history, Map<String, User> users) {
		List<AssignmentStep> steps = new ArrayList<>();
		for (HistoryEntry entry : history) {
			boolean group = entry.getField().equals("group");
			if (!group && !entry.getField().equals("assignee")) {
				continue;
			}
			Person by = personOrGuichet(entry.getActor());
			AssignmentStep last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
			boolean sameMoment = last != null && last.at().equals(entry.getAt()) && last.by().equals(by)
					&& (group ? !last.groupChanged() : !last.technicianChanged());
			if (group) {
				steps.add(sameMoment
						? new AssignmentStep(last.at(), by, true, entry.getNewValue(), last.technicianChanged(),
								last.technician())
						: new AssignmentStep(entry.getAt(), by, true, entry.getNewValue(), false, null));
			}
			else {
				String login = entry.getNewValue();
				User user = login == null ? null : users.get(login);
				Person technician = user != null ? person(user) : login == null ? null : new Person(null, null, login);
				steps.add(sameMoment ? new AssignmentStep(last.at(), by, last.groupChanged(), last.group(), true, technician)
						: new AssignmentStep(entry.getAt(), by, false, null, true, technician));
			}
			if (sameMoment) {
				steps.remove(steps.size() - 2);
			}
		}
		return List.copyOf(steps);
	}

	private static List<EscalationStep> escalations(List<Escalation> escalations) {
		return escalations.stream()
			.sorted(Comparator.comparing(Escalation::getAt))
			.map(e -> new EscalationStep(e.getAt(), e.getKind(), personOrGuichet(e.getBy()), e.getFromLevel(),
					e.getToLevel(), e.getToGroup() == null ? null : e.getToGroup().getName(),
					e.getToUser() == null ? null : person(e.getToUser()), e.getReason()))
			.toList();
	}

	private static @Nullable Sla sla(@Nullable SlaView view) {
		return view == null ? null
				: new Sla(view.policy(), view.ttoDeadline(), view.ttoState(), view.ttrDeadline(), view.ttrState(),
						view.pausedSoFar());
	}

	/**
	 * The status changes, each with the pending reason recorded at the same instant (just before
	 * it) and the kind of reopening recorded at the same instant (just after it).
	 */
	private static List<LifecycleStep> steps(List<HistoryEntry> history) {
		Map<Instant, String> pending = new HashMap<>();
		Map<Instant, String> reopenings = new HashMap<>();
		for (HistoryEntry entry : history) {
			if (entry.getField().equals("pendingReason") && entry.getNewValue() != null) {
				pending.put(entry.getAt(), entry.getNewValue());
			}
			else if (entry.getField().equals("reopening") && entry.getNewValue() != null) {
				reopenings.put(entry.getAt(), entry.getNewValue());
			}
		}
		List<LifecycleStep> steps = new ArrayList<>();
		for (HistoryEntry entry : history) {
			if (!entry.getField().equals("status") || entry.getNewValue() == null) {
				continue;
			}
			Status to = Status.valueOf(entry.getNewValue());
			Status from = entry.getOldValue() == null ? null : Status.valueOf(entry.getOldValue());
			String reason = to == Status.PENDING ? pending.get(entry.getAt()) : null;
			boolean reopened = from == Status.RESOLVED || from == Status.CLOSED;
			steps.add(new LifecycleStep(entry.getAt(), personOrGuichet(entry.getActor()), from, to,
					reason == null ? null : PendingReason.valueOf(reason),
					reopened && to != Status.CLOSED ? reopenings.get(entry.getAt()) : null));
		}
		return List.copyOf(steps);
	}

	private static List<TimelineEntry> timeline(List<Comment> comments, boolean internal) {
		return comments.stream()
			.filter(comment -> internal || !comment.isInternal())
			.sorted(Comparator.comparing(Comment::getCreatedAt))
			.map(comment -> new TimelineEntry(comment.getCreatedAt(), person(comment.getAuthor()), comment.getBody(),
					comment.isInternal(), comment.getMergedFromNumber(), comment.isByMail()))
			.toList();
	}

	private static List<TaskLine> tasks(List<Task> tasks) {
		return tasks.stream()
			.sorted(Comparator.comparing(Task::getCreatedAt))
			.map(task -> new TaskLine(task.getCreatedAt(), task.getTitle(),
					task.getAssignee() == null ? null : person(task.getAssignee()), task.getStatus(),
					task.getPlannedMinutes(), task.getActualMinutes()))
			.toList();
	}

	private static List<AttachmentLine> attachments(List<Attachment> attachments, boolean internal) {
		return attachments.stream()
			.filter(file -> internal || !file.isInternal())
			.sorted(Comparator.comparing(Attachment::getCreatedAt))
			.map(file -> new AttachmentLine(file.getCreatedAt(), person(file.getUploadedBy()), file.getFileName(),
					file.getSizeBytes(), file.isInternal()))
			.toList();
	}

	private static @Nullable Solution solution(Ticket ticket) {
		return ticket.getSolution() == null || ticket.getSolutionKind() == null ? null
				: new Solution(ticket.getSolution(), ticket.getSolutionKind(), ticket.getResolvedAt());
	}

	private static Closure closure(Ticket ticket, List<HistoryEntry> history) {
		boolean automatic = history.stream()
			.filter(entry -> entry.getField().equals("status") && Status.CLOSED.name().equals(entry.getNewValue()))
			.reduce((first, second) -> second)
			.map(last -> last.getActor() == null)
			.orElse(false);
		return new Closure(ticket.getStatus(), ticket.getResolvedAt(), ticket.getClosedAt(),
				automatic && ticket.getStatus() == Status.CLOSED, ticket.getReopenCount(), ticket.getCancelReason(),
				ticket.getSatisfactionRating(), ticket.getSatisfactionComment());
	}

}
