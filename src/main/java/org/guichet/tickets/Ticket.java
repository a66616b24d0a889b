package org.guichet.tickets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.system.ConflictException;
import org.guichet.system.InputChecks;
import org.guichet.system.InvalidInputException;
import org.guichet.system.OneLine;
import org.guichet.tickets.TicketEvents.ColleaguesMentioned;
import org.guichet.tickets.TicketEvents.MajorIncidentFlagged;
import org.guichet.tickets.TicketEvents.MajorIncidentResolved;
import org.guichet.tickets.TicketEvents.MajorIncidentUnflagged;
import org.guichet.tickets.TicketEvents.TicketAssigned;
import org.guichet.tickets.TicketEvents.TicketCancelled;
import org.guichet.tickets.TicketEvents.TicketClassified;
import org.guichet.tickets.TicketEvents.TicketCommented;
import org.guichet.tickets.TicketEvents.TicketEscalated;
import org.guichet.tickets.TicketEvents.TicketPriorityChanged;
import org.guichet.tickets.TicketEvents.TicketRequesterReplied;
import org.guichet.tickets.TicketEvents.TicketStatusChanged;
import org.jspecify.annotations.Nullable;

/**
 * An incident, service request or assistance request, from registration to closure.
 * <p>
 * The ticket guards its own state machine: each action checks the current status, refuses with
 * an {@link IllegalTransitionException} that names it, writes the audit trail and registers an
 * event. Who may take an action is decided before, by {@link TicketManagement}, which also
 * publishes the events once the action is done.
 */
@EntityListeners(TicketFactsListener.class)
@Entity
public class Ticket {

	/** The actions a ticket held for its approval still takes: none of them works it. */
	private static final Set<TicketAction> WHILE_HELD = EnumSet.of(TicketAction.ASSIGN, TicketAction.ESCALATE,
			TicketAction.CANCEL);

	/**
	 * What works a ticket without moving it through the state machine: changing its fields
	 * ({@code EDIT}: title, description, type, category, urgency, impact, priority), its tasks
	 * ({@code TASK}), a public reply of the IT team ({@code REPLY}). Refused, as the work
	 * transitions are, while the ticket is held for its approval ({@link #allows(Work)}); internal
	 * notes, observers, links and the requester's own replies stay possible.
	 */
	public enum Work {
		EDIT, TASK, REPLY
	}

	public static final int TITLE_MAX = 200;

	public static final int TEXT_MAX = 20000;

	/** The longest reason (of an escalation, a cancellation), in characters. */
	public static final int REASON_MAX = 2000;

	/** The longest comment of a satisfaction rating, in characters. */
	public static final int RATING_COMMENT_MAX = 2000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Enumerated(EnumType.STRING)
	private TicketType type;

	private String title;

	private String description;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "requester_id", updatable = false)
	private User requester;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "registered_by_id", updatable = false)
	private User registeredBy;

	@Enumerated(EnumType.STRING)
	@Column(updatable = false)
	private Channel channel;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "category_id")
	private @Nullable Category category;

	@Enumerated(EnumType.STRING)
	private Urgency urgency;

	@Enumerated(EnumType.STRING)
	private Impact impact;

	@Enumerated(EnumType.STRING)
	private Priority priority;

	private @Nullable String priorityOverrideReason;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "group_id")
	private @Nullable SupportGroup group;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "assignee_id")
	private @Nullable User assignee;

	@Enumerated(EnumType.STRING)
	private Status status = Status.NEW;

	@Enumerated(EnumType.STRING)
	private @Nullable PendingReason pendingReason;

	/** Held by its approval (module approvals): nobody works it until it is released or cancelled. */
	@Column(name = "approval_hold")
	private boolean approvalHold;

	@Column(updatable = false)
	private Instant createdAt;

	private Instant updatedAt;

	private @Nullable Instant firstResponseAt;

	private @Nullable Instant ownedAt;

	private @Nullable Instant resolvedAt;

	private @Nullable Instant closedAt;

	// Kept by the SLA module through TicketManagement#recordSla and never written by the entity,
	// so that a deadline check neither bumps the version nor overwrites a concurrent edit.
	@Enumerated(EnumType.STRING)
	@Column(insertable = false, updatable = false)
	private @Nullable SlaState slaState;

	@Column(insertable = false, updatable = false)
	private @Nullable Instant slaDueAt;

	private @Nullable String solution;

	/** Why the IT team or the requester cancelled the ticket; null unless cancelled, or merged into another. */
	private @Nullable String cancelReason;

	@Enumerated(EnumType.STRING)
	private @Nullable SolutionKind solutionKind;

	private @Nullable Integer satisfactionRating;

	private @Nullable String satisfactionComment;

	private int reopenCount;

	// Set while a reply of the requester's side waits for the IT team (see reply).
	private @Nullable Instant requesterRepliedAt;

	private @Nullable Instant requesterReplyHandledAt;

	// Computed by the database from the status and the flag above (migration V202612040410): only
	// the list queries read it, as the work queues' index column.
	@Column(insertable = false, updatable = false)
	private boolean inQueue;

	private int escalationCount;

	/** Whether the ticket is a major incident (see {@link MajorIncidents}). */
	private boolean majorIncident;

	@Version
	private long version;

	@ManyToMany
	@JoinTable(name = "ticket_observer", joinColumns = @JoinColumn(name = "ticket_id"),
			inverseJoinColumns = @JoinColumn(name = "user_id"))
	private Set<User> observers = new LinkedHashSet<>();

	// The collections below are only appended to; Hibernate queues additions to an inverse bag
	// without loading it, so an action never reads the whole timeline.
	@OneToMany(mappedBy = "ticket", cascade = CascadeType.PERSIST)
	@OrderBy("id")
	private List<Comment> comments = new ArrayList<>();

	@OneToMany(mappedBy = "ticket", cascade = CascadeType.PERSIST)
	@OrderBy("id")
	private List<Task> tasks = new ArrayList<>();

	@OneToMany(mappedBy = "ticket", cascade = CascadeType.PERSIST)
	@OrderBy("id")
	private List<HistoryEntry> history = new ArrayList<>();

	@Transient
	private final List<Object> events = new ArrayList<>();

	@Transient
	private final Set<Participation> participations = new LinkedHashSet<>();

	@SuppressWarnings("NullAway")
	protected Ticket() {
		this.type = TicketType.INCIDENT;
		this.title = "";
		this.description = "";
		this.channel = Channel.PORTAL;
		this.urgency = Urgency.MEDIUM;
		this.impact = Impact.LOW;
		this.priority = Priority.MEDIUM;
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	/**
	 * Registers a demand. Priority follows the matrix, one level up for a VIP requester.
	 */
	public Ticket(TicketType type, String title, String description, User requester, User registeredBy,
			Channel channel, @Nullable Category category, Urgency urgency, Impact impact, PriorityMatrix matrix,
			Instant at) {
		this.type = Objects.requireNonNull(type);
		checkDemand(title, description);
		this.title = checkedTitle(title);
		this.description = checkedText("description", description);
		this.requester = requester;
		this.registeredBy = registeredBy;
		this.channel = channel;
		this.category = category;
		this.urgency = urgency;
		this.impact = impact;
		this.priority = matrix.priorityOf(urgency, impact, requester.isVip());
		this.createdAt = at;
		this.updatedAt = at;
		record(registeredBy, at, "status", null, Status.NEW.name());
		tookPart(registeredBy, ParticipantRole.REGISTERED);
	}

	// --- Assignment -------------------------------------------------------------------------

	/**
	 * Puts the ticket in front of a group and, optionally, one of its technicians.
	 */
	public void assign(@Nullable SupportGroup newGroup, @Nullable User technician, @Nullable User by, Instant at) {
		assignAs(by, newGroup, technician, at);
	}

	/**
	 * Applies what routing decided at registration, naming the rules that fired in the history;
	 * Guichet itself is the actor.
	 */
	void route(List<String> rules, @Nullable SupportGroup newGroup, @Nullable User technician,
			List<User> newObservers, Instant at) {
		record(null, at, "routing", null, String.join(", ", rules));
		if (newGroup != null || technician != null) {
			assignAs(null, newGroup, technician, at);
		}
		for (User observer : newObservers) {
			if (observers.add(observer)) {
				record(null, at, "observers", null, observer.getUsername());
			}
		}
	}

	private void assignAs(@Nullable User by, @Nullable SupportGroup newGroup, @Nullable User technician,
			Instant at) {
		guard(TicketAction.ASSIGN);
		if (!sameEntity(group, newGroup)) {
			record(by, at, "group", groupName(group), groupName(newGroup));
			group = newGroup;
			tookPart(by, ParticipantRole.DISPATCHED);
		}
		boolean handedOver = !sameEntity(assignee, technician);
		if (handedOver) {
			record(by, at, "assignee", userName(assignee), userName(technician));
			assignee = technician;
			tookPart(technician, ParticipantRole.ASSIGNED);
			if (!sameEntity(by, technician)) {
				tookPart(by, ParticipantRole.DISPATCHED);
			}
		}
		// handed over to someone else, a ticket in progress waits until its new technician takes it
		if (assignee != null && (status == Status.NEW || (status == Status.IN_PROGRESS && handedOver))) {
			moveTo(Status.ASSIGNED, by, at);
		}
		else if (assignee == null && (status == Status.ASSIGNED || status == Status.IN_PROGRESS)) {
			moveTo(Status.NEW, by, at);
		}
		touch(at);
		registerEvent(new TicketAssigned(id(), group == null ? null : group.getId(),
				assignee == null ? null : assignee.getId(), at));
	}

	/**
	 * The technician takes the ticket in charge: it is theirs and work starts (time to own).
	 */
	public void take(User technician, Instant at) {
		guard(TicketAction.TAKE);
		if (!sameEntity(assignee, technician)) {
			record(technician, at, "assignee", userName(assignee), userName(technician));
			assignee = technician;
			registerEvent(new TicketAssigned(id(), group == null ? null : group.getId(), technician.getId(), at));
		}
		markOwned(at);
		moveTo(Status.IN_PROGRESS, technician, at);
		tookPart(technician, ParticipantRole.TOOK);
		touch(at);
	}

	// --- Escalation -------------------------------------------------------------------------

	/**
	 * Functional escalation: the ticket moves to a group of a higher support level than its
	 * own (a ticket without group is at N1), and to the chosen member of that group or to none.
	 */
	public Escalation escalate(SupportGroup target, @Nullable User technician, String reason, User by, Instant at) {
		guard(TicketAction.ESCALATE);
		String why = checkedReason(reason);
		SupportLevel current = group == null ? SupportLevel.N1 : group.getLevel();
		if (target.getLevel().compareTo(current) <= 0) {
			throw new InvalidInputException("groupId", "escalation.level-not-higher",
					"Escalate to a group of a higher support level than " + current, target.getName(),
					target.getLevel().name(), current.name());
		}
		Escalation escalation = new Escalation(id().value(), EscalationKind.FUNCTIONAL, group, target, technician,
				why, by, at);
		record(by, at, "escalationFunctional", groupName(group),
				target.getName() + " (" + target.getLevel() + ") : " + why);
		assign(target, technician, by, at);
		tookPart(by, ParticipantRole.ESCALATED);
		return escalated(escalation, at);
	}

	/**
	 * Hierarchical escalation: the supervisor is called in. They follow the ticket as an
	 * observer; the ticket stays with its group and technician.
	 */
	public Escalation escalateToSupervisor(User supervisor, String reason, User by, Instant at) {
		guard(TicketAction.ESCALATE);
		String why = checkedReason(reason);
		Escalation escalation = new Escalation(id().value(), EscalationKind.HIERARCHICAL, group, null, supervisor, why,
				by, at);
		record(by, at, "escalationHierarchical", null, supervisor.getFullName() + " : " + why);
		addObserver(supervisor, by, at);
		tookPart(by, ParticipantRole.ESCALATED);
		tookPart(supervisor, ParticipantRole.CALLED_IN);
		return escalated(escalation, at);
	}

	/**
	 * A level of the ticket's SLA policy fired; Guichet is the actor of what it changes.
	 *
	 * @param level says which level, for the history
	 * @param target the group to move the ticket to (its technician is cleared), or null
	 * @param observer a person to add as observer, or null
	 */
	public Escalation escalateAutomatically(String level, boolean raisePriority, @Nullable SupportGroup target,
			@Nullable User technician, @Nullable User observer, Instant at) {
		guard(TicketAction.ESCALATE);
		Escalation escalation = new Escalation(id().value(), EscalationKind.AUTOMATIC, group, target, observer, level,
				null, at);
		record(null, at, "escalationAutomatic", null, level);
		if (raisePriority && priority != priority.raised()) {
			record(null, at, "priorityOverrideReason", priorityOverrideReason, level);
			priorityOverrideReason = level;
			changePriority(priority.raised(), null, at);
		}
		if (target != null && !sameEntity(group, target)) {
			assignAs(null, target, technician, at);
		}
		if (observer != null && observers.add(observer)) {
			record(null, at, "observers", null, observer.getUsername());
		}
		tookPart(observer, ParticipantRole.CALLED_IN);
		return escalated(escalation, at);
	}

	private Escalation escalated(Escalation escalation, Instant at) {
		escalationCount++;
		touch(at);
		registerEvent(new TicketEscalated(id(), escalation.getKind(),
				escalation.getFromGroup() == null ? null : escalation.getFromGroup().getId(),
				escalation.getToGroup() == null ? null : escalation.getToGroup().getId(),
				escalation.getToUser() == null ? null : escalation.getToUser().getId(),
				escalation.getBy() == null ? null : escalation.getBy().getId(), at));
		return escalation;
	}

	private static String checkedReason(String reason) {
		String text = checkedText("reason", reason);
		if (text.length() > REASON_MAX) {
			throw new InvalidInputException("reason", "field.too-long", "The reason is too long", REASON_MAX);
		}
		return text;
	}

	// --- Work -------------------------------------------------------------------------------

	public void putPending(PendingReason reason, User by, Instant at) {
		guard(TicketAction.PENDING);
		record(by, at, "pendingReason", null, reason.name());
		pendingReason = reason;
		moveTo(Status.PENDING, by, at);
		touch(at);
	}

	/**
	 * A new ticket waits for its approval: Pending with the reason APPROVAL, and held (no work
	 * action is taken on it, only assignment, escalation and cancellation) until
	 * {@link #releaseFromApproval} or a cancellation. Guichet itself is the actor.
	 *
	 * @throws IllegalTransitionException unless the ticket is new or assigned
	 */
	void holdForApproval(Instant at) {
		if (status != Status.NEW && status != Status.ASSIGNED) {
			throw new IllegalTransitionException(id(), TicketAction.PENDING, status);
		}
		record(null, at, "pendingReason", null, PendingReason.APPROVAL.name());
		pendingReason = PendingReason.APPROVAL;
		approvalHold = true;
		moveTo(Status.PENDING, null, at);
		touch(at);
	}

	/**
	 * Its approval is granted: the ticket goes to its group with the status a new ticket would
	 * have (assigned when routing named a technician, else new). Guichet itself is the actor.
	 *
	 * @throws IllegalTransitionException unless the ticket is held for approval
	 */
	void releaseFromApproval(Instant at) {
		if (!approvalHold) {
			throw new IllegalTransitionException(id(), TicketAction.RESUME, status);
		}
		approvalHold = false;
		record(null, at, "pendingReason", PendingReason.APPROVAL.name(), null);
		pendingReason = null;
		moveTo(assignee == null ? Status.NEW : Status.ASSIGNED, null, at);
		touch(at);
	}

	/** Whether the ticket waits for its approval (module approvals): nobody works it meanwhile. */
	public boolean isHeldForApproval() {
		return approvalHold;
	}

	public void resume(User by, Instant at) {
		guard(TicketAction.RESUME);
		leavePending(by, at);
		touch(at);
	}

	public void resolve(String solutionText, SolutionKind kind, User by, Instant at) {
		guard(TicketAction.RESOLVE);
		String text = checkedText("solution", solutionText);
		if (assignee == null) {
			record(by, at, "assignee", null, userName(by));
			assignee = by;
		}
		markOwned(at);
		pendingReason = null;
		record(by, at, "solution", solution, text);
		record(by, at, "solutionKind", solutionKind == null ? null : solutionKind.name(), kind.name());
		solution = text;
		solutionKind = kind;
		resolvedAt = at;
		moveTo(Status.RESOLVED, by, at);
		tookPart(by, ParticipantRole.RESOLVED);
		touch(at);
		if (majorIncident) {
			registerEvent(new MajorIncidentResolved(id(), by.id().value(), text, kind, at));
		}
	}

	/**
	 * The requester confirms that a published public article of the knowledge base solved their
	 * problem ("This solved my problem", docs/LIFECYCLE.md "Resolved by self-service"): the ticket is
	 * resolved with the article as its solution, of kind {@link SolutionKind#SELF_SERVICE}, the
	 * article recorded ({@code selfServiceArticle}: its id and title), the requester as actor, and
	 * closed at the same instant (they already accepted it). Nobody becomes its assignee, and nobody
	 * of the IT team owned it ({@code ownedAt} stays null).
	 *
	 * @param solutionText the article as the solution reads it (Markdown: its title and link)
	 * @param article the article, as the history shows it: {@code "#id title"}
	 * @throws IllegalTransitionException unless the ticket is new or assigned (nobody took it yet)
	 * @throws ConflictException while it is held for its approval
	 */
	void resolveBySelfService(String solutionText, String article, User requester, Instant at) {
		if (approvalHold) {
			throw heldForApproval();
		}
		if (status != Status.NEW && status != Status.ASSIGNED) {
			throw new IllegalTransitionException(id(), TicketAction.RESOLVE, status);
		}
		String text = checkedText("solution", solutionText);
		record(requester, at, "selfServiceArticle", null, article);
		record(requester, at, "solution", solution, text);
		record(requester, at, "solutionKind", solutionKind == null ? null : solutionKind.name(),
				SolutionKind.SELF_SERVICE.name());
		solution = text;
		solutionKind = SolutionKind.SELF_SERVICE;
		resolvedAt = at;
		moveTo(Status.RESOLVED, requester, at);
		close(requester, at);
	}

	// --- Major incident ---------------------------------------------------------------------

	/**
	 * Flags the ticket as a major incident: its priority becomes {@link Priority#MAJOR} as an
	 * agent's override, with {@code reason}, and the flag is recorded ({@code majorIncident}).
	 * Whether it may be flagged is {@link MajorIncidents}' rule.
	 *
	 * @throws InvalidInputException (field {@code priorityOverrideReason}) for a blank or too long reason
	 */
	void flagMajorIncident(String reason, User by, Instant at) {
		overridePriority(Priority.MAJOR, reason, by, at);
		record(by, at, "majorIncident", null, "true");
		majorIncident = true;
		registerEvent(new MajorIncidentFlagged(id(), by.id().value(), at));
	}

	/**
	 * The ticket is no longer a major incident: the flag's removal is recorded and the priority
	 * goes back to the matrix's. Its children stay linked to it.
	 */
	void unflagMajorIncident(PriorityMatrix matrix, User by, Instant at) {
		record(by, at, "majorIncident", "true", null);
		majorIncident = false;
		clearPriorityOverride(matrix, by, at);
		touch(at);
		registerEvent(new MajorIncidentUnflagged(id(), by.id().value(), at));
	}

	/**
	 * Resolves this child of a major incident with the major incident's solution and kind, the
	 * major incident's number recorded as why ({@code resolvedWithMajorIncident}); closed at once
	 * when requesters do not validate solutions ({@code close}).
	 */
	void resolveWithMajorIncident(TicketId major, String solutionText, SolutionKind kind, boolean close, User by,
			Instant at) {
		record(by, at, "resolvedWithMajorIncident", null, major.toString());
		if (close) {
			resolveAndClose(solutionText, kind, by, at);
		}
		else {
			resolve(solutionText, kind, by, at);
		}
	}

	// --- Closure ----------------------------------------------------------------------------

	/**
	 * Resolves the ticket as {@link #resolve} does, then closes it at the same instant: a desk
	 * whose requesters do not validate solutions ({@link ClosureSettings#requesterValidation()}
	 * off). Two status changes at {@code at}, to RESOLVED then to CLOSED, so the SLA clocks and the
	 * KPIs read a resolution and a closure as always.
	 */
	public void resolveAndClose(String solutionText, SolutionKind kind, User by, Instant at) {
		resolve(solutionText, kind, by, at);
		close(by, at);
	}

	/**
	 * The requester says the problem is solved: the ticket closes. A message ("thank you, it
	 * works") is kept as a public reply; it is not a reopening.
	 *
	 * @param message may be null or blank for none
	 */
	public void accept(User by, @Nullable String message, Instant at) {
		guard(TicketAction.ACCEPT);
		if (message != null && !message.isBlank()) {
			publicComment(by, checkedText("reason", message), true, at);
		}
		close(by, at);
	}

	/**
	 * The requester refuses the solution: the reason is added as a public reply and the ticket
	 * goes back to its technician, without its solution. Counts as a reopening.
	 *
	 * @return the reply holding the reason
	 */
	public Comment refuse(String reason, User by, Instant at) {
		guard(TicketAction.REFUSE);
		Comment comment = publicComment(by, checkedText("reason", reason), true, at);
		reopenAs(Reopening.REFUSAL, by, at);
		return comment;
	}

	/** The IT team takes back a resolved or closed ticket, without its solution. Counts as a reopening. */
	public void reopen(User by, Instant at) {
		guard(TicketAction.REOPEN);
		reopenAs(Reopening.REOPEN, by, at);
	}

	/**
	 * The solution is no longer the ticket's: its withdrawal is recorded in the history, where
	 * the text stays readable as a past solution, and the ticket is unsolved again.
	 */
	private void reopenAs(Reopening kind, User by, Instant at) {
		reopenCount++;
		record(by, at, "reopenCount", String.valueOf(reopenCount - 1), String.valueOf(reopenCount));
		record(by, at, "reopening", null, kind.name());
		if (solution != null) {
			record(by, at, "solution", solution, null);
			solution = null;
		}
		if (solutionKind != null) {
			record(by, at, "solutionKind", solutionKind.name(), null);
			solutionKind = null;
		}
		resolvedAt = null;
		closedAt = null;
		moveTo(assignee == null ? Status.NEW : Status.IN_PROGRESS, by, at);
		touch(at);
	}

	/**
	 * The IT team or the requester cancels the ticket, saying why: the reason is kept on the
	 * ticket and in its history, and the requester is told when someone else cancelled it.
	 *
	 * @param reason required, at most 2,000 characters
	 * @throws InvalidInputException on field {@code reason} when it is blank or too long
	 */
	public void cancel(String reason, User by, Instant at) {
		guard(TicketAction.CANCEL);
		String text = checkedReason(reason);
		record(by, at, "cancelReason", cancelReason, text);
		cancelReason = text;
		cancelled(by, at);
		registerEvent(new TicketCancelled(id(), requester.id().value(), Objects.requireNonNull(by.getId()), at));
	}

	/** A duplicate merged into another ticket is cancelled without a reason of its own (see {@link TicketMerge}). */
	void cancelAsMerged(User by, Instant at) {
		guard(TicketAction.CANCEL);
		cancelled(by, at);
	}

	private void cancelled(User by, Instant at) {
		pendingReason = null;
		approvalHold = false;
		closedAt = at;
		moveTo(Status.CANCELLED, by, at);
		touch(at);
	}

	/**
	 * Closes a resolved ticket the requester left unanswered; Guichet itself is the actor.
	 */
	public void closeUnanswered(Instant at) {
		guard(TicketAction.AUTO_CLOSE);
		close(null, at);
	}

	public void rate(int rating, @Nullable String comment, User by, Instant at) {
		if (status != Status.RESOLVED && status != Status.CLOSED) {
			throw new InvalidInputException("rating", "ticket.rating.not-resolved",
					"Only a resolved or closed ticket can be rated");
		}
		if (rating < 1 || rating > 5) {
			throw new InvalidInputException("rating", "ticket.rating.range", "The rating must be between 1 and 5");
		}
		String text = comment == null || comment.isBlank() ? null : comment.strip();
		if (text != null && text.length() > RATING_COMMENT_MAX) {
			throw new InvalidInputException("comment", "field.too-long", "The comment is too long", RATING_COMMENT_MAX);
		}
		record(by, at, "satisfaction", satisfactionRating == null ? null : String.valueOf(satisfactionRating),
				String.valueOf(rating));
		satisfactionRating = rating;
		satisfactionComment = text;
		touch(at);
	}

	// --- Timeline ---------------------------------------------------------------------------

	/**
	 * A public reply. The IT team's first reply is the first response, and any reply of the team
	 * takes up a pending "requester replied" flag. What a reply of the requester's side (the
	 * requester or an observer) does depends on what the ticket waits for:
	 * <ul>
	 * <li>pending on the user: the ticket resumes;</li>
	 * <li>pending on a supplier or an approval: it stays pending, flagged "requester replied";</li>
	 * <li>resolved: flagged "requester replied", which suspends automatic closure, or, when
	 * {@code toResolved} is {@link ReplyToResolved#REFUSE} and the author is the requester, a
	 * refusal of the solution with the message as the reason;</li>
	 * <li>closed or cancelled: refused with {@link TicketClosedException}, nothing is added;</li>
	 * <li>new, assigned, in progress: the reply is added, nothing else changes.</li>
	 * </ul>
	 * A reply that says whether the problem is solved is {@link #accept} or {@link #refuse}.
	 *
	 * @param toResolved the desk's rule for a reply to a resolved ticket
	 */
	public Comment reply(User author, String body, ReplyToResolved toResolved, Instant at) {
		String text = checkedText("body", body);
		if (!isRequesterSide(author)) {
			guard(Work.REPLY);
			Comment comment = publicComment(author, text, false, at);
			if (firstResponseAt == null) {
				firstResponseAt = at;
			}
			tookPart(author, ParticipantRole.WROTE);
			takeUpRequesterReply(author, at);
			touch(at);
			return comment;
		}
		if (status == Status.CLOSED || status == Status.CANCELLED) {
			throw new TicketClosedException(id(), status);
		}
		if (status == Status.RESOLVED && toResolved == ReplyToResolved.REFUSE && sameEntity(requester, author)) {
			return refuse(text, author, at);
		}
		Comment comment = publicComment(author, text, true, at);
		if (status == Status.PENDING && pendingReason == PendingReason.USER) {
			leavePending(author, at);
		}
		else if (status == Status.PENDING || status == Status.RESOLVED) {
			flagRequesterReply(author, at);
		}
		touch(at);
		return comment;
	}

	public Comment addInternalNote(User author, String body, Instant at) {
		Comment comment = new Comment(this, author, checkedText("body", body), true, at);
		comments.add(comment);
		tookPart(author, ParticipantRole.WROTE);
		takeUpRequesterReply(author, at);
		touch(at);
		registerEvent(new TicketCommented(id(), true, false, at));
		return comment;
	}

	/**
	 * Colleagues named ({@code @login}) in one of the ticket's comments take part in it, so they
	 * can read it wherever it moves, and are told, once for that comment.
	 *
	 * @param colleagues active members of the IT team other than the comment's author; none does nothing
	 */
	void mention(List<User> colleagues, Comment comment, Instant at) {
		if (colleagues.isEmpty()) {
			return;
		}
		colleagues.forEach(colleague -> tookPart(colleague, ParticipantRole.MENTIONED));
		registerEvent(new ColleaguesMentioned(id(), colleagues.stream().map(User::getId).toList(),
				Objects.requireNonNull(comment.getAuthor().getId()), comment.isInternal(), at));
	}

	private Comment publicComment(User author, String text, boolean byRequester, Instant at) {
		Comment comment = new Comment(this, author, text, false, at);
		comments.add(comment);
		registerEvent(new TicketCommented(id(), false, byRequester, at));
		return comment;
	}

	/** The flag keeps the first unanswered reply's instant; each reply is told to the team. */
	private void flagRequesterReply(User author, Instant at) {
		if (requesterRepliedAt == null) {
			record(author, at, "requesterReplied", null, at.toString());
			requesterRepliedAt = at;
		}
		registerEvent(new TicketRequesterReplied(id(), status, assignee == null ? null : assignee.getId(),
				group == null ? null : group.getId(), author.id().value(), at));
	}

	/**
	 * Clears the "requester replied" flag once the IT team acts on the ticket (any change, reply or
	 * note of theirs) or its status changes; Guichet's own changes (by == null) leave it.
	 */
	private void takeUpRequesterReply(@Nullable User by, Instant at) {
		Instant flagged = requesterRepliedAt;
		if (flagged == null) {
			return;
		}
		requesterRepliedAt = null;
		requesterReplyHandledAt = at;
		history.add(new HistoryEntry(this, at, by, "requesterReplied", flagged.toString(), null));
	}

	public Task addTask(String taskTitle, @Nullable User taskAssignee, @Nullable Integer plannedMinutes, User by,
			Instant at) {
		guard(Work.TASK);
		Task task = new Task(this, checkedTitle(taskTitle), taskAssignee, checkedMinutes("plannedMinutes", plannedMinutes),
				at);
		tasks.add(task);
		record(by, at, "task", null, task.getTitle());
		touch(at);
		return task;
	}

	public void updateTask(Task task, TaskStatus newStatus, @Nullable Integer actualMinutes, User by, Instant at) {
		guard(Work.TASK);
		record(by, at, "task", task.getTitle() + ": " + task.getStatus(), task.getTitle() + ": " + newStatus);
		task.update(newStatus, checkedMinutes("actualMinutes", actualMinutes));
		touch(at);
	}

	Attachment attach(User by, String fileName, String contentType, long size, boolean internal, Instant at) {
		record(by, at, "attachment", null, fileName);
		touch(at);
		return new Attachment(this, by, fileName, contentType, size, internal, at);
	}

	/**
	 * Links this ticket to {@code target} ("this KIND target"), recorded in the history of both.
	 *
	 * @throws InvalidInputException when both are the same ticket
	 */
	TicketLink link(TicketLinkKind kind, Ticket target, User by, Instant at) {
		if (Objects.equals(id, target.id)) {
			throw new InvalidInputException(kind.field(), "ticket.link.self", "A ticket cannot be linked to itself");
		}
		record(by, at, kind.field(), null, target.getNumber());
		target.record(by, at, kind.inverseField(), null, getNumber());
		touch(at);
		return new TicketLink(kind, this, target, by, at);
	}

	/** Removes the link, from this ticket's or the other's side, recording it in the history of both. */
	void unlink(TicketLink link, User by, Instant at) {
		Ticket source = link.getSource();
		Ticket target = link.getTarget();
		source.record(by, at, link.getKind().field(), target.getNumber(), null);
		target.record(by, at, link.getKind().inverseField(), source.getNumber(), null);
		source.touch(at);
		target.touch(at);
	}

	// --- Fields -----------------------------------------------------------------------------

	public void retitle(String newTitle, User by, Instant at) {
		guard(Work.EDIT);
		String checked = checkedTitle(newTitle);
		if (!checked.equals(title)) {
			record(by, at, "title", title, checked);
			title = checked;
			touch(at);
		}
	}

	public void describe(String newDescription, User by, Instant at) {
		guard(Work.EDIT);
		String checked = checkedText("description", newDescription);
		if (!checked.equals(description)) {
			record(by, at, "description", description, checked);
			description = checked;
			touch(at);
		}
	}

	public void retype(TicketType newType, @Nullable User by, Instant at) {
		guard(Work.EDIT);
		if (newType != type) {
			record(by, at, "type", type.name(), newType.name());
			type = newType;
			touch(at);
			registerClassified(at);
		}
	}

	public void categorise(@Nullable Category newCategory, @Nullable User by, Instant at) {
		guard(Work.EDIT);
		if (!sameEntity(category, newCategory)) {
			record(by, at, "category", category == null ? null : category.getPath(),
					newCategory == null ? null : newCategory.getPath());
			category = newCategory;
			touch(at);
			registerClassified(at);
		}
	}

	/**
	 * Changes urgency and impact; the priority follows the matrix unless an agent overrode it.
	 *
	 * @param by who changed them; null for Guichet itself (the assistant's triage)
	 */
	public void prioritise(Urgency newUrgency, Impact newImpact, PriorityMatrix matrix, @Nullable User by,
			Instant at) {
		guard(Work.EDIT);
		if (newUrgency != urgency) {
			record(by, at, "urgency", urgency.name(), newUrgency.name());
			urgency = newUrgency;
		}
		if (newImpact != impact) {
			record(by, at, "impact", impact.name(), newImpact.name());
			impact = newImpact;
		}
		if (priorityOverrideReason == null) {
			changePriority(matrix.priorityOf(urgency, impact, requester.isVip()), by, at);
		}
		touch(at);
	}

	/**
	 * An agent sets the priority by hand; the reason stays visible on the ticket.
	 */
	public void overridePriority(Priority newPriority, String reason, User by, Instant at) {
		guard(Work.EDIT);
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("priorityOverrideReason", "ticket.priority.reason-required",
					"Say why the priority differs from the matrix");
		}
		String text = reason.strip();
		if (text.length() > 500) {
			throw new InvalidInputException("priorityOverrideReason", "field.too-long", "The reason is too long", 500);
		}
		record(by, at, "priorityOverrideReason", priorityOverrideReason, text);
		priorityOverrideReason = text;
		changePriority(newPriority, by, at);
		touch(at);
	}

	/** Back to the matrix's priority. */
	public void clearPriorityOverride(PriorityMatrix matrix, User by, Instant at) {
		guard(Work.EDIT);
		if (priorityOverrideReason != null) {
			record(by, at, "priorityOverrideReason", priorityOverrideReason, null);
			priorityOverrideReason = null;
			changePriority(matrix.priorityOf(urgency, impact, requester.isVip()), by, at);
			touch(at);
		}
	}

	public void addObserver(User observer, User by, Instant at) {
		if (observers.add(observer)) {
			record(by, at, "observers", null, observer.getUsername());
			tookPart(observer, ParticipantRole.OBSERVED);
			touch(at);
		}
	}

	public void removeObserver(User observer, User by, Instant at) {
		if (observers.removeIf(o -> sameEntity(o, observer))) {
			record(by, at, "observers", observer.getUsername(), null);
			touch(at);
		}
	}

	// --- Rules ------------------------------------------------------------------------------

	/**
	 * The requester, or a user observing for them. A member of the IT team who observes (a
	 * supervisor called in by an escalation) speaks for the IT team.
	 */
	public boolean isRequesterSide(User user) {
		return sameEntity(requester, user)
				|| (!user.getRole().isAgent() && observers.stream().anyMatch(o -> sameEntity(o, user)));
	}

	/**
	 * Whether the action may be taken now: its status allows it and, while the ticket is held for
	 * its approval, it is one of those that do not work it (assign, escalate, cancel). The pages
	 * offer what this allows; the action itself refuses the rest.
	 */
	public boolean allows(TicketAction action) {
		return action.allowedFrom(status) && (!approvalHold || WHILE_HELD.contains(action));
	}

	/** Whether that work may be done now: never while the ticket is held for its approval. */
	public boolean allows(Work work) {
		return !approvalHold;
	}

	private void guard(TicketAction action) {
		if (!action.allowedFrom(status)) {
			throw new IllegalTransitionException(id(), action, status);
		}
		if (!allows(action)) {
			throw heldForApproval();
		}
	}

	private void guard(Work work) {
		if (!allows(work)) {
			throw heldForApproval();
		}
	}

	private ConflictException heldForApproval() {
		return new ConflictException("ticket.approval-hold",
				"Ticket " + id() + " waits for its approval: nobody works it before", id().toString());
	}

	private void close(@Nullable User by, Instant at) {
		closedAt = at;
		moveTo(Status.CLOSED, by, at);
		touch(at);
	}

	private void leavePending(User by, Instant at) {
		record(by, at, "pendingReason", pendingReason == null ? null : pendingReason.name(), null);
		pendingReason = null;
		moveTo(Status.IN_PROGRESS, by, at);
	}

	private void markOwned(Instant at) {
		if (ownedAt == null) {
			ownedAt = at;
		}
	}

	private void changePriority(Priority newPriority, @Nullable User by, Instant at) {
		if (newPriority != priority) {
			record(by, at, "priority", priority.name(), newPriority.name());
			registerEvent(new TicketPriorityChanged(id(), type, priority, newPriority, at));
			priority = newPriority;
		}
	}

	private void moveTo(Status target, @Nullable User by, Instant at) {
		if (target != status) {
			takeUpRequesterReply(by, at);
			record(by, at, "status", status.name(), target.name());
			registerEvent(new TicketStatusChanged(id(), status, target, target == Status.PENDING ? pendingReason : null,
					at));
			status = target;
		}
	}

	private void record(@Nullable User by, Instant at, String field, @Nullable String oldValue,
			@Nullable String newValue) {
		history.add(new HistoryEntry(this, at, by, field, oldValue, newValue));
		if (requesterRepliedAt != null && by != null && !isRequesterSide(by)) {
			takeUpRequesterReply(by, at);
		}
	}

	/**
	 * Notes how the person's action just recorded came in when it was not through the pages or the
	 * API, e.g. {@link TicketManagement#SIGNED_LINK}.
	 */
	void recordWayIn(User by, String way, Instant at) {
		record(by, at, "wayIn", null, way);
	}

	/** What a person did on the ticket through another module, e.g. a diagnosis step ticked. */
	void recordWork(User by, String field, @Nullable String oldValue, @Nullable String newValue, Instant at) {
		record(by, at, field, oldValue, newValue);
	}

	/** A change Guichet itself made, e.g. a deadline another module recomputed. */
	void recordSystemChange(String field, @Nullable String oldValue, @Nullable String newValue, Instant at) {
		record(null, at, field, oldValue, newValue);
	}

	private void registerClassified(Instant at) {
		registerEvent(new TicketClassified(id(), type, category == null ? null : category.getId(), at));
	}

	private void registerEvent(Object event) {
		events.add(event);
	}

	/**
	 * A member of the IT team took part in the ticket (see {@link ParticipantRole}); Guichet
	 * itself (null) and the requester's side are not recorded.
	 */
	private void tookPart(@Nullable User person, ParticipantRole role) {
		Long personId = person == null ? null : person.getId();
		if (person != null && personId != null && person.getRole().isAgent()) {
			participations.add(new Participation(personId, role));
		}
	}

	/** The IT team's participations in the actions taken since the last call, each once. */
	Set<Participation> pullParticipations() {
		Set<Participation> pulled = Set.copyOf(participations);
		participations.clear();
		return pulled;
	}

	/** A member of the IT team (their user id) took part in the ticket in this role. */
	record Participation(long userId, ParticipantRole role) {
	}

	/** The events of the actions taken since the last call, oldest first. */
	List<Object> pullEvents() {
		List<Object> pulled = List.copyOf(events);
		events.clear();
		return pulled;
	}

	private void touch(Instant at) {
		if (at.isAfter(updatedAt)) {
			updatedAt = at;
		}
	}

	/**
	 * Checks the texts of a new demand as the constructor does.
	 * @throws InvalidInputException for every text refused at once (see {@link InvalidInputException#others()})
	 */
	public static void checkDemand(@Nullable String title, @Nullable String description) {
		InputChecks checks = new InputChecks();
		checks.check(() -> checkedTitle(title));
		checks.check(() -> checkedText("description", description));
		checks.refuseIfAny();
	}

	/** A ticket's or a task's title: one line ({@link OneLine}) of 1 to {@link #TITLE_MAX} characters, stripped. */
	private static String checkedTitle(String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException("title", "field.required", "A title is required");
		}
		OneLine.Check.check("title", value);
		String text = value.strip();
		if (text.length() > TITLE_MAX) {
			throw new InvalidInputException("title", "field.too-long", "The title is too long", TITLE_MAX);
		}
		return text;
	}

	private static String checkedText(String field, String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(field, "field.required", "The field " + field + " is required");
		}
		String text = value.strip();
		if (text.length() > TEXT_MAX) {
			throw new InvalidInputException(field, "field.too-long", "The field " + field + " is too long", TEXT_MAX);
		}
		return text;
	}

	private static @Nullable Integer checkedMinutes(String field, @Nullable Integer minutes) {
		if (minutes != null && (minutes < 0 || minutes > 100_000)) {
			throw new InvalidInputException(field, "field.minutes", "Enter a number of minutes from 0 to 100000");
		}
		return minutes;
	}

	private static boolean sameEntity(@Nullable Object a, @Nullable Object b) {
		if (a == null || b == null) {
			return a == b;
		}
		return Objects.equals(idOf(a), idOf(b)) && idOf(a) != null;
	}

	private static @Nullable Long idOf(Object entity) {
		if (entity instanceof User user) {
			return user.getId();
		}
		if (entity instanceof SupportGroup g) {
			return g.getId();
		}
		if (entity instanceof Category c) {
			return c.getId();
		}
		throw new IllegalArgumentException(entity.getClass().getName());
	}

	private static @Nullable String userName(@Nullable User user) {
		return user == null ? null : user.getUsername();
	}

	private static @Nullable String groupName(@Nullable SupportGroup group) {
		return group == null ? null : group.getName();
	}

	// --- Reading ----------------------------------------------------------------------------

	/** The ticket's identity; a ticket not yet saved answers {@code #0}. */
	public TicketId id() {
		return new TicketId(id == null ? 0 : id);
	}

	public @Nullable Long getId() {
		return id;
	}

	public String getNumber() {
		return id().toString();
	}

	public TicketType getType() {
		return type;
	}

	public String getTitle() {
		return title;
	}

	public String getDescription() {
		return description;
	}

	public User getRequester() {
		return requester;
	}

	public User getRegisteredBy() {
		return registeredBy;
	}

	public Channel getChannel() {
		return channel;
	}

	public @Nullable Category getCategory() {
		return category;
	}

	public Urgency getUrgency() {
		return urgency;
	}

	public Impact getImpact() {
		return impact;
	}

	public Priority getPriority() {
		return priority;
	}

	public @Nullable String getPriorityOverrideReason() {
		return priorityOverrideReason;
	}

	public boolean isPriorityOverridden() {
		return priorityOverrideReason != null;
	}

	public @Nullable SupportGroup getGroup() {
		return group;
	}

	public @Nullable User getAssignee() {
		return assignee;
	}

	public Status getStatus() {
		return status;
	}

	public @Nullable PendingReason getPendingReason() {
		return pendingReason;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

	public @Nullable Instant getFirstResponseAt() {
		return firstResponseAt;
	}

	public @Nullable Instant getOwnedAt() {
		return ownedAt;
	}

	public @Nullable Instant getResolvedAt() {
		return resolvedAt;
	}

	public @Nullable Instant getClosedAt() {
		return closedAt;
	}

	public @Nullable String getSolution() {
		return solution;
	}

	public @Nullable SolutionKind getSolutionKind() {
		return solutionKind;
	}

	/** Why the ticket was cancelled; null when it was not, or was merged into another. */
	public @Nullable String getCancelReason() {
		return cancelReason;
	}

	public @Nullable Integer getSatisfactionRating() {
		return satisfactionRating;
	}

	public @Nullable String getSatisfactionComment() {
		return satisfactionComment;
	}

	/** What the SLA module just stored, so that this loaded ticket shows it too. */
	void showSla(SlaState state, @Nullable Instant dueAt) {
		slaState = state;
		slaDueAt = dueAt;
	}

	public @Nullable SlaState getSlaState() {
		return slaState;
	}

	/** The next SLA deadline the ticket must meet; null once both are met or missed. */
	public @Nullable Instant getSlaDueAt() {
		return slaDueAt;
	}

	public int getReopenCount() {
		return reopenCount;
	}

	/**
	 * When the requester's side replied to this ticket while it waited on them, without moving
	 * it; null when no such reply waits for the IT team.
	 */
	public @Nullable Instant getRequesterRepliedAt() {
		return requesterRepliedAt;
	}

	/**
	 * When the IT team last took up such a reply; a ticket still resolved then waits the
	 * auto-close delay again from this instant. Null when none was.
	 */
	public @Nullable Instant getRequesterReplyHandledAt() {
		return requesterReplyHandledAt;
	}

	public int getEscalationCount() {
		return escalationCount;
	}

	/** Whether the ticket is flagged as a major incident (see {@link MajorIncidents}). */
	public boolean isMajorIncident() {
		return majorIncident;
	}

	public long getVersion() {
		return version;
	}

	public Set<User> getObservers() {
		return observers;
	}

	/** The whole timeline; reading it loads it. */
	public List<Comment> getComments() {
		return comments;
	}

}
