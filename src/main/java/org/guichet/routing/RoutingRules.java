package org.guichet.routing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportGroupDeleting;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.routing.RuleDefinition.Actions;
import org.guichet.routing.RuleDefinition.Conditions;
import org.guichet.sla.SlaPolicyDeleting;
import org.guichet.sla.SlaPolicyRepository;
import org.guichet.system.ConflictException;
import org.guichet.system.InvalidInputException;
import org.guichet.system.NotFoundException;
import org.guichet.system.OneLine;
import org.guichet.system.VersionMismatchException;
import org.guichet.tickets.Category;
import org.guichet.tickets.CategoryRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Defines the routing rules and their order, refusing a rule that could not work as written:
 * one that refers to something unknown or inactive, does nothing, or has an empty time window.
 */
@Service
@Transactional
public class RoutingRules {

	static final int NAME_MAX = 120;

	/** The longest department or location a rule matches, in characters (their columns'). */
	static final int TEXT_MAX = 120;

	/** The most characters of a rule's words, one per line (their column's). */
	static final int WORDS_MAX = 2000;

	private final RoutingRuleRepository rules;

	private final CompiledRules compiled;

	private final SupportGroupRepository groups;

	private final UserRepository users;

	private final CategoryRepository categories;

	private final SlaPolicyRepository policies;

	private final GroupAssignmentRepository assignments;

	RoutingRules(RoutingRuleRepository rules, CompiledRules compiled, SupportGroupRepository groups,
			UserRepository users, CategoryRepository categories, SlaPolicyRepository policies,
			GroupAssignmentRepository assignments) {
		this.rules = rules;
		this.compiled = compiled;
		this.groups = groups;
		this.users = users;
		this.categories = categories;
		this.policies = policies;
		this.assignments = assignments;
	}

	@Transactional(readOnly = true)
	public List<RoutingRule> list() {
		return rules.findAllInOrder();
	}

	@Transactional(readOnly = true)
	public RoutingRule get(long id) {
		return rules.findById(id)
			.orElseThrow(() -> new NotFoundException("routing.rule.not-found", "No routing rule " + id, id));
	}

	/**
	 * @param id null to create the rule, last in order
	 * @param expectedVersion when given, the rule must not have changed since it was read
	 */
	public RoutingRule save(@Nullable Long id, @Nullable Long expectedVersion, RuleDefinition definition) {
		RoutingRule rule = id == null ? new RoutingRule(rules.maxPosition() + 1) : get(id);
		VersionMismatchException.check(expectedVersion, rule.getVersion(), "routing.rule.stale",
				"The rule was changed by someone else", rule.getName());
		RuleDefinition checked = checked(definition);
		if ((id == null || !checked.name().equals(rule.getName())) && rules.existsByName(checked.name())) {
			throw new InvalidInputException("name", "routing.rule.name-taken", "Another rule has this name",
					checked.name());
		}
		rule.define(checked);
		RoutingRule saved = rules.save(rule);
		compiled.changed();
		return saved;
	}

	public void delete(long id) {
		rules.delete(get(id));
		compiled.changed();
	}

	/**
	 * Puts the rules in the given order; rules left out keep their relative order after them.
	 */
	public List<RoutingRule> reorder(List<Long> ids) {
		List<RoutingRule> all = rules.findAllInOrder();
		List<RoutingRule> ordered = new ArrayList<>();
		for (Long ruleId : new LinkedHashSet<>(ids)) {
			ordered.add(all.stream()
				.filter(r -> r.getId().equals(ruleId))
				.findFirst()
				.orElseThrow(() -> new InvalidInputException("ids", "routing.rule.not-found", "No routing rule",
						ruleId)));
		}
		all.stream().filter(r -> !ordered.contains(r)).forEach(ordered::add);
		for (int i = 0; i < ordered.size(); i++) {
			ordered.get(i).moveTo(i + 1);
		}
		compiled.changed();
		return ordered;
	}

	/** Swaps the rule with its neighbour before ({@code -1}) or after ({@code +1}). */
	public void move(long id, int step) {
		List<Long> ids = new ArrayList<>(rules.findAllInOrder().stream().map(RoutingRule::getId).toList());
		int from = ids.indexOf(id);
		if (from < 0) {
			throw new NotFoundException("routing.rule.not-found", "No routing rule " + id, id);
		}
		int to = Math.max(0, Math.min(ids.size() - 1, from + Integer.signum(step)));
		ids.add(to, ids.remove(from));
		reorder(ids);
	}

	/** A group a rule sends tickets to stays; an unused one loses its auto-assignment mode. */
	@EventListener
	void on(SupportGroupDeleting deleting) {
		List<String> using = rules.findNamesSettingGroup(deleting.groupId());
		if (!using.isEmpty()) {
			throw new ConflictException("routing.group.in-use", "A routing rule sends tickets to the group",
					deleting.name(), String.join(", ", using));
		}
		assignments.deleteByGroup(deleting.groupId());
	}

	/** A policy a rule chooses stays. */
	@EventListener
	void on(SlaPolicyDeleting deleting) {
		List<String> using = rules.findNamesSettingSlaPolicy(deleting.policyId());
		if (!using.isEmpty()) {
			throw new ConflictException("routing.sla-policy.in-use", "A routing rule chooses the SLA policy",
					deleting.name(), String.join(", ", using));
		}
	}

	private RuleDefinition checked(RuleDefinition definition) {
		String name = definition.name() == null ? "" : definition.name().strip();
		if (name.isEmpty()) {
			throw new InvalidInputException("name", "field.required", "The field name is required");
		}
		if (name.length() > NAME_MAX) {
			throw new InvalidInputException("name", "field.too-long", "The name is too long", NAME_MAX);
		}
		OneLine.Check.check("name", name);
		Conditions when = definition.conditions() == null ? Conditions.ANY : definition.conditions();
		Actions then = definition.actions() == null ? new Actions(null, null, null, null, List.of(), null)
				: definition.actions();
		if (then.isEmpty()) {
			throw new InvalidInputException("actions", "routing.rule.no-action",
					"The rule does nothing: give it at least one action");
		}
		checkConditions(when);
		checkActions(then);
		List<String> words = when.words().stream().map(String::strip).filter(w -> !w.isEmpty()).distinct().toList();
		if (words.stream().anyMatch(w -> Words.normalised(w).isBlank())) {
			throw new InvalidInputException("conditions.words", "routing.rule.word-empty",
					"A word has no letter or digit");
		}
		Conditions cleaned = new Conditions(when.type(), when.categoryId(), when.channel(), blankToNull(when.department()),
				blankToNull(when.location()), when.vip(), words, when.timeFrom(), when.timeTo(), when.weekdays());
		return new RuleDefinition(name, definition.active(), definition.stopHere(), cleaned,
				new Actions(then.groupId(), then.technicianId(), then.urgency(), then.impact(),
						then.observerIds().stream().distinct().sorted().toList(),
						then.slaPolicyId()));
	}

	private void checkConditions(Conditions when) {
		InvalidInputException.atMost("conditions.department", when.department(), TEXT_MAX);
		OneLine.Check.check("conditions.department", when.department());
		InvalidInputException.atMost("conditions.location", when.location(), TEXT_MAX);
		OneLine.Check.check("conditions.location", when.location());
		InvalidInputException.atMost("conditions.words", String.join("\n", when.words()), WORDS_MAX);
		if (when.categoryId() != null
				&& categories.findById(when.categoryId()).filter(Category::isActive).isEmpty()) {
			throw new InvalidInputException("conditions.categoryId", "routing.rule.category-unknown",
					"No such active category", when.categoryId());
		}
		if ((when.timeFrom() == null) != (when.timeTo() == null)) {
			throw new InvalidInputException(when.timeFrom() == null ? "conditions.timeFrom" : "conditions.timeTo",
					"routing.rule.window-half", "Give both ends of the time window, or neither");
		}
		if (when.timeFrom() != null && when.timeFrom().equals(when.timeTo())) {
			throw new InvalidInputException("conditions.timeTo", "routing.rule.window-empty",
					"The time window is empty: its end must differ from its start", when.timeFrom());
		}
	}

	private void checkActions(Actions then) {
		SupportGroup group = null;
		if (then.groupId() != null) {
			group = groups.findWithMembersById(then.groupId())
				.orElseThrow(() -> new InvalidInputException("actions.groupId", "routing.rule.group-unknown",
						"No such group", then.groupId()));
		}
		if (then.technicianId() != null) {
			User technician = users.findById(then.technicianId())
				.filter(Routing::isActiveAgent)
				.orElseThrow(() -> new InvalidInputException("actions.technicianId",
						"routing.rule.technician-inactive", "No active technician", then.technicianId()));
			if (group != null && !group.hasMember(then.technicianId())) {
				throw new InvalidInputException("actions.technicianId", "routing.rule.technician-not-member",
						"The technician is not a member of the group", technician.getFullName(), group.getName());
			}
		}
		for (Long observerId : then.observerIds()) {
			if (users.findById(observerId).filter(User::isActive).isEmpty()) {
				throw new InvalidInputException("actions.observerIds", "routing.rule.observer-inactive",
						"No active user", observerId);
			}
		}
		if (then.slaPolicyId() != null && !policies.existsById(then.slaPolicyId())) {
			throw new InvalidInputException("actions.slaPolicyId", "routing.rule.sla-policy-unknown",
					"No such SLA policy", then.slaPolicyId());
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
