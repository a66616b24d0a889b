package org.guichet.tickets.web;

import org.guichet.tickets.EscalationKind;
import org.guichet.tickets.PendingReason;
import org.guichet.tickets.SolutionKind;
import org.guichet.tickets.TaskStatus;
import org.jspecify.annotations.Nullable;

/**
 * What a person types to act on a ticket: a reply, a solution, a reason, a task. Each action's
 * form on the ticket page is bound to its own instance, so a refused action is shown again with
 * its text, next to the others left untouched.
 *
 * @param version the ticket version the person saw, checked against the current one
 */
public class ActionForm {

	private @Nullable Long version;

	private String body = "";

	private String reason = "";

	private @Nullable EscalationKind escalationKind;

	private @Nullable PendingReason pendingReason;

	private String solution = "";

	private @Nullable SolutionKind solutionKind = SolutionKind.PERMANENT;

	private @Nullable Long groupId;

	private @Nullable Long assigneeId;

	private String title = "";

	private @Nullable Integer plannedMinutes;

	private @Nullable Integer actualMinutes;

	private @Nullable TaskStatus taskStatus;

	private @Nullable Integer rating;

	private String comment = "";

	private boolean openTasksConfirmed;

	public @Nullable Long getVersion() {
		return version;
	}

	public void setVersion(@Nullable Long version) {
		this.version = version;
	}

	/** The text the person typed in this form (solution, message, reason or comment); null when none. */
	@Nullable String typedText() {
		for (String text : new String[] { solution, body, reason, comment }) {
			if (text != null && !text.isBlank()) {
				return text;
			}
		}
		return null;
	}

	public String getBody() {
		return body;
	}

	public void setBody(String body) {
		this.body = body;
	}

	public String getReason() {
		return reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

	public @Nullable EscalationKind getEscalationKind() {
		return escalationKind;
	}

	public void setEscalationKind(@Nullable EscalationKind escalationKind) {
		this.escalationKind = escalationKind;
	}

	public @Nullable PendingReason getPendingReason() {
		return pendingReason;
	}

	public void setPendingReason(@Nullable PendingReason pendingReason) {
		this.pendingReason = pendingReason;
	}

	public String getSolution() {
		return solution;
	}

	public void setSolution(String solution) {
		this.solution = solution;
	}

	public @Nullable SolutionKind getSolutionKind() {
		return solutionKind;
	}

	public void setSolutionKind(@Nullable SolutionKind solutionKind) {
		this.solutionKind = solutionKind;
	}

	public @Nullable Long getGroupId() {
		return groupId;
	}

	public void setGroupId(@Nullable Long groupId) {
		this.groupId = groupId;
	}

	public @Nullable Long getAssigneeId() {
		return assigneeId;
	}

	public void setAssigneeId(@Nullable Long assigneeId) {
		this.assigneeId = assigneeId;
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public @Nullable Integer getPlannedMinutes() {
		return plannedMinutes;
	}

	public void setPlannedMinutes(@Nullable Integer plannedMinutes) {
		this.plannedMinutes = plannedMinutes;
	}

	public @Nullable Integer getActualMinutes() {
		return actualMinutes;
	}

	public void setActualMinutes(@Nullable Integer actualMinutes) {
		this.actualMinutes = actualMinutes;
	}

	public @Nullable TaskStatus getTaskStatus() {
		return taskStatus;
	}

	public void setTaskStatus(@Nullable TaskStatus taskStatus) {
		this.taskStatus = taskStatus;
	}

	public @Nullable Integer getRating() {
		return rating;
	}

	public void setRating(@Nullable Integer rating) {
		this.rating = rating;
	}

	public String getComment() {
		return comment;
	}

	public void setComment(String comment) {
		this.comment = comment;
	}

	/** Whether the person resolving confirmed that the ticket's open tasks may stay open. */
	public boolean isOpenTasksConfirmed() {
		return openTasksConfirmed;
	}

	public void setOpenTasksConfirmed(boolean openTasksConfirmed) {
		this.openTasksConfirmed = openTasksConfirmed;
	}

}
