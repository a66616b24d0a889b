package org.guichet.tickets.web;

import org.guichet.tickets.Impact;
import org.guichet.tickets.Priority;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketChanges;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.jspecify.annotations.Nullable;

/**
 * The agent's edit of a ticket's classification. An empty priority leaves it to the matrix; a
 * chosen one overrides it, with a reason.
 */
public class FieldsForm {

	private @Nullable Long version;

	private @Nullable TicketType type;

	private @Nullable Long categoryId;

	private @Nullable Urgency urgency;

	private @Nullable Impact impact;

	private @Nullable Priority priority;

	private String priorityOverrideReason = "";

	static FieldsForm of(Ticket ticket) {
		FieldsForm form = new FieldsForm();
		form.type = ticket.getType();
		form.categoryId = ticket.getCategory() == null ? null : ticket.getCategory().getId();
		form.urgency = ticket.getUrgency();
		form.impact = ticket.getImpact();
		if (ticket.isPriorityOverridden()) {
			form.priority = ticket.getPriority();
			form.priorityOverrideReason = ticket.getPriorityOverrideReason();
		}
		return form;
	}

	/**
	 * @param ticket the current ticket: an unchanged override is not written again
	 */
	TicketChanges toChanges(Ticket ticket) {
		boolean overrideWanted = priority != null;
		boolean overrideChanged = overrideWanted && (priority != ticket.getPriority()
				|| !priorityOverrideReason.strip().equals(ticket.getPriorityOverrideReason()));
		return new TicketChanges(null, null, type, categoryId == null ? 0L : categoryId, urgency, impact,
				overrideChanged ? priority : null, overrideChanged ? priorityOverrideReason : null,
				!overrideWanted && ticket.isPriorityOverridden(), null);
	}

	public @Nullable Long getVersion() {
		return version;
	}

	public void setVersion(@Nullable Long version) {
		this.version = version;
	}

	public @Nullable TicketType getType() {
		return type;
	}

	public void setType(@Nullable TicketType type) {
		this.type = type;
	}

	public @Nullable Long getCategoryId() {
		return categoryId;
	}

	public void setCategoryId(@Nullable Long categoryId) {
		this.categoryId = categoryId;
	}

	public @Nullable Urgency getUrgency() {
		return urgency;
	}

	public void setUrgency(@Nullable Urgency urgency) {
		this.urgency = urgency;
	}

	public @Nullable Impact getImpact() {
		return impact;
	}

	public void setImpact(@Nullable Impact impact) {
		this.impact = impact;
	}

	public @Nullable Priority getPriority() {
		return priority;
	}

	public void setPriority(@Nullable Priority priority) {
		this.priority = priority;
	}

	public String getPriorityOverrideReason() {
		return priorityOverrideReason;
	}

	public void setPriorityOverrideReason(String priorityOverrideReason) {
		this.priorityOverrideReason = priorityOverrideReason;
	}

}
