package org.guichet.routing.web;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.guichet.routing.RoutingRule;
import org.guichet.routing.RuleDefinition;
import org.guichet.routing.RuleDefinition.Actions;
import org.guichet.routing.RuleDefinition.Conditions;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Impact;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The rule form. Words are typed one per line or separated by commas; {@code vip} is empty for
 * "any", or true or false.
 */
public class RuleForm {

	private String name = "";

	private boolean active = true;

	private boolean stopHere;

	private @Nullable TicketType type;

	private @Nullable Long categoryId;

	private @Nullable Channel channel;

	private @Nullable String department;

	private @Nullable String location;

	private @Nullable Boolean vip;

	private String words = "";

	@DateTimeFormat(pattern = "HH:mm")
	private @Nullable LocalTime timeFrom;

	@DateTimeFormat(pattern = "HH:mm")
	private @Nullable LocalTime timeTo;

	private List<DayOfWeek> weekdays = new ArrayList<>();

	private @Nullable Long groupId;

	private @Nullable Long technicianId;

	private @Nullable Urgency urgency;

	private @Nullable Impact impact;

	private List<Long> observerIds = new ArrayList<>();

	private @Nullable Long slaPolicyId;

	private @Nullable Long version;

	static RuleForm of(RoutingRule rule) {
		RuleDefinition definition = rule.definition();
		Conditions when = definition.conditions();
		Actions then = definition.actions();
		RuleForm form = new RuleForm();
		form.name = definition.name();
		form.active = definition.active();
		form.stopHere = definition.stopHere();
		form.type = when.type();
		form.categoryId = when.categoryId();
		form.channel = when.channel();
		form.department = when.department();
		form.location = when.location();
		form.vip = when.vip();
		form.words = String.join("\n", when.words());
		form.timeFrom = when.timeFrom();
		form.timeTo = when.timeTo();
		form.weekdays = when.weekdays().stream().sorted().toList();
		form.groupId = then.groupId();
		form.technicianId = then.technicianId();
		form.urgency = then.urgency();
		form.impact = then.impact();
		form.observerIds = new ArrayList<>(then.observerIds());
		form.slaPolicyId = then.slaPolicyId();
		form.version = rule.getVersion();
		return form;
	}

	RuleDefinition definition() {
		List<String> wordList = Arrays.stream(words.split("[,\\n]")).map(String::strip).filter(w -> !w.isEmpty()).toList();
		return new RuleDefinition(name, active, stopHere,
				new Conditions(type, categoryId, channel, department, location, vip, wordList, timeFrom, timeTo,
						Set.copyOf(weekdays)),
				new Actions(groupId, technicianId, urgency, impact, observerIds, slaPolicyId));
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public boolean isActive() {
		return active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public boolean isStopHere() {
		return stopHere;
	}

	public void setStopHere(boolean stopHere) {
		this.stopHere = stopHere;
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

	public @Nullable Channel getChannel() {
		return channel;
	}

	public void setChannel(@Nullable Channel channel) {
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

	public @Nullable Boolean getVip() {
		return vip;
	}

	public void setVip(@Nullable Boolean vip) {
		this.vip = vip;
	}

	public String getWords() {
		return words;
	}

	public void setWords(@Nullable String words) {
		this.words = words == null ? "" : words;
	}

	public @Nullable LocalTime getTimeFrom() {
		return timeFrom;
	}

	public void setTimeFrom(@Nullable LocalTime timeFrom) {
		this.timeFrom = timeFrom;
	}

	public @Nullable LocalTime getTimeTo() {
		return timeTo;
	}

	public void setTimeTo(@Nullable LocalTime timeTo) {
		this.timeTo = timeTo;
	}

	public List<DayOfWeek> getWeekdays() {
		return weekdays;
	}

	public void setWeekdays(@Nullable List<DayOfWeek> weekdays) {
		this.weekdays = weekdays == null ? new ArrayList<>() : weekdays;
	}

	public @Nullable Long getGroupId() {
		return groupId;
	}

	public void setGroupId(@Nullable Long groupId) {
		this.groupId = groupId;
	}

	public @Nullable Long getTechnicianId() {
		return technicianId;
	}

	public void setTechnicianId(@Nullable Long technicianId) {
		this.technicianId = technicianId;
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

	public List<Long> getObserverIds() {
		return observerIds;
	}

	public void setObserverIds(@Nullable List<Long> observerIds) {
		this.observerIds = observerIds == null ? new ArrayList<>() : observerIds;
	}

	public @Nullable Long getSlaPolicyId() {
		return slaPolicyId;
	}

	public void setSlaPolicyId(@Nullable Long slaPolicyId) {
		this.slaPolicyId = slaPolicyId;
	}

	public @Nullable Long getVersion() {
		return version;
	}

	public void setVersion(@Nullable Long version) {
		this.version = version;
	}

}
