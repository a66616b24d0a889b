package org.guichet.directory.api;

import java.util.Comparator;
import java.util.List;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.directory.SupportGroups;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.system.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own profile, and the support groups the IT team assigns tickets to.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class DirectoryApiController {

	private final UserRepository users;

	private final SupportGroupRepository groups;

	private final SupportGroups groupDeletion;

	DirectoryApiController(UserRepository users, SupportGroupRepository groups, SupportGroups groupDeletion) {
		this.users = users;
		this.groups = groups;
		this.groupDeletion = groupDeletion;
	}

	@GetMapping("/users/me")
	@PreAuthorize("isAuthenticated()")
	Me me(@AuthenticationPrincipal CurrentUser by) {
		User user = users.findById(by.id())
			.orElseThrow(() -> new NotFoundException("user.not-found", "No user " + by.id(), by.getUsername()));
		List<GroupRef> memberOf = groups.findAllById(groups.findGroupIdsOfMember(by.id()))
			.stream()
			.sorted(Comparator.comparing(SupportGroup::getLevel).thenComparing(SupportGroup::getName))
			.map(GroupRef::of)
			.toList();
		return new Me(by.id(), user.getUsername(), user.getFullName(), user.getEmail(), user.getRole(),
				user.getLanguage(), user.isVip(), user.getDepartment(), memberOf);
	}

	@GetMapping("/groups")
	@PreAuthorize("hasAnyRole('TECHNICIAN','SUPERVISOR','ADMINISTRATOR')")
	List<GroupWithMembers> groups() {
		return groups.findAllWithMembers()
			.stream()
			.map(group -> new GroupWithMembers(idOf(group), group.getName(), group.getLevel(),
					group.getMembers()
						.stream()
						.sorted(Comparator.comparing(User::getFullName))
						.map(Member::of)
						.toList()))
			.toList();
	}

	/** Refused (409) while a routing rule or a ticket uses the group; the message names what does. */
	@DeleteMapping("/groups/{id}")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	ResponseEntity<Void> deleteGroup(@PathVariable long id) {
		groupDeletion.delete(id);
		return ResponseEntity.noContent().build();
	}

	private static long idOf(SupportGroup group) {
		Long id = group.getId();
		if (id == null) {
			throw new IllegalStateException("group not saved");
		}
		return id;
	}

	record Me(long id, String username, String fullName, @Nullable String email, Role role,
			@Nullable String language, boolean vip, @Nullable String department, List<GroupRef> groups) {
	}

	record GroupRef(long id, String name, SupportLevel level) {

		static GroupRef of(SupportGroup group) {
			return new GroupRef(idOf(group), group.getName(), group.getLevel());
		}

	}

	record GroupWithMembers(long id, String name, SupportLevel level, List<Member> members) {
	}

	record Member(long id, String username, String fullName) {

		static Member of(User user) {
			return new Member(user.id().value(), user.getUsername(), user.getFullName());
		}

	}

}
