package org.guichet.presentation.dossier;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.guichet.approvals.ApprovalOutcome;
import org.guichet.approvals.Quorum;
import org.guichet.approvals.StepKind;
import org.guichet.approvals.StepState;
import org.guichet.approvals.Verdict;
import org.guichet.directory.Role;
import org.guichet.directory.SupportLevel;
import org.guichet.knowledge.ArticleKind;
import org.guichet.knowledge.ArticleLanguage;
import org.guichet.knowledge.ArticleStatus;
import org.guichet.tickets.Channel;
import org.guichet.tickets.EscalationKind;
import org.guichet.tickets.Impact;
import org.guichet.tickets.PendingReason;
import org.guichet.tickets.Priority;
import org.guichet.tickets.SlaState;
import org.guichet.tickets.SolutionKind;
import org.guichet.tickets.Status;
import org.guichet.tickets.TaskStatus;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.jspecify.annotations.Nullable;

/**
 * A ticket's dossier: what happened to it from registration to closure, as data, before any
 * rendering. Every person is a {@link Person} and every text people wrote (title, description,
 * replies, reasons, solution, satisfaction comment) a plain {@code String} as typed (Markdown for
 * the description, the replies and the solution), so that a transformation of the model (such as
 * anonymisation) reaches all of them; codes (statuses, priorities, kinds) are enums, and group,
 * category, SLA policy and routing rule names are the configuration's.
 *
 * @param generatedAt when the dossier was drawn up
 * @param teamView whether it is the IT team's dossier (routing, escalations, SLA and tasks
 *     included); a requester's has those sections empty or null
 * @param internal whether internal notes are in the timeline (only ever in the team's)
 * @param summary what the ticket is
 * @param priority how its priority was derived
 * @param routing the routing rules that fired at its registration, empty if none or not the team's
 * @param assignments who it was put in front of, in order
 * @param escalations its escalations, oldest first
 * @param sla its SLA clocks, null when no policy covers it or for a requester
 * @param steps its status changes, oldest first
 * @param timeline its replies (and internal notes when {@code internal}), oldest first
 * @param tasks its tasks, oldest first
 * @param solution its solution, null while it has none
 * @param closure how it ended, and what the requester thought of it
 * @param attachments the files attached to it (names and sizes, never their content), oldest
 *     first; the internal ones only with the internal notes; empty when left out
 * @param articles the knowledge base articles linked to it that the reader may read (a requester:
 *     published public ones only), one of each translation pair, oldest link first
 * @param approval its approval (module approvals), null when it never needed one; the requester
 *     sees it as the IT team does
 */
public record TicketDossier(Instant generatedAt, boolean teamView, boolean internal, Summary summary,
		PriorityDerivation priority, List<String> routing, List<AssignmentStep> assignments,
		List<EscalationStep> escalations, @Nullable Sla sla, List<LifecycleStep> steps, List<TimelineEntry> timeline,
		List<TaskLine> tasks, @Nullable Solution solution, Closure closure, List<AttachmentLine> attachments,
		List<ArticleLine> articles, @Nullable Approval approval) {

	/**
	 * A person the dossier names.
	 *
	 * @param id the user's id; null for Guichet itself
	 * @param role the user's role in the directory; null for Guichet itself
	 * @param name the name to show (the user's full name, {@value #GUICHET} for Guichet)
	 */
	public record Person(@Nullable Long id, @Nullable Role role, String name) {

		/** The name of Guichet when it acted itself (routing, automatic escalation, closure). */
		public static final String GUICHET = "Guichet";

		/** Guichet itself as the actor of a change. */
		public static Person guichet() {
			return new Person(null, null, GUICHET);
		}

		/** Whether it is Guichet itself rather than a person. */
		public boolean isGuichet() {
			return id == null;
		}

	}

	/**
	 * @param number the ticket's number as shown, e.g. {@code #1042}
	 * @param title as typed
	 * @param description as typed (Markdown)
	 * @param category the category's path ("Printer › Paper jam"), null if none
	 * @param observers the people who follow it besides its requester
	 * @param majorIncident whether it is a major incident
	 * @param children the numbers of its children the reader may see ({@code #12}), by number: for a
	 *     major incident, the tickets resolved with it
	 */
	public record Summary(long ticketId, String number, String title, TicketType type, Channel channel,
			Status status, String description, Person requester, Person registeredBy, @Nullable String category,
			List<Person> observers, Instant createdAt, boolean majorIncident, List<String> children) {
	}

	/**
	 * How the priority came to be.
	 *
	 * @param urgency the urgency now
	 * @param impact the impact now
	 * @param matrixCell the priority the matrix (as configured now) gives for that urgency and impact
	 * @param vip whether the requester is a VIP (one level more than the cell)
	 * @param fromMatrix the priority the matrix gives this ticket, VIP rule included
	 * @param priority the ticket's priority now
	 * @param overrideReason why an agent set it by hand, null when it follows the matrix
	 * @param changes every change of urgency, impact, priority or override, oldest first
	 */
	public record PriorityDerivation(Urgency urgency, Impact impact, Priority matrixCell, boolean vip,
			Priority fromMatrix, Priority priority, @Nullable String overrideReason, List<PriorityChange> changes) {
	}

	/** What a change of the priority's inputs changed. */
	public enum PriorityField {
		URGENCY, IMPACT, PRIORITY, OVERRIDE
	}

	/**
	 * @param from the code before ({@code HIGH}, {@code P2}…), null if none; for {@code OVERRIDE}
	 *     see {@code reason}
	 * @param to the code after, null if none
	 * @param reason for {@code OVERRIDE}, the agent's reason as typed (null when the override was
	 *     removed); null for the other fields
	 */
	public record PriorityChange(Instant at, Person by, PriorityField field, @Nullable String from,
			@Nullable String to, @Nullable String reason) {
	}

	/**
	 * One change of group or technician.
	 *
	 * @param group the new group's name when the group changed, else null
	 * @param groupChanged whether this step changed the group (a null {@code group} then means none)
	 * @param technician the new technician when the technician changed, null when unassigned or unchanged
	 * @param technicianChanged whether this step changed the technician
	 */
	public record AssignmentStep(Instant at, Person by, boolean groupChanged, @Nullable String group,
			boolean technicianChanged, @Nullable Person technician) {
	}

	/**
	 * @param by who escalated it; Guichet for an SLA level
	 * @param toGroup the group it went to, null if none
	 * @param toUser the person called in, null if none
	 * @param reason as typed (or the SLA level's description), null if none
	 */
	public record EscalationStep(Instant at, EscalationKind kind, Person by, @Nullable SupportLevel fromLevel,
			@Nullable SupportLevel toLevel, @Nullable String toGroup, @Nullable Person toUser, @Nullable String reason) {
	}

	/**
	 * The SLA clocks and their verdicts ({@code MET}, {@code MISSED}, {@code STOPPED}) or state
	 * while they run.
	 *
	 * @param pausedSoFar business time the resolution clock was paused
	 */
	public record Sla(@Nullable String policy, Instant ttoDeadline, SlaState ttoState, Instant ttrDeadline,
			SlaState ttrState, Duration pausedSoFar) {
	}

	/**
	 * One status change.
	 *
	 * @param from null at registration
	 * @param pendingReason why it waits, for a change to {@code PENDING}
	 * @param reopening {@code REOPEN} (the team reopened) or {@code REFUSAL} (the requester refused the
	 *     solution) for a reopening, else null
	 */
	public record LifecycleStep(Instant at, Person by, @Nullable Status from, Status to,
			@Nullable PendingReason pendingReason, @Nullable String reopening) {
	}

	/**
	 * A reply or an internal note.
	 *
	 * @param body as typed (Markdown)
	 * @param mergedFrom the number of the duplicate it came from, null if written here
	 * @param byMail whether the reply came by e-mail
	 */
	public record TimelineEntry(Instant at, Person author, String body, boolean internal,
			@Nullable String mergedFrom, boolean byMail) {
	}

	/** A task; durations in minutes, null when not given. */
	public record TaskLine(Instant createdAt, String title, @Nullable Person assignee, TaskStatus status,
			@Nullable Integer plannedMinutes, @Nullable Integer actualMinutes) {
	}

	/** @param text as typed (Markdown) */
	public record Solution(String text, SolutionKind kind, @Nullable Instant resolvedAt) {
	}

	/**
	 * @param closedAutomatically whether Guichet closed it (the requester did not answer in time)
	 * @param cancelReason why it was cancelled, as typed; null unless cancelled with a reason
	 * @param satisfaction the requester's rating, 1 to 5, null if none
	 * @param satisfactionComment as typed, null if none
	 */
	public record Closure(Status status, @Nullable Instant resolvedAt, @Nullable Instant closedAt,
			boolean closedAutomatically, int reopenCount, @Nullable String cancelReason,
			@Nullable Integer satisfaction, @Nullable String satisfactionComment) {
	}

	/**
	 * A file attached to the ticket, named but not included.
	 *
	 * @param fileName as uploaded, without folders
	 * @param sizeBytes its size in bytes
	 * @param internal whether it is the IT team's (attached with an internal note)
	 */
	public record AttachmentLine(Instant at, Person uploadedBy, String fileName, long sizeBytes, boolean internal) {
	}

	/**
	 * The approval the request waited for before work started.
	 *
	 * @param outcome {@code PENDING}, {@code APPROVED}, {@code REFUSED} or {@code WITHDRAWN}
	 * @param decidedAt when it was approved or refused, null otherwise
	 * @param delay from the request to the decision (calendar time, as the KPI "approval delay"
	 *     counts it), null while undecided or withdrawn
	 * @param steps in order
	 */
	public record Approval(ApprovalOutcome outcome, Instant requestedAt, @Nullable Instant decidedAt,
			@Nullable Duration delay, List<ApprovalStepLine> steps) {
	}

	/**
	 * One step of an approval.
	 *
	 * @param group the support group a GROUP step asks, by its name; null for the other kinds
	 * @param percent the share of a PERCENT quorum, null otherwise
	 * @param skipReason the condition that held when the step was skipped, as the catalogue wrote
	 *     it; null when asked
	 * @param fallback nobody of the step was left in the directory: its group's supervisors or the
	 *     administrators were asked
	 * @param asked the people asked, empty before the step opens or when skipped
	 * @param decisions the answers counted, oldest first
	 */
	public record ApprovalStepLine(int position, StepKind kind, @Nullable String group, Quorum quorum,
			@Nullable Integer percent,
			StepState state, @Nullable String skipReason, boolean fallback, @Nullable Instant openedAt,
			@Nullable Instant closedAt, List<Person> asked, List<ApprovalDecisionLine> decisions) {
	}

	/**
	 * One answer of an approver.
	 *
	 * @param approver whose answer it counts as
	 * @param decidedBy who took it: the approver, or their delegate while they were away
	 * @param comment as typed, null if none (a refusal always has one)
	 */
	public record ApprovalDecisionLine(Instant at, Person approver, Person decidedBy, Verdict verdict,
			@Nullable String comment) {
	}

	/**
	 * A knowledge base article linked to the ticket (written from it, or answering it).
	 *
	 * @param title as written
	 */
	public record ArticleLine(long id, String title, ArticleKind kind, ArticleStatus status, ArticleLanguage language) {
	}

}
