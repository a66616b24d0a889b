package org.guichet.routing.api;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.guichet.routing.RoutingRule;
import org.guichet.routing.RuleDefinition;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Impact;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.jspecify.annotations.Nullable;

/**
 * A routing rule as the API reads and writes it; times are local ({@code "18:00"}) in the desk's
 * time zone. Within {@code conditions}, a member null or absent does not restrict (an empty object
 * matches every ticket); within {@code actions}, a member null or absent is not done.
 * {@code id} and {@code position} are read-only (the order is changed with PUT /order).
 */
record RoutingRuleJson(@Nullable Long id, @NotBlank @Size(max = 120) String name, @Nullable Integer position,
		boolean active, boolean stopHere, Conditions conditions, Actions actions, @Nullable Long version) {

	record Conditions(@Nullable TicketType type, @Nullable Long categoryId, @Nullable Channel channel,
			@Nullable String department, @Nullable String location, @Nullable Boolean vip,
			@Nullable List<String> words, @Nullable LocalTime timeFrom, @Nullable LocalTime timeTo,
			@Nullable Set<DayOfWeek> weekdays) {
	}

	record Actions(@Nullable Long groupId, @Nullable Long technicianId, @Nullable Urgency urgency,
			@Nullable Impact impact, @Nullable List<Long> observerIds, @Nullable Long slaPolicyId) {
	}

	static RoutingRuleJson of(RoutingRule rule) {
		RuleDefinition definition = rule.definition();
		RuleDefinition.Conditions when = definition.conditions();
		RuleDefinition.Actions then = definition.actions();
		return new RoutingRuleJson(rule.getId(), rule.getName(), rule.getPosition(), rule.isActive(),
				rule.isStopHere(),
				new Conditions(when.type(), when.categoryId(), when.channel(), when.department(), when.location(),
						when.vip(), when.words(), when.timeFrom(), when.timeTo(), when.weekdays()),
				new Actions(then.groupId(), then.technicianId(), then.urgency(), then.impact(), then.observerIds(),
						then.slaPolicyId()),
				rule.getVersion());
	}

	RuleDefinition definition() {
		Conditions when = conditions;
		Actions then = actions;
		return new RuleDefinition(name, active, stopHere,
				new RuleDefinition.Conditions(when.type(), when.categoryId(), when.channel(), when.department(),
						when.location(), when.vip(), when.words(), when.timeFrom(), when.timeTo(), when.weekdays()),
				new RuleDefinition.Actions(then.groupId(), then.technicianId(), then.urgency(), then.impact(),
						then.observerIds(), then.slaPolicyId()));
	}

}
