package org.guichet.presentation.dossier;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.guichet.presentation.anonymise.Pseudonyms;
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
import org.guichet.presentation.dossier.TicketDossier.Sla;
import org.guichet.presentation.dossier.TicketDossier.Solution;
import org.guichet.presentation.dossier.TicketDossier.Summary;
import org.guichet.presentation.dossier.TicketDossier.TaskLine;
import org.guichet.presentation.dossier.TicketDossier.TimelineEntry;
import org.jspecify.annotations.Nullable;

/**
 * The one transformation that anonymises a {@link TicketDossier}: every person becomes their
 * pseudonym, and every text goes through {@link Pseudonyms#text} — the title, the description,
 * the replies and notes, the reasons (override, escalation, cancellation), the task titles, the
 * solution, the satisfaction comment, and the names the configuration gives (category, groups,
 * routing rules, SLA policy), which may hold a person's or the organisation's name too, and the
 * approval's comments, skip reasons and the groups its steps ask; the approvers and their delegates are people too; the
 * attachments' file names go through {@link Pseudonyms#fileName}. The flowchart is drawn from the
 * configuration and carries no one's name, so it has nothing to transform. Pure: the pseudonyms
 * given are the only state, and they must already know every person of the dossier.
 */
final class DossierPseudonymisation {

	private final Pseudonyms pseudonyms;

	private DossierPseudonymisation(Pseudonyms pseudonyms) {
		this.pseudonyms = pseudonyms;
	}

	/**
	 * The people of a dossier in the order they act, split by how they are named: its requester
	 * among the {@code requesters}, the members of the IT team who act in it (register it, change
	 * its priority, take it, escalate it or are called in, reply, hold a task, attach a file) among
	 * the {@code technicians}; a person already in a list stays where they are. Everyone else
	 * (observers, colleagues named in a text) is left to the pseudonyms' "others".
	 */
	static void people(TicketDossier dossier, Set<Long> requesters, Set<Long> technicians) {
		requesters.add(dossier.summary().requester().id());
		Set<Long> team = new LinkedHashSet<>();
		eachActor(dossier, person -> {
			if (person.id() != null && person.role() != null && person.role().isAgent()) {
				team.add(person.id());
			}
		});
		team.stream().filter(id -> !requesters.contains(id)).forEach(technicians::add);
	}

	/**
	 * @param attachments whether the attachments' (anonymised) names stay listed; when false the
	 *     anonymised dossier lists none
	 * @return the dossier with every person and text anonymised; codes, instants and durations as they were
	 * @throws IllegalArgumentException when a person of the dossier is unknown to the pseudonyms
	 */
	static TicketDossier anonymise(TicketDossier dossier, Pseudonyms pseudonyms, boolean attachments) {
		return new DossierPseudonymisation(pseudonyms).dossier(dossier, attachments);
	}

	private TicketDossier dossier(TicketDossier d, boolean attachments) {
		return new TicketDossier(d.generatedAt(), d.teamView(), d.internal(), summary(d.summary()),
				priority(d.priority()), d.routing().stream().map(this::text).toList(),
				d.assignments().stream().map(this::assignment).toList(),
				d.escalations().stream().map(this::escalation).toList(), sla(d.sla()),
				d.steps().stream().map(this::step).toList(), d.timeline().stream().map(this::entry).toList(),
				d.tasks().stream().map(this::task).toList(), solution(d.solution()), closure(d.closure()),
				attachments ? d.attachments().stream().map(this::attachment).toList() : List.of(),
				d.articles().stream().map(a -> new ArticleLine(a.id(), text(a.title()), a.kind(), a.status(), a.language()))
					.toList(),
				approval(d.approval()));
	}

	/** Each person who acts in a dossier, in document order (a person may come more than once). */
	private static void eachActor(TicketDossier d, Consumer<Person> to) {
		Summary s = d.summary();
		to.accept(s.requester());
		to.accept(s.registeredBy());
		d.priority().changes().forEach(change -> to.accept(change.by()));
		d.assignments().forEach(step -> {
			to.accept(step.by());
			if (step.technician() != null) {
				to.accept(step.technician());
			}
		});
		d.escalations().forEach(step -> {
			to.accept(step.by());
			if (step.toUser() != null) {
				to.accept(step.toUser());
			}
		});
		d.steps().forEach(step -> to.accept(step.by()));
		d.timeline().forEach(entry -> to.accept(entry.author()));
		d.tasks().forEach(task -> {
			if (task.assignee() != null) {
				to.accept(task.assignee());
			}
		});
		d.attachments().forEach(file -> to.accept(file.uploadedBy()));
		if (d.approval() != null) {
			d.approval().steps().forEach(step -> {
				step.asked().forEach(to);
				step.decisions().forEach(decision -> {
					to.accept(decision.approver());
					to.accept(decision.decidedBy());
				});
			});
		}
	}

	private Summary summary(Summary s) {
		Person requester = person(s.requester());
		return new Summary(s.ticketId(), s.number(), text(s.title()), s.type(), s.channel(), s.status(),
				text(s.description()), requester, person(s.registeredBy()), nullableText(s.category()),
				s.observers().stream().map(this::person).toList(), s.createdAt(), s.majorIncident(), s.children());
	}

	private PriorityDerivation priority(PriorityDerivation p) {
		return new PriorityDerivation(p.urgency(), p.impact(), p.matrixCell(), p.vip(), p.fromMatrix(), p.priority(),
				nullableText(p.overrideReason()),
				p.changes().stream()
					.map(c -> new PriorityChange(c.at(), person(c.by()), c.field(), c.from(), c.to(), nullableText(c.reason())))
					.toList());
	}

	private AssignmentStep assignment(AssignmentStep a) {
		return new AssignmentStep(a.at(), person(a.by()), a.groupChanged(), nullableText(a.group()), a.technicianChanged(),
				a.technician() == null ? null : person(a.technician()));
	}

	private EscalationStep escalation(EscalationStep e) {
		return new EscalationStep(e.at(), e.kind(), person(e.by()), e.fromLevel(), e.toLevel(), nullableText(e.toGroup()),
				e.toUser() == null ? null : person(e.toUser()), nullableText(e.reason()));
	}

	private @Nullable Sla sla(@Nullable Sla sla) {
		return sla == null ? null
				: new Sla(nullableText(sla.policy()), sla.ttoDeadline(), sla.ttoState(), sla.ttrDeadline(), sla.ttrState(),
						sla.pausedSoFar());
	}

	private LifecycleStep step(LifecycleStep s) {
		return new LifecycleStep(s.at(), person(s.by()), s.from(), s.to(), s.pendingReason(), s.reopening());
	}

	private TimelineEntry entry(TimelineEntry e) {
		return new TimelineEntry(e.at(), person(e.author()), text(e.body()), e.internal(), e.mergedFrom(), e.byMail());
	}

	private TaskLine task(TaskLine t) {
		return new TaskLine(t.createdAt(), text(t.title()), t.assignee() == null ? null : person(t.assignee()), t.status(),
				t.plannedMinutes(), t.actualMinutes());
	}

	private @Nullable Solution solution(@Nullable Solution s) {
		return s == null ? null : new Solution(text(s.text()), s.kind(), s.resolvedAt());
	}

	private Closure closure(Closure c) {
		return new Closure(c.status(), c.resolvedAt(), c.closedAt(), c.closedAutomatically(), c.reopenCount(),
				nullableText(c.cancelReason()), c.satisfaction(), nullableText(c.satisfactionComment()));
	}

	/** The approvers and delegates become their pseudonyms; the comments and skip reasons go through the texts. */
	private TicketDossier.@Nullable Approval approval(TicketDossier.@Nullable Approval a) {
		return a == null ? null
				: new TicketDossier.Approval(a.outcome(), a.requestedAt(), a.decidedAt(), a.delay(), a.steps()
					.stream()
					.map(s -> new ApprovalStepLine(s.position(), s.kind(), nullableText(s.group()), s.quorum(), s.percent(),
							s.state(),
							nullableText(s.skipReason()), s.fallback(), s.openedAt(), s.closedAt(),
							s.asked().stream().map(this::person).toList(),
							s.decisions().stream()
								.map(d -> new ApprovalDecisionLine(d.at(), person(d.approver()), person(d.decidedBy()),
										d.verdict(), nullableText(d.comment())))
								.toList()))
					.toList());
	}

	private AttachmentLine attachment(AttachmentLine a) {
		return new AttachmentLine(a.at(), person(a.uploadedBy()), pseudonyms.fileName(a.fileName()), a.sizeBytes(),
				a.internal());
	}

	/**
	 * A user becomes their pseudonym; Guichet stays Guichet; a login no user holds any more (an old
	 * assignment) becomes an unknown person's pseudonym, as an unknown mention does.
	 */
	private Person person(Person person) {
		if (person.id() != null) {
			return new Person(person.id(), person.role(), pseudonyms.person(person.id()));
		}
		return person.name().equals(Person.GUICHET) ? person : new Person(null, null, pseudonyms.text("@" + person.name()));
	}

	private String text(String text) {
		return pseudonyms.text(text);
	}

	private @Nullable String nullableText(@Nullable String text) {
		return text == null ? null : pseudonyms.text(text);
	}

}
