package org.guichet.directory.ldap;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.guichet.directory.Role;
import org.guichet.directory.ldap.LdapSettings.GroupMapping;
import org.jspecify.annotations.Nullable;

/**
 * What a person's directory groups give in Guichet, from {@code guichet.directory.ldap.group-mappings}:
 * the highest role among their groups' roles, and the support groups of their groups. The role of a
 * directory account belongs to the directory as soon as one mapping gives a role; a support group
 * named in a mapping has its directory accounts' memberships set by the directory.
 */
final class GroupMappings {

	private final List<GroupMapping> mappings;

	GroupMappings(List<GroupMapping> mappings) {
		this.mappings = List.copyOf(mappings);
	}

	/** Whether the directory decides the role of its accounts (one mapping at least gives a role). */
	boolean decidesRoles() {
		return mappings.stream().anyMatch(mapping -> mapping.role() != null);
	}

	/** The names of the support groups whose directory members the directory decides. */
	Set<String> supportGroups() {
		Set<String> names = new LinkedHashSet<>();
		mappings.forEach(mapping -> names.addAll(mapping.supportGroups()));
		return names;
	}

	/**
	 * The role a person gets from their groups.
	 *
	 * @param groupDns the normalised DNs ({@link DistinguishedNames#normalise}) of their groups
	 * @return the highest role their groups give; null when none gives one
	 */
	@Nullable Role role(Collection<String> groupDns) {
		Role highest = null;
		for (GroupMapping mapping : matching(groupDns)) {
			if (mapping.role() != null && (highest == null || mapping.role().includes(highest))) {
				highest = mapping.role();
			}
		}
		return highest;
	}

	/** The support groups a person's groups give, by name. */
	Set<String> supportGroups(Collection<String> groupDns) {
		Set<String> names = new LinkedHashSet<>();
		matching(groupDns).forEach(mapping -> names.addAll(mapping.supportGroups()));
		return names;
	}

	/** Whether a group, by its normalised DN, is named in a mapping (the others need not be read). */
	boolean mapped(String groupDn) {
		return mappings.stream().anyMatch(mapping -> matches(mapping, groupDn));
	}

	private List<GroupMapping> matching(Collection<String> groupDns) {
		return mappings.stream().filter(mapping -> groupDns.stream().anyMatch(dn -> matches(mapping, dn))).toList();
	}

	private static boolean matches(GroupMapping mapping, String groupDn) {
		String group = mapping.group().strip();
		return group.contains("=") ? DistinguishedNames.normalise(group).equals(groupDn)
				: group.toLowerCase(Locale.ROOT).equals(DistinguishedNames.leaf(groupDn));
	}

}
