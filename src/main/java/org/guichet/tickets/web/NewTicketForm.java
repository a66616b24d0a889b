package org.guichet.tickets.web;

import java.util.List;

import org.guichet.system.FormRefusals;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Impact;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;

/**
 * The new ticket form of the portal and of the agent's quick creation. The texts are checked by
 * the ticket itself; the form only makes sure the choices were made.
 */
public class NewTicketForm {

	private @Nullable TicketType type = TicketType.INCIDENT;

	private @Nullable Long categoryId;

	private String title = "";

	private String description = "";

	private @Nullable Urgency urgency = Urgency.MEDIUM;

	private @Nullable Impact impact;

	private @Nullable Long requesterId;

	private Channel channel = Channel.PORTAL;

	private @Nullable Long followUpOf;

	/** Starts a demand about an earlier ticket: its type and category, and the given title. */
	void followUp(Ticket earlier, String followUpTitle) {
		followUpOf = earlier.id().value();
		type = earlier.getType();
		categoryId = earlier.getCategory() == null ? null : earlier.getCategory().getId();
		title = followUpTitle.length() > Ticket.TITLE_MAX ? followUpTitle.substring(0, Ticket.TITLE_MAX - 1) + "…"
				: followUpTitle;
	}

	/**
	 * Rejects the missing choices and the texts the ticket would refuse, all at once (with what
	 * the caller rejected already); true when the form can be registered.
	 */
	boolean check(BindingResult result) {
		if (type == null) {
			result.rejectValue("type", "field.required");
		}
		if (urgency == null) {
			result.rejectValue("urgency", "field.required");
		}
		FormRefusals.check(result, () -> Ticket.checkDemand(title, description));
		return !result.hasErrors();
	}

	NewTicket toNewTicket() {
		if (type == null || urgency == null) {
			throw new IllegalStateException("check first");
		}
		return new NewTicket(type, title, description, requesterId, channel, categoryId, urgency, impact, List.of(),
				followUpOf);
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

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
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

	public @Nullable Long getRequesterId() {
		return requesterId;
	}

	public void setRequesterId(@Nullable Long requesterId) {
		this.requesterId = requesterId;
	}

	/** The id of the ticket this demand is about, or null. */
	public @Nullable Long getFollowUpOf() {
		return followUpOf;
	}

	public void setFollowUpOf(@Nullable Long followUpOf) {
		this.followUpOf = followUpOf;
	}

	public Channel getChannel() {
		return channel;
	}

	public void setChannel(Channel channel) {
		this.channel = channel;
	}

}
