package org.guichet.routing.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.guichet.tickets.Channel;
import org.guichet.tickets.TicketRouter.Demand;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The rule tester's sample demand; the arrival time defaults to now. */
public class SampleForm {

	private TicketType type = TicketType.INCIDENT;

	private String title = "";

	private String description = "";

	private @Nullable Long categoryId;

	private Channel channel = Channel.PORTAL;

	private @Nullable String department;

	private @Nullable String location;

	private boolean vip;

	private Urgency urgency = Urgency.MEDIUM;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private @Nullable LocalDateTime at;

	Demand demand(ZoneId zone, Instant now) {
		return new Demand(type, title, description, categoryId, channel, department, location, vip, urgency, null,
				at == null ? now : at.atZone(zone).toInstant());
	}

	public TicketType getType() {
		return type;
	}

	public void setType(TicketType type) {
		this.type = type;
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(@Nullable String title) {
		this.title = title == null ? "" : title;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(@Nullable String description) {
		this.description = description == null ? "" : description;
	}

	public @Nullable Long getCategoryId() {
		return categoryId;
	}

	public void setCategoryId(@Nullable Long categoryId) {
		this.categoryId = categoryId;
	}

	public Channel getChannel() {
		return channel;
	}

	public void setChannel(Channel channel) {
		this.channel = channel;
	}

	public @Nullable String getDepartment() {
		return department;
	}

	public void setDepartment(@Nullable String department) {
		this.department = department;
	}

	public @Nullable String getLocation() {
		return location;
	}

	public void setLocation(@Nullable String location) {
		this.location = location;
	}

	public boolean isVip() {
		return vip;
	}

	public void setVip(boolean vip) {
		this.vip = vip;
	}

	public Urgency getUrgency() {
		return urgency;
	}

	public void setUrgency(Urgency urgency) {
		this.urgency = urgency;
	}

	public @Nullable LocalDateTime getAt() {
		return at;
	}

	public void setAt(@Nullable LocalDateTime at) {
		this.at = at;
	}

}
