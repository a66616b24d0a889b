package org.guichet.presentation.reference;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.guichet.directory.SupportLevel;
import org.guichet.presentation.reference.ReferenceModel.CategoryLine;
import org.guichet.presentation.reference.ReferenceModel.EscalationLine;
import org.guichet.presentation.reference.ReferenceModel.MatrixRow;
import org.guichet.presentation.reference.ReferenceModel.PolicyReference;
import org.guichet.presentation.reference.ReferenceModel.TargetLine;
import org.guichet.sla.EscalationLevels.LevelDefinition;
import org.guichet.sla.EscalationTrigger;
import org.guichet.sla.SlaClock;
import org.guichet.sla.SlaPolicy;
import org.guichet.sla.SlaTarget;
import org.guichet.tickets.CategoryTree;
import org.guichet.tickets.Impact;
import org.guichet.tickets.PendingReason;
import org.guichet.tickets.Priority;
import org.guichet.tickets.PriorityMatrix;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.jspecify.annotations.Nullable;

/** Builds the {@link ReferenceModel} from the configuration as read: no database, no clock. */
final class ReferenceBuilder {

	private ReferenceBuilder() {
	}

	/**
	 * One SLA policy as read, with what the model names instead of ids.
	 *
	 * @param levels its escalation levels in order
	 * @param calendar its calendar's name
	 * @param groupNames the support groups' names by id (for the reassigning levels)
	 */
	record PolicySource(SlaPolicy policy, String calendar, List<LevelDefinition> levels, Map<Long, String> groupNames) {
	}

	/**
	 * @param groups each support group's name and level
	 * @param vipRaisesPriority whether a VIP requester's priority is raised one level
	 */
	static ReferenceModel build(CategoryTree tree, PriorityMatrix matrix, boolean vipRaisesPriority,
			Map<String, SupportLevel> groups, List<PolicySource> policies) {
		List<CategoryLine> categories = new ArrayList<>();
		for (CategoryTree.Placed placed : tree.depthFirst()) {
			tree.find(placed.id())
				.ifPresent(node -> categories.add(new CategoryLine(node.name(), placed.depth(), node.active())));
		}
		List<MatrixRow> rows = new ArrayList<>();
		for (int u = Urgency.values().length - 1; u >= 0; u--) {
			Urgency urgency = Urgency.values()[u];
			List<Priority> cells = new ArrayList<>();
			for (Impact impact : Impact.values()) {
				cells.add(matrix.cell(urgency, impact));
			}
			rows.add(new MatrixRow(urgency, List.copyOf(cells)));
		}
		Map<SupportLevel, List<String>> perLevel = new EnumMap<>(SupportLevel.class);
		for (SupportLevel level : SupportLevel.values()) {
			perLevel.put(level, groups.entrySet().stream().filter(group -> group.getValue() == level)
				.map(Map.Entry::getKey).sorted(String.CASE_INSENSITIVE_ORDER).toList());
		}
		List<PolicyReference> references = policies.stream()
			.map(source -> policy(source, tree))
			.toList();
		return new ReferenceModel(List.copyOf(categories), List.of(Impact.values()), List.copyOf(rows),
				vipRaisesPriority, perLevel, references);
	}

	private static PolicyReference policy(PolicySource source, CategoryTree tree) {
		SlaPolicy policy = source.policy();
		List<TargetLine> targets = policy.getTargets().stream()
			.sorted(Comparator.comparing(SlaTarget::ticketType).thenComparing(SlaTarget::priority,
					Comparator.reverseOrder()))
			.map(target -> new TargetLine(target.ticketType(), target.priority(),
					Duration.ofMinutes(target.ttoMinutes()), Duration.ofMinutes(target.ttrMinutes())))
			.toList();
		List<PendingReason> pausing = Arrays.stream(PendingReason.values()).filter(policy::pauses).toList();
		List<EscalationLine> escalations = new ArrayList<>();
		int position = 1;
		for (LevelDefinition level : source.levels()) {
			escalations.add(escalation(position++, level, source.groupNames()));
		}
		Long categoryId = policy.getMatchCategoryId();
		String category = categoryId == null || tree.find(categoryId).isEmpty() ? null : tree.path(categoryId);
		TicketType type = policy.getMatchType();
		return new PolicyReference(policy.getName(), policy.isFallback(), source.calendar(), type, category,
				policy.getMatchDepartment(), policy.getMatchVip(), targets, pausing, List.copyOf(escalations));
	}

	private static EscalationLine escalation(int position, LevelDefinition level, Map<Long, String> groupNames) {
		List<String> actions = new ArrayList<>();
		if (level.notifyTechnician()) {
			actions.add("notifyTechnician");
		}
		if (level.notifySupervisor()) {
			actions.add("notifySupervisor");
		}
		if (level.notifyGroup()) {
			actions.add("notifyGroup");
		}
		if (level.raisePriority()) {
			actions.add("raisePriority");
		}
		if (level.reassign()) {
			actions.add("reassign");
		}
		if (level.observerId() != null) {
			actions.add("observer");
		}
		EscalationTrigger trigger = level.trigger() == null ? EscalationTrigger.SHARE : level.trigger();
		@Nullable String group = level.reassign() && level.groupId() != null ? groupNames.get(level.groupId()) : null;
		return new EscalationLine(position, level.clock() == null ? SlaClock.TTR : level.clock(), trigger,
				level.percent() == null ? 0 : level.percent(),
				level.duration() == null ? 0 : level.duration().toMinutes(), List.copyOf(actions), group);
	}

}
