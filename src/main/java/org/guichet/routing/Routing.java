package org.guichet.routing;

import java.util.List;

import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.tickets.Categories;
import org.guichet.tickets.TicketRouter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Routes each new demand through the rules, then lets the chosen group auto-assign it when the
 * rules named no technician. A group or technician that no longer fits (deleted, deactivated,
 * no longer a member) is left out rather than refusing the demand.
 */
@Service
@Transactional
public class Routing implements TicketRouter {

	private final CompiledRules rules;

	private final Categories categories;

	private final Assignment assignment;

	private final SupportGroupRepository groups;

	private final UserRepository users;

	Routing(CompiledRules rules, Categories categories, Assignment assignment, SupportGroupRepository groups,
			UserRepository users) {
		this.rules = rules;
		this.categories = categories;
		this.assignment = assignment;
		this.groups = groups;
		this.users = users;
	}

	@Override
	public Decision route(Demand demand) {
		List<Long> lineage = categories.lineage(demand.categoryId());
		Decision decision = rules.current().evaluate(demand, lineage);
		if (decision.rules().isEmpty()) {
			return decision;
		}
		Long groupId = decision.groupId();
		SupportGroup group = groupId == null ? null : groups.findWithMembersById(groupId).orElse(null);
		Long technicianId = decision.technicianId();
		if (technicianId != null && (!isActiveAgent(technicianId) || group != null && !group.hasMember(technicianId))) {
			technicianId = null;
		}
		if (group != null && technicianId == null) {
			technicianId = assignment.technicianFor(groupId, lineage, demand.at());
		}
		return new Decision(group == null ? null : groupId, technicianId, decision.urgency(), decision.impact(),
				decision.observerIds(), decision.slaPolicyId(), decision.rules());
	}

	@Override
	public @Nullable Long technicianFor(long groupId, @Nullable Long categoryId) {
		return assignment.technicianFor(groupId, categoryId);
	}

	/** Which rules would fire for this demand, and what they decide, without changing anything. */
	@Transactional(readOnly = true)
	public Decision test(Demand demand) {
		return rules.current().evaluate(demand, categories.lineage(demand.categoryId()));
	}

	private boolean isActiveAgent(long userId) {
		return users.findById(userId).filter(Routing::isActiveAgent).isPresent();
	}

	static boolean isActiveAgent(User user) {
		return user.isActive() && user.getRole().isAgent();
	}

}
