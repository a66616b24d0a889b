package org.guichet.routing;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.guichet.routing.RuleDefinition.Actions;
import org.guichet.routing.RuleDefinition.Conditions;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Impact;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.jspecify.annotations.Nullable;

/**
 * A stored routing rule. Lists (words, weekdays, observers) are kept as text in one column each:
 * they are only ever read whole, to compile the rule set.
 */
@Entity
public class RoutingRule {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private String name;

	private int position;

	private boolean active = true;

	private boolean stopHere;

	@Enumerated(EnumType.STRING)
	private @Nullable TicketType matchType;

	private @Nullable Long matchCategoryId;

	@Enumerated(EnumType.STRING)
	private @Nullable Channel matchChannel;

	private @Nullable String matchDepartment;

	private @Nullable String matchLocation;

	private @Nullable Boolean matchVip;

	private @Nullable String matchWords;

	private @Nullable LocalTime matchTimeFrom;

	private @Nullable LocalTime matchTimeTo;

	private @Nullable String matchWeekdays;

	private @Nullable Long setGroupId;

	private @Nullable Long setTechnicianId;

	@Enumerated(EnumType.STRING)
	private @Nullable Urgency setUrgency;

	@Enumerated(EnumType.STRING)
	private @Nullable Impact setImpact;

	private @Nullable String addObserverIds;

	private @Nullable Long setSlaPolicyId;

	@Version
	private long version;

	protected RoutingRule() {
		this.name = "";
	}

	RoutingRule(int position) {
		this.name = "";
		this.position = position;
	}

	public @Nullable Long getId() {
		return id;
	}

	public String getName() {
		return name;
	}

	public int getPosition() {
		return position;
	}

	void moveTo(int position) {
		this.position = position;
	}

	public boolean isActive() {
		return active;
	}

	public boolean isStopHere() {
		return stopHere;
	}

	public long getVersion() {
		return version;
	}

	void define(RuleDefinition definition) {
		this.name = definition.name();
		this.active = definition.active();
		this.stopHere = definition.stopHere();
		Conditions when = definition.conditions();
		this.matchType = when.type();
		this.matchCategoryId = when.categoryId();
		this.matchChannel = when.channel();
		this.matchDepartment = when.department();
		this.matchLocation = when.location();
		this.matchVip = when.vip();
		this.matchWords = when.words().isEmpty() ? null : String.join("\n", when.words());
		this.matchTimeFrom = when.timeFrom();
		this.matchTimeTo = when.timeTo();
		this.matchWeekdays = when.weekdays().isEmpty() ? null
				: when.weekdays().stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(","));
		Actions then = definition.actions();
		this.setGroupId = then.groupId();
		this.setTechnicianId = then.technicianId();
		this.setUrgency = then.urgency();
		this.setImpact = then.impact();
		this.addObserverIds = then.observerIds().isEmpty() ? null
				: then.observerIds().stream().map(String::valueOf).collect(Collectors.joining(","));
		this.setSlaPolicyId = then.slaPolicyId();
	}

	public RuleDefinition definition() {
		List<String> words = matchWords == null ? List.of() : List.of(matchWords.split("\n"));
		Set<DayOfWeek> weekdays = matchWeekdays == null ? Set.of()
				: Arrays.stream(matchWeekdays.split(",")).map(DayOfWeek::valueOf).collect(Collectors.toSet());
		List<Long> observers = addObserverIds == null ? List.of()
				: Arrays.stream(addObserverIds.split(",")).map(Long::valueOf).toList();
		return new RuleDefinition(name, active, stopHere,
				new Conditions(matchType, matchCategoryId, matchChannel, matchDepartment, matchLocation, matchVip,
						words, matchTimeFrom, matchTimeTo, weekdays),
				new Actions(setGroupId, setTechnicianId, setUrgency, setImpact, observers, setSlaPolicyId));
	}

}
