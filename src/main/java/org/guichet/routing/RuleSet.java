package org.guichet.routing;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.guichet.routing.RuleDefinition.Actions;
import org.guichet.routing.RuleDefinition.Conditions;
import org.guichet.tickets.Impact;
import org.guichet.tickets.TicketRouter.Decision;
import org.guichet.tickets.TicketRouter.Demand;
import org.guichet.tickets.Urgency;
import org.jspecify.annotations.Nullable;

/**
 * The active routing rules compiled once, in order, into an immutable evaluator: words are
 * normalised, conditions are checked cheapest first, and a demand's text is normalised only
 * when a rule with words is reached.
 * <p>
 * Every matching rule applies its actions in order, a later rule overriding an earlier one's
 * field, until a matching rule says "stop here". A rule that sets a group without a technician
 * drops the technician an earlier rule chose, who may not belong to that group. Observers add
 * up.
 */
public final class RuleSet {

	public static final RuleSet EMPTY = new RuleSet(List.of(), ZoneId.of("UTC"));

	private final Compiled[] rules;

	private final ZoneId zone;

	private RuleSet(List<Compiled> rules, ZoneId zone) {
		this.rules = rules.toArray(Compiled[]::new);
		this.zone = zone;
	}

	/**
	 * @param rules in order of evaluation; inactive ones are left out
	 * @param zone where the time-of-day conditions are read
	 */
	public static RuleSet compile(List<RuleDefinition> rules, ZoneId zone) {
		return new RuleSet(rules.stream().filter(RuleDefinition::active).map(Compiled::new).toList(), zone);
	}

	public int size() {
		return rules.length;
	}

	/**
	 * @param categoryLineage the demand's category followed by its parents up to the root; empty
	 * when it has none
	 */
	public Decision evaluate(Demand demand, List<Long> categoryLineage) {
		Facts facts = new Facts(demand, categoryLineage, zone);
		Long group = null;
		Long technician = null;
		Urgency urgency = null;
		Impact impact = null;
		Set<Long> observers = null;
		Long slaPolicy = null;
		List<String> fired = null;
		for (Compiled rule : rules) {
			if (!rule.matches(facts)) {
				continue;
			}
			Actions actions = rule.actions;
			if (actions.groupId() != null) {
				group = actions.groupId();
				technician = actions.technicianId();
			}
			else if (actions.technicianId() != null) {
				technician = actions.technicianId();
			}
			if (actions.urgency() != null) {
				urgency = actions.urgency();
			}
			if (actions.impact() != null) {
				impact = actions.impact();
			}
			if (!actions.observerIds().isEmpty()) {
				if (observers == null) {
					observers = new LinkedHashSet<>();
				}
				observers.addAll(actions.observerIds());
			}
			if (actions.slaPolicyId() != null) {
				slaPolicy = actions.slaPolicyId();
			}
			if (fired == null) {
				fired = new ArrayList<>(4);
			}
			fired.add(rule.name);
			if (rule.stopHere) {
				break;
			}
		}
		if (fired == null) {
			return Decision.NONE;
		}
		return new Decision(group, technician, urgency, impact, observers == null ? List.of() : List.copyOf(observers),
				slaPolicy, fired);
	}

	/** What the rules look at, derived from the demand once and only when a rule needs it. */
	private static final class Facts {

		private final Demand demand;

		private final List<Long> categoryLineage;

		private final ZoneId zone;

		private @Nullable String text;

		private @Nullable String department;

		private @Nullable String location;

		private @Nullable LocalDateTime local;

		Facts(Demand demand, List<Long> categoryLineage, ZoneId zone) {
			this.demand = demand;
			this.categoryLineage = categoryLineage;
			this.zone = zone;
		}

		String text() {
			if (text == null) {
				text = Words.normalised(demand.title() + " " + demand.description());
			}
			return text;
		}

		@Nullable
		String department() {
			if (department == null && demand.department() != null) {
				department = Words.key(demand.department());
			}
			return department;
		}

		@Nullable
		String location() {
			if (location == null && demand.location() != null) {
				location = Words.key(demand.location());
			}
			return location;
		}

		LocalDateTime local() {
			if (local == null) {
				local = LocalDateTime.ofInstant(demand.at(), zone);
			}
			return local;
		}

	}

	private static final class Compiled {

		private final String name;

		private final boolean stopHere;

		private final Actions actions;

		private final Conditions conditions;

		private final @Nullable String department;

		private final @Nullable String location;

		private final String[] words;

		private final @Nullable Set<DayOfWeek> weekdays;

		Compiled(RuleDefinition rule) {
			this.name = rule.name();
			this.stopHere = rule.stopHere();
			this.actions = rule.actions();
			this.conditions = rule.conditions();
			this.department = conditions.department() == null ? null : Words.key(conditions.department());
			this.location = conditions.location() == null ? null : Words.key(conditions.location());
			this.words = conditions.words()
				.stream()
				.map(Words::normalised)
				.filter(w -> !w.isBlank())
				.distinct()
				.toArray(String[]::new);
			this.weekdays = conditions.weekdays().isEmpty() ? null : EnumSet.copyOf(conditions.weekdays());
		}

		boolean matches(Facts facts) {
			Demand demand = facts.demand;
			if (conditions.type() != null && conditions.type() != demand.type()) {
				return false;
			}
			if (conditions.channel() != null && conditions.channel() != demand.channel()) {
				return false;
			}
			if (conditions.vip() != null && conditions.vip() != demand.vip()) {
				return false;
			}
			if (conditions.categoryId() != null && !facts.categoryLineage.contains(conditions.categoryId())) {
				return false;
			}
			if (department != null && !department.equals(facts.department())) {
				return false;
			}
			if (location != null && !location.equals(facts.location())) {
				return false;
			}
			if ((conditions.timeFrom() != null || weekdays != null) && !inWindow(facts.local())) {
				return false;
			}
			return words.length == 0 || containsAnyWord(facts.text());
		}

		private boolean inWindow(LocalDateTime local) {
			if (weekdays != null && !weekdays.contains(local.getDayOfWeek())) {
				return false;
			}
			LocalTime from = conditions.timeFrom();
			LocalTime to = conditions.timeTo();
			if (from == null || to == null) {
				return true;
			}
			LocalTime time = local.toLocalTime();
			return from.isBefore(to) ? !time.isBefore(from) && time.isBefore(to)
					: !time.isBefore(from) || time.isBefore(to);
		}

		private boolean containsAnyWord(String text) {
			for (String word : words) {
				if (text.contains(word)) {
					return true;
				}
			}
			return false;
		}

	}

}
