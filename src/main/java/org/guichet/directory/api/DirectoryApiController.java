package org.guichet.directory.api;

import java.net.URI;
import java.util.Comparator;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.directory.SupportGroups;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.system.IfMatch;
import org.guichet.system.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own profile, and the support groups the IT team assigns tickets to: read by the
 * IT team, created, changed and deleted by administrators through {@link SupportGroups}, as
 * Administration › Groups does.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class DirectoryApiController {

	private final UserRepository users;

	private final SupportGroupRepository groups;

	private final SupportGroups administration;

	DirectoryApiController(UserRepository users, SupportGroupRepository groups, SupportGroups administration) {
		this.users = users;
		this.groups = groups;
		this.administration = administration;
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
	@Operation(summary = "Every support group with its members, by level and name")
	List<GroupWithMembers> groups() {
		return groups.findAllWithMembers().stream().map(GroupWithMembers::of).toList();
	}

	@GetMapping("/groups/{id}")
	@PreAuthorize("hasAnyRole('TECHNICIAN','SUPERVISOR','ADMINISTRATOR')")
	@Operation(summary = "One support group with its members, its version as ETag")
	ResponseEntity<GroupWithMembers> group(@PathVariable long id) {
		return answer(administration.get(id));
	}

	/** Refused (400) naming each field at fault, as Administration › Groups refuses it. */
	@PostMapping(path = "/groups", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	@Operation(summary = "Creates a support group")
	ResponseEntity<GroupWithMembers> createGroup(@RequestBody GroupBody body) {
		GroupWithMembers created = GroupWithMembers.of(administration.create(body.details()));
		return ResponseEntity.created(URI.create("/api/v1/groups/" + created.id()))
			.eTag(IfMatch.etag(created.version()))
			.body(created);
	}

	@PutMapping(path = "/groups/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	@Operation(summary = "Replaces a group's name, level and members (If-Match or version required)")
	ResponseEntity<GroupWithMembers> replaceGroup(@PathVariable long id, @RequestBody GroupBody body,
			@RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch) {
		long version = IfMatch.required(ifMatch, body.version());
		return answer(administration.update(id, version, body.details()));
	}

	@PutMapping("/groups/{id}/members/{userId}")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	@Operation(summary = "Makes an agent a member of the group (nothing changes when they already are)")
	ResponseEntity<GroupWithMembers> addMember(@PathVariable long id, @PathVariable long userId) {
		return answer(administration.addMember(id, userId));
	}

	@DeleteMapping("/groups/{id}/members/{userId}")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	@Operation(summary = "Takes a person out of the group (nothing changes when they are not a member)")
	ResponseEntity<GroupWithMembers> removeMember(@PathVariable long id, @PathVariable long userId) {
		return answer(administration.removeMember(id, userId));
	}

	/** Refused (409) while a routing rule, a webhook or a ticket uses the group; the message names what does. */
	@DeleteMapping("/groups/{id}")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	@Operation(summary = "Deletes a support group nothing uses")
	ResponseEntity<Void> deleteGroup(@PathVariable long id) {
		administration.delete(id);
		return ResponseEntity.noContent().build();
	}

	private static ResponseEntity<GroupWithMembers> answer(SupportGroup group) {
		GroupWithMembers json = GroupWithMembers.of(group);
		return ResponseEntity.ok().eTag(IfMatch.etag(json.version())).body(json);
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

	/**
	 * @param members by full name
	 * @param memberIds the same members' ids, in the same order: what a replacement ({@code PUT})
	 *        takes, so that a group read, changed and sent back keeps its members
	 */
	record GroupWithMembers(long id, String name, SupportLevel level, List<Member> members, List<Long> memberIds,
			long version) {

		static GroupWithMembers of(SupportGroup group) {
			List<Member> members = group.getMembers()
				.stream()
				.sorted(Comparator.comparing(User::getFullName))
				.map(Member::of)
				.toList();
			return new GroupWithMembers(idOf(group), group.getName(), group.getLevel(), members,
					members.stream().map(Member::id).toList(), group.getVersion());
		}

	}

	/**
	 * A group as sent.
	 *
	 * @param memberIds the members' user ids, agents only; empty for none
	 * @param version the version a replacement was made on; absent when If-Match names it (If-Match wins)
	 */
	record GroupBody(String name, SupportLevel level, List<Long> memberIds, @Nullable Long version) {

		SupportGroups.GroupDetails details() {
			return new SupportGroups.GroupDetails(name, level, memberIds);
		}

	}

	record Member(long id, String username, String fullName) {

		static Member of(User user) {
			return new Member(user.id().value(), user.getUsername(), user.getFullName());
		}

	}

}
