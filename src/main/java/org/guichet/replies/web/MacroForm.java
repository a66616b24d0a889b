package org.guichet.replies.web;

import org.guichet.replies.Macro;
import org.guichet.replies.MacroDefinition;
import org.guichet.replies.MacroStatus;
import org.guichet.tickets.PendingReason;
import org.guichet.tickets.Priority;
import org.guichet.tickets.SolutionKind;
import org.guichet.tickets.Urgency;
import org.jspecify.annotations.Nullable;

/** The macro form, as typed: shown again as it is when refused. */
public class MacroForm {

	private @Nullable String name;

	private @Nullable Long groupId;

	private boolean assignToMe;

	private @Nullable Long assignGroupId;

	private @Nullable Urgency urgency;

	private @Nullable Priority priority;

	private @Nullable MacroStatus status;

	private @Nullable PendingReason pendingReason;

	private @Nullable Long cannedReplyId;

	private @Nullable String replyBody;

	private @Nullable String noteBody;

	private @Nullable String solution;

	private @Nullable SolutionKind solutionKind;

	private @Nullable Long version;

	static MacroForm of(Macro macro) {
		MacroDefinition d = macro.definition();
		MacroForm form = new MacroForm();
		form.name = d.name();
		form.groupId = d.groupId();
		form.assignToMe = d.assignToMe();
		form.assignGroupId = d.assignGroupId();
		form.urgency = d.urgency();
		form.priority = d.priority();
		form.status = d.status();
		form.pendingReason = d.pendingReason();
		form.cannedReplyId = d.cannedReplyId();
		form.replyBody = d.replyBody();
		form.noteBody = d.noteBody();
		form.solution = d.solution();
		form.solutionKind = d.solutionKind();
		form.version = macro.getVersion();
		return form;
	}

	MacroDefinition definition() {
		return new MacroDefinition(name, groupId, assignToMe, assignGroupId, urgency, priority, status, pendingReason,
				cannedReplyId, replyBody, noteBody, solution, solutionKind);
	}

	public @Nullable String getName() {
		return name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public @Nullable Long getGroupId() {
		return groupId;
	}

	public void setGroupId(@Nullable Long groupId) {
		this.groupId = groupId;
	}

	public boolean isAssignToMe() {
		return assignToMe;
	}

	public void setAssignToMe(boolean assignToMe) {
		this.assignToMe = assignToMe;
	}

	public @Nullable Long getAssignGroupId() {
		return assignGroupId;
	}

	public void setAssignGroupId(@Nullable Long assignGroupId) {
		this.assignGroupId = assignGroupId;
	}

	public @Nullable Urgency getUrgency() {
		return urgency;
	}

	public void setUrgency(@Nullable Urgency urgency) {
		this.urgency = urgency;
	}

	public @Nullable Priority getPriority() {
		return priority;
	}

	public void setPriority(@Nullable Priority priority) {
		this.priority = priority;
	}

	public @Nullable MacroStatus getStatus() {
		return status;
	}

	public void setStatus(@Nullable MacroStatus status) {
		this.status = status;
	}

	public @Nullable PendingReason getPendingReason() {
		return pendingReason;
	}

	public void setPendingReason(@Nullable PendingReason pendingReason) {
		this.pendingReason = pendingReason;
	}

	public @Nullable Long getCannedReplyId() {
		return cannedReplyId;
	}

	public void setCannedReplyId(@Nullable Long cannedReplyId) {
		this.cannedReplyId = cannedReplyId;
	}

	public @Nullable String getReplyBody() {
		return replyBody;
	}

	public void setReplyBody(@Nullable String replyBody) {
		this.replyBody = replyBody;
	}

	public @Nullable String getNoteBody() {
		return noteBody;
	}

	public void setNoteBody(@Nullable String noteBody) {
		this.noteBody = noteBody;
	}

	public @Nullable String getSolution() {
		return solution;
	}

	public void setSolution(@Nullable String solution) {
		this.solution = solution;
	}

	public @Nullable SolutionKind getSolutionKind() {
		return solutionKind;
	}

	public void setSolutionKind(@Nullable SolutionKind solutionKind) {
		this.solutionKind = solutionKind;
	}

	public @Nullable Long getVersion() {
		return version;
	}

	public void setVersion(@Nullable Long version) {
		this.version = version;
	}

}
