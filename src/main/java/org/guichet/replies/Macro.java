package org.guichet.replies;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.guichet.tickets.PendingReason;
import org.guichet.tickets.Priority;
import org.guichet.tickets.SolutionKind;
import org.guichet.tickets.Urgency;
import org.jspecify.annotations.Nullable;

/**
 * Steps applied to a ticket in one click (see {@link MacroDefinition} for each). Personal (an
 * owner) or shared with a support group (a group), never both.
 */
@Entity
@Table(name = "macro")
public class Macro {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private String name;

	private @Nullable Long ownerId;

	private @Nullable Long groupId;

	private @Nullable Long cannedReplyId;

	private @Nullable String replyBody;

	private @Nullable String noteBody;

	private @Nullable String solution;

	@Enumerated(EnumType.STRING)
	private @Nullable SolutionKind solutionKind;

	@Enumerated(EnumType.STRING)
	private @Nullable MacroStatus statusAction;

	@Enumerated(EnumType.STRING)
	private @Nullable PendingReason pendingReason;

	@Enumerated(EnumType.STRING)
	private @Nullable Urgency urgency;

	@Enumerated(EnumType.STRING)
	private @Nullable Priority priority;

	private boolean assignToMe;

	private @Nullable Long assignGroupId;

	@Version
	private long version;

	protected Macro() {
		this.name = "";
	}

	Macro(@Nullable Long ownerId, @Nullable Long groupId) {
		this();
		this.ownerId = ownerId;
		this.groupId = groupId;
	}

	void define(MacroDefinition definition) {
		name = definition.name().strip();
		assignToMe = definition.assignToMe();
		assignGroupId = definition.assignGroupId();
		urgency = definition.urgency();
		priority = definition.priority();
		statusAction = definition.status();
		pendingReason = definition.status() == MacroStatus.PENDING ? definition.pendingReason() : null;
		cannedReplyId = definition.cannedReplyId();
		replyBody = definition.replyBody();
		noteBody = definition.noteBody();
		solution = definition.solution();
		solutionKind = definition.solutionKind();
	}

	/** The definition it was saved with, for a form or the API. */
	public MacroDefinition definition() {
		return new MacroDefinition(name, groupId, assignToMe, assignGroupId, urgency, priority, statusAction,
				pendingReason, cannedReplyId, replyBody, noteBody, solution, solutionKind);
	}

	public long id() {
		return id == null ? 0 : id;
	}

	/**
	 * Whether applying the macro changes the ticket's status or assignment: the ticket page asks
	 * for a confirmation before applying such a macro (the server applies it all or nothing either way).
	 */
	public boolean movesTheTicket() {
		return statusAction != null || assignToMe || assignGroupId != null;
	}

	public @Nullable Long getId() {
		return id;
	}

	public String getName() {
		return name;
	}

	public @Nullable Long getOwnerId() {
		return ownerId;
	}

	public @Nullable Long getGroupId() {
		return groupId;
	}

	public boolean isShared() {
		return groupId != null;
	}

	public @Nullable Long getCannedReplyId() {
		return cannedReplyId;
	}

	public @Nullable String getReplyBody() {
		return replyBody;
	}

	public @Nullable String getNoteBody() {
		return noteBody;
	}

	/** The solution's Markdown, with placeholders, when the macro resolves; null otherwise. */
	public @Nullable String getSolution() {
		return solution;
	}

	/** The solution's kind when the macro resolves; null otherwise. */
	public @Nullable SolutionKind getSolutionKind() {
		return solutionKind;
	}

	public @Nullable MacroStatus getStatusAction() {
		return statusAction;
	}

	public @Nullable PendingReason getPendingReason() {
		return pendingReason;
	}

	public @Nullable Urgency getUrgency() {
		return urgency;
	}

	public @Nullable Priority getPriority() {
		return priority;
	}

	public boolean isAssignToMe() {
		return assignToMe;
	}

	public @Nullable Long getAssignGroupId() {
		return assignGroupId;
	}

	public long getVersion() {
		return version;
	}

}
