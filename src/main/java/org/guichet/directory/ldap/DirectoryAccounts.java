package org.guichet.directory.ldap;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.guichet.directory.AccountOrigin;
import org.guichet.directory.AccountOrigins;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings what the directory says of a person into their Guichet account: creates it (as a
 * directory account) or updates it, sets the role and the support groups the mappings give, links
 * the manager, and deactivates, never deletes, the accounts the directory no longer has. A
 * deactivated account found again is active again; one an administrator deactivated stays so.
 */
@Service
@Transactional
class DirectoryAccounts {

	static final String NO_LOCAL_PASSWORD = AccountOrigins.NO_LOCAL_PASSWORD;

	private final DirectoryAccountRepository accounts;

	private final UserRepository users;

	private final SupportGroupRepository groups;

	private final LdapSettings settings;

	private final GroupMappings mappings;

	DirectoryAccounts(DirectoryAccountRepository accounts, UserRepository users, SupportGroupRepository groups,
			LdapSettings settings) {
		this.accounts = accounts;
		this.users = users;
		this.groups = groups;
		this.settings = settings;
		this.mappings = new GroupMappings(settings.groupMappings());
	}

	/** What {@link #apply} did to the account. */
	enum Outcome {

		CREATED, UPDATED, UNCHANGED, REACTIVATED

	}

	/** The result of {@link #apply}: the account's user id and what was done. */
	record Applied(long userId, Outcome outcome) {

	}

	/**
	 * Creates or updates the person's account from the directory.
	 *
	 * @param groupDns the normalised DNs of the person's directory groups
	 * @param now the time of the reading, recorded as the account's last sync
	 * @throws LocalAccountConflictException when a local account has the person's user name
	 */
	Applied apply(DirectoryPerson person, Collection<String> groupDns, Instant now) {
		Optional<DirectoryAccount> known = accounts.findByExternalId(person.externalId());
		User user;
		DirectoryAccount account;
		boolean created = false;
		if (known.isPresent()) {
			account = known.get();
			user = users.findById(account.userId()).orElseThrow();
		}
		else {
			Optional<User> sameName = users.findByUsername(person.username());
			if (sameName.isPresent()) {
				user = sameName.get();
				// the entry was deleted and created again in the directory: the account follows it
				account = accounts.findById(user.id().value())
					.filter(found -> found.origin() == AccountOrigin.LDAP)
					.orElseThrow(() -> new LocalAccountConflictException(person.username()));
			}
			else {
				Role role = Objects.requireNonNullElse(mappings.role(groupDns), settings.defaultRole());
				user = users.save(new User(person.username(), NO_LOCAL_PASSWORD, person.fullName(), role, now));
				account = accounts.save(new DirectoryAccount(user.id().value(), person.externalId(),
						DistinguishedNames.normalise(person.dn()), now));
				created = true;
			}
		}
		boolean changed = copy(person, user) | memberships(user, groupDns);
		Role role = mappings.role(groupDns);
		if (mappings.decidesRoles()) {
			role = Objects.requireNonNullElse(role, settings.defaultRole());
			changed |= user.getRole() != role;
			user.setRole(role);
		}
		if (!NO_LOCAL_PASSWORD.equals(user.getPasswordHash())) {
			user.changePasswordHash(NO_LOCAL_PASSWORD);
		}
		boolean reactivated = account.missingSince() != null;
		if (reactivated) {
			account.missing(null);
			user.setActive(true);
		}
		account.seen(person.externalId(), DistinguishedNames.normalise(person.dn()), now);
		Outcome outcome = created ? Outcome.CREATED
				: reactivated ? Outcome.REACTIVATED : changed ? Outcome.UPDATED : Outcome.UNCHANGED;
		return new Applied(user.id().value(), outcome);
	}

	/**
	 * Links each account to its manager's account.
	 *
	 * @param managerDns for accounts by user id, their manager's normalised DN (absent: none)
	 * @param userIds for the people read, their account's user id by normalised DN
	 * @return how many accounts' manager changed
	 */
	int linkManagers(Map<Long, @Nullable String> managerDns, Map<String, Long> userIds) {
		int changed = 0;
		for (Map.Entry<Long, @Nullable String> entry : managerDns.entrySet()) {
			User user = users.findById(entry.getKey()).orElseThrow();
			Long managerId = entry.getValue() == null ? null : userIds.get(entry.getValue());
			Long current = user.getManager() == null ? null : user.getManager().getId();
			if (!Objects.equals(current, managerId) && !Objects.equals(managerId, user.getId())) {
				user.setManager(managerId == null ? null : users.getReferenceById(managerId));
				changed++;
			}
		}
		return changed;
	}

	/**
	 * Links one account to its manager's when the manager already has an account (a login
	 * reads one person only).
	 */
	void linkManager(long userId, @Nullable String managerDn) {
		if (managerDn == null) {
			return;
		}
		accounts.findUserIdByDn(DistinguishedNames.normalise(managerDn)).filter(id -> id != userId)
			.ifPresent(id -> users.findById(userId).orElseThrow().setManager(users.getReferenceById(id)));
	}

	/**
	 * Deactivates the directory accounts a complete synchronisation did not find.
	 *
	 * @param start when that synchronisation started reading: accounts read since are kept
	 * @param seen the external ids it read, kept too (their account may have failed to update)
	 * @return how many accounts were deactivated
	 */
	int deactivateMissing(Instant start, Set<String> seen, Instant now) {
		int deactivated = 0;
		for (DirectoryAccount account : accounts.findNotSeenSince(start)) {
			if (!seen.contains(account.externalId())) {
				account.missing(now);
				users.findById(account.userId()).ifPresent(user -> user.setActive(false));
				deactivated++;
			}
		}
		return deactivated;
	}

	/** Whether there is at least one directory account. */
	@Transactional(readOnly = true)
	boolean any() {
		return accounts.existsByOrigin(AccountOrigin.LDAP);
	}

	/** Copies the directory-owned fields; the language only when the directory names one. */
	private static boolean copy(DirectoryPerson person, User user) {
		boolean changed = !Objects.equals(user.getFullName(), person.fullName())
				|| !Objects.equals(user.getEmail(), person.email()) || !Objects.equals(user.getPhone(), person.phone())
				|| !Objects.equals(user.getDepartment(), person.department())
				|| !Objects.equals(user.getLocation(), person.location())
				|| person.language() != null && !person.language().equals(user.getLanguage());
		user.setFullName(cut(person.fullName(), 120));
		user.setEmail(cutOrNull(person.email(), 200));
		user.setPhone(cutOrNull(person.phone(), 40));
		user.setDepartment(cutOrNull(person.department(), 120));
		user.setLocation(cutOrNull(person.location(), 120));
		if (person.language() != null) {
			user.setLanguage(person.language());
		}
		return changed;
	}

	/** Puts the account in the mapped support groups its directory groups give, and out of the others. */
	private boolean memberships(User user, Collection<String> groupDns) {
		Set<String> wanted = mappings.supportGroups(groupDns);
		boolean changed = false;
		for (String name : mappings.supportGroups()) {
			Optional<SupportGroup> group = groups.findByName(name);
			if (group.isEmpty()) {
				continue;
			}
			boolean member = group.get().hasMember(user.id().value());
			if (wanted.contains(name) && !member) {
				group.get().getMembers().add(user);
				changed = true;
			}
			else if (!wanted.contains(name) && member) {
				group.get().getMembers().removeIf(m -> Objects.equals(m.getId(), user.getId()));
				changed = true;
			}
		}
		return changed;
	}

	private static String cut(String value, int length) {
		return value.length() > length ? value.substring(0, length) : value;
	}

	private static @Nullable String cutOrNull(@Nullable String value, int length) {
		return value == null ? null : cut(value, length);
	}

}
