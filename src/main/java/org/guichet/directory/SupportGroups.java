package org.guichet.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.guichet.system.Constraints;
import org.guichet.system.InputChecks;
import org.guichet.system.InvalidInputException;
import org.guichet.system.NotFoundException;
import org.guichet.system.OneLine;
import org.guichet.system.VersionMismatchException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrators' work on support groups, the same for Administration › Groups and the API:
 * creating, changing (name, level, members, who must be agents) and deleting them, the last once
 * every module that may use one has had its say.
 */
@Service
@Transactional
public class SupportGroups {

	/**
	 * A group as the administrator sets it.
	 *
	 * @param name unique, trimmed
	 * @param memberIds the members' user ids, each an agent (technician, supervisor or administrator);
	 *        repeated ids count once
	 */
	public record GroupDetails(@NotBlank @Size(max = 120) @OneLine @Nullable String name, @NotNull @Nullable SupportLevel level,
			List<Long> memberIds) {

		/** @param memberIds null for none; null ids are left out */
		public GroupDetails {
			memberIds = memberIds == null ? List.of() : memberIds.stream().filter(Objects::nonNull).toList();
		}

		/** The group as it is now. */
		public static GroupDetails of(SupportGroup group) {
			return new GroupDetails(group.getName(), group.getLevel(),
					group.getMembers().stream().map(User::getId).toList());
		}

	}

	private final SupportGroupRepository groups;

	private final UserRepository users;

	private final Validator validator;

	private final ApplicationEventPublisher events;

	SupportGroups(SupportGroupRepository groups, UserRepository users, Validator validator,
			ApplicationEventPublisher events) {
		this.groups = groups;
		this.users = users;
		this.validator = validator;
		this.events = events;
	}

	/**
	 * The group with its members.
	 *
	 * @throws NotFoundException ({@code group.not-found}) when there is no such group
	 */
	@Transactional(readOnly = true)
	public SupportGroup get(long groupId) {
		return groups.findWithMembersById(groupId)
			.orElseThrow(() -> new NotFoundException("group.not-found", "No group " + groupId, groupId));
	}

	/**
	 * Creates a group.
	 *
	 * @throws InvalidInputException naming every field at fault: {@code name} (required, at most
	 *         120 characters, not another group's), {@code level} (required), {@code memberIds}
	 *         (unknown people or requesters, {@code admin.groups.members.agents-only})
	 */
	public SupportGroup create(GroupDetails details) {
		List<User> members = check(details, null);
		SupportGroup group = new SupportGroup(details.name().strip(), details.level());
		group.getMembers().addAll(members);
		return groups.save(group);
	}

	/**
	 * Changes a group: name, level and every member.
	 *
	 * @param version the version the change was made on
	 * @throws NotFoundException when there is no such group
	 * @throws VersionMismatchException when the group changed since {@code version}
	 * @throws InvalidInputException as {@link #create}
	 */
	public SupportGroup update(long groupId, long version, GroupDetails details) {
		SupportGroup group = get(groupId);
		VersionMismatchException.check(version, group.getVersion());
		List<User> members = check(details, groupId);
		group.setName(details.name().strip());
		group.setLevel(details.level());
		group.getMembers().clear();
		group.getMembers().addAll(members);
		return groups.saveAndFlush(group);
	}

	/**
	 * Makes a person a member of the group; nothing changes when they already are.
	 *
	 * @throws NotFoundException when there is no such group
	 * @throws InvalidInputException on {@code memberIds} when the person is unknown or a requester
	 */
	public SupportGroup addMember(long groupId, long userId) {
		SupportGroup group = get(groupId);
		if (group.hasMember(userId)) {
			return group;
		}
		List<Long> ids = new ArrayList<>(GroupDetails.of(group).memberIds());
		ids.add(userId);
		return update(groupId, group.getVersion(), new GroupDetails(group.getName(), group.getLevel(), ids));
	}

	/**
	 * Takes a person out of the group; nothing changes when they are not a member.
	 *
	 * @throws NotFoundException when there is no such group
	 */
	public SupportGroup removeMember(long groupId, long userId) {
		SupportGroup group = get(groupId);
		if (!group.hasMember(userId)) {
			return group;
		}
		group.getMembers().removeIf(member -> member.getId() != null && member.getId() == userId);
		return groups.saveAndFlush(group);
	}

	/**
	 * @throws NotFoundException when there is no such group
	 * @throws org.guichet.system.ConflictException when a routing rule, a ticket, a webhook or
	 *         another module still uses the group
	 */
	public void delete(long groupId) {
		SupportGroup group = groups.findById(groupId)
			.orElseThrow(() -> new NotFoundException("group.not-found", "No group " + groupId, groupId));
		events.publishEvent(new SupportGroupDeleting(groupId, group.getName()));
		groups.delete(group);
	}

	/** @return the members, once each, when {@code details} can be saved */
	private List<User> check(GroupDetails details, @Nullable Long groupId) {
		InputChecks checks = new InputChecks();
		Constraints.check(validator, details, checks);
		String name = details.name() == null ? "" : details.name().strip();
		if (!name.isEmpty() && groups.findByName(name).filter(other -> !other.getId().equals(groupId)).isPresent()) {
			checks.check(() -> {
				throw new InvalidInputException("name", "admin.groups.name.taken", "Another group has this name", name);
			});
		}
		List<Long> ids = details.memberIds().stream().distinct().toList();
		List<User> members = users.findAllById(ids);
		if (members.size() != ids.size() || members.stream().anyMatch(member -> !member.getRole().isAgent())) {
			checks.check(() -> {
				throw new InvalidInputException("memberIds", "admin.groups.members.agents-only",
						"Members must be technicians, supervisors or administrators");
			});
		}
		checks.refuseIfAny();
		return members;
	}

}
