package org.guichet.routing;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.directory.User;
import org.guichet.system.InvalidInputException;
import org.guichet.system.NotFoundException;
import org.guichet.system.PartChanges;
import org.guichet.system.VersionMismatchException;
import org.guichet.tickets.Categories;
import org.guichet.tickets.Priority;
import org.guichet.tickets.Status;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Group auto-assignment: which member of a group takes a ticket routed to the group without a
 * technician. Other flows (escalation to a group) may ask it too.
 */
@Service
@Transactional
public class Assignment {

	private final GroupAssignmentRepository modes;

	private final SupportGroupRepository groups;

	private final AbsenceRepository absences;

	private final Skills skills;

	private final Categories categories;

	private final EntityManager entityManager;

	private final PartChanges parts;

	private final Clock clock;

	/** Whether supervisors and administrators who are members of a group take its tickets too. */
	private final boolean supervisorsTakeTickets;

	Assignment(GroupAssignmentRepository modes, SupportGroupRepository groups, AbsenceRepository absences,
			Skills skills, Categories categories, EntityManager entityManager, PartChanges parts, Clock clock,
			@Value("${guichet.routing.auto-assign-supervisors:false}") boolean supervisorsTakeTickets) {
		this.supervisorsTakeTickets = supervisorsTakeTickets;
		this.modes = modes;
		this.groups = groups;
		this.absences = absences;
		this.skills = skills;
		this.categories = categories;
		this.entityManager = entityManager;
		this.parts = parts;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public AssignmentMode modeOf(long groupId) {
		return modes.findMode(groupId).orElse(AssignmentMode.NONE);
	}

	/**
	 * A group's auto-assignment mode, part of the group: it has the group's version.
	 *
	 * @param groupVersion the group's version, its ETag in the API
	 */
	public record GroupMode(AssignmentMode mode, long groupVersion) {
	}

	/**
	 * @throws NotFoundException ({@code group.not-found}) when there is no such group
	 */
	@Transactional(readOnly = true)
	public GroupMode of(long groupId) {
		SupportGroup group = groups.findById(groupId)
			.orElseThrow(() -> new NotFoundException("group.not-found", "No group " + groupId, groupId));
		return new GroupMode(modeOf(groupId), group.getVersion());
	}

	/**
	 * Sets a group's mode, which raises the group's version.
	 *
	 * @param expectedVersion the group's version the change was made on; null checks nothing
	 * @return the mode and the group's new version
	 * @throws InvalidInputException ({@code group.unknown}) when there is no such group
	 * @throws VersionMismatchException when the group changed since {@code expectedVersion}
	 */
	public GroupMode setMode(long groupId, @Nullable Long expectedVersion, AssignmentMode mode) {
		SupportGroup group = groups.findById(groupId)
			.orElseThrow(() -> new InvalidInputException("groupId", "group.unknown", "No such group", groupId));
		if (expectedVersion != null) {
			VersionMismatchException.check(expectedVersion, group.getVersion());
		}
		modes.findById(groupId).ifPresentOrElse(a -> a.setMode(mode),
				() -> modes.save(new GroupAssignment(groupId, mode)));
		parts.changed(group);
		return new GroupMode(mode, group.getVersion());
	}

	/**
	 * The member who takes a ticket of this category now; null when the group does not
	 * auto-assign or nobody qualifies, and the ticket stays with the group.
	 */
	public @Nullable Long technicianFor(long groupId, @Nullable Long categoryId) {
		return technicianFor(groupId, categories.lineage(categoryId), clock.instant());
	}

	@Nullable
	Long technicianFor(long groupId, List<Long> categoryLineage, Instant at) {
		if (modeOf(groupId) == AssignmentMode.NONE) {
			return null;
		}
		GroupAssignment assignment = modes.findForUpdate(groupId).orElseThrow();
		SupportGroup group = groups.findWithMembersById(groupId).orElse(null);
		if (group == null) {
			return null;
		}
		List<Long> members = group.getMembers()
			.stream()
			.filter(User::isActive)
			.filter(u -> u.getRole() == Role.TECHNICIAN || (supervisorsTakeTickets && u.getRole().isAgent()))
			.map(User::getId)
			.sorted()
			.toList();
		if (members.isEmpty()) {
			return null;
		}
		List<Long> qualifying = AutoAssign.qualifying(members, new HashSet<>(absences.findAbsentAt(members, at)),
				skills.of(members), categoryLineage);
		Long chosen = switch (assignment.getMode()) {
			case NONE -> null;
			case ROUND_ROBIN -> AutoAssign.roundRobin(qualifying, assignment.getLastAssigneeId());
			case LEAST_LOADED -> AutoAssign.leastLoaded(qualifying, workload(qualifying));
		};
		if (chosen != null) {
			assignment.assignedTo(chosen);
		}
		return chosen;
	}

	private Map<Long, Integer> workload(List<Long> technicians) {
		Map<Long, Integer> load = new HashMap<>();
		if (technicians.isEmpty()) {
			return load;
		}
		List<Object[]> rows = entityManager
			.createQuery("select t.assignee.id, t.priority, count(t) from Ticket t"
					+ " where t.assignee.id in :ids and t.status in :open group by t.assignee.id, t.priority",
					Object[].class)
			.setParameter("ids", technicians)
			.setParameter("open", Status.OPEN)
			.getResultList();
		for (Object[] row : rows) {
			int weighted = AutoAssign.WEIGHTS.get((Priority) row[1]) * ((Number) row[2]).intValue();
			load.merge((Long) row[0], weighted, Integer::sum);
		}
		return load;
	}

}
