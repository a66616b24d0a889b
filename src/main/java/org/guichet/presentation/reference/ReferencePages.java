package org.guichet.presentation.reference;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.guichet.calendars.Calendars;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.directory.SupportLevel;
import org.guichet.presentation.flowchart.LifecycleConfigurations;
import org.guichet.presentation.reference.ReferenceBuilder.PolicySource;
import org.guichet.sla.EscalationLevel;
import org.guichet.sla.EscalationLevels;
import org.guichet.sla.SlaPolicies;
import org.guichet.sla.SlaPolicy;
import org.guichet.tickets.Categories;
import org.guichet.tickets.DeskSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reference pages' content read now from the modules that own it (tickets: categories and the
 * priority matrix; directory: the support groups; sla: the policies, their targets, pause reasons
 * and escalation levels; the VIP rule as the flowchart reads it, {@link LifecycleConfigurations}).
 */
@Service
public class ReferencePages {

	private final Categories categories;

	private final DeskSettings settings;

	private final SupportGroupRepository groups;

	private final SlaPolicies policies;

	private final EscalationLevels escalationLevels;

	private final Calendars calendars;

	private final LifecycleConfigurations lifecycle;

	ReferencePages(Categories categories, DeskSettings settings, SupportGroupRepository groups, SlaPolicies policies,
			EscalationLevels escalationLevels, Calendars calendars, LifecycleConfigurations lifecycle) {
		this.categories = categories;
		this.settings = settings;
		this.groups = groups;
		this.policies = policies;
		this.escalationLevels = escalationLevels;
		this.calendars = calendars;
		this.lifecycle = lifecycle;
	}

	/** The reference as configured now, read in one transaction. */
	@Transactional(readOnly = true)
	public ReferenceModel current() {
		Map<String, SupportLevel> levels = new HashMap<>();
		Map<Long, String> groupNames = new HashMap<>();
		for (SupportGroup group : groups.findAll()) {
			levels.put(group.getName(), group.getLevel());
			groupNames.put(group.getId(), group.getName());
		}
		List<PolicySource> sources = policies.list().stream().map(policy -> source(policy, groupNames)).toList();
		return ReferenceBuilder.build(categories.tree(), settings.priorityMatrix(),
				lifecycle.current().vipRaisesPriority(), levels, sources);
	}

	private PolicySource source(SlaPolicy policy, Map<Long, String> groupNames) {
		String calendar = calendars.exists(policy.getCalendarId()) ? calendars.get(policy.getCalendarId()).name() : "";
		List<EscalationLevels.LevelDefinition> levels = escalationLevels.of(Objects.requireNonNull(policy.getId()))
			.stream()
			.map(EscalationLevel::definition)
			.toList();
		return new PolicySource(policy, calendar, levels, groupNames);
	}

}
