package org.guichet.directory.ldap;

import java.time.Duration;
import java.util.List;

import org.guichet.directory.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code guichet.directory.ldap.*} settings (docs/DIRECTORY.md): where the LDAP directory or
 * Active Directory is, how its people and groups are found and read, and what its groups give in
 * Guichet. Off by default: every account is then local.
 *
 * @param enabled whether people log in with the directory and it is synchronised
 * @param urls the servers, tried in order, e.g. {@code ldaps://dc1.example.org:636}; one at least
 *        when enabled
 * @param baseDn the DN every other base is relative to, e.g. {@code dc=example,dc=org}
 * @param bindDn the service account that searches and synchronises (full DN, or for Active
 *        Directory {@code user@domain}); blank: anonymous
 * @param bindPassword its password
 * @param userSearchBase where people are, relative to {@code baseDn} (blank: the base itself)
 * @param userSearchFilter finds the person who logs in, {@code {0}} standing for the typed user
 *        name: {@code (uid={0})} (OpenLDAP), {@code (sAMAccountName={0})} (Active Directory)
 * @param userSyncFilter selects the people the synchronisation brings into Guichet; a person it
 *        no longer selects is deactivated
 * @param attributes the names of the attributes read from a person's entry
 * @param groupSearchBase where groups are, relative to {@code baseDn}
 * @param groupSearchFilter selects the groups, e.g. {@code (objectClass=groupOfNames)} or
 *        {@code (objectClass=group)}
 * @param groupMemberAttribute the group attribute that lists its members' DNs ({@code member},
 *        {@code uniqueMember})
 * @param groupMappings what members of a group get in Guichet
 * @param defaultRole the role of a new directory account whose groups give none
 * @param syncInterval how often the synchronisation runs; zero: only when an administrator asks
 * @param syncClaimTimeout after how long a synchronisation a node started and never finished
 *        (the node died) may be run by another
 * @param pageSize how many entries the directory sends per page of a search
 * @param connectTimeout how long to wait for a connection to a server
 * @param readTimeout how long to wait for an answer to an operation
 */
@ConfigurationProperties("guichet.directory.ldap")
public record LdapSettings(@DefaultValue("false") boolean enabled, @DefaultValue List<String> urls,
		@DefaultValue("") String baseDn, @DefaultValue("") String bindDn, @DefaultValue("") String bindPassword,
		@DefaultValue("") String userSearchBase, @DefaultValue("(uid={0})") String userSearchFilter,
		@DefaultValue("(objectClass=inetOrgPerson)") String userSyncFilter, @DefaultValue Attributes attributes,
		@DefaultValue("") String groupSearchBase, @DefaultValue("(objectClass=groupOfNames)") String groupSearchFilter,
		@DefaultValue("member") String groupMemberAttribute, @DefaultValue List<GroupMapping> groupMappings,
		@DefaultValue("REQUESTER") Role defaultRole, @DefaultValue("PT1H") Duration syncInterval,
		@DefaultValue("PT30M") Duration syncClaimTimeout, @DefaultValue("500") int pageSize,
		@DefaultValue("5s") Duration connectTimeout, @DefaultValue("30s") Duration readTimeout) {

	public LdapSettings {
		urls = List.copyOf(urls);
		groupMappings = List.copyOf(groupMappings);
		if (enabled && urls.isEmpty()) {
			throw new IllegalArgumentException(
					"guichet.directory.ldap.urls must name one server at least when guichet.directory.ldap.enabled is true");
		}
		if (enabled && !userSearchFilter.contains("{0}")) {
			throw new IllegalArgumentException(
					"guichet.directory.ldap.user-search-filter must hold {0}, the typed user name, e.g. (uid={0})");
		}
		if (pageSize < 1 || syncInterval.isNegative()) {
			throw new IllegalArgumentException(
					"guichet.directory.ldap.page-size must be 1 or more and guichet.directory.ldap.sync-interval not negative");
		}
	}

	/** Whether the directory decides the role of its accounts: one mapping at least gives a role. */
	public boolean decidesRoles() {
		return enabled && new GroupMappings(groupMappings).decidesRoles();
	}

	/**
	 * The attributes read from a person's entry; a blank name reads nothing (the field stays
	 * empty, or for the language, the person's own choice).
	 *
	 * @param username the login name, e.g. {@code uid} or {@code sAMAccountName}
	 * @param id a stable identifier that survives a rename: {@code entryUUID} (OpenLDAP),
	 *        {@code objectGUID} (Active Directory, read as a UUID); an entry without it is
	 *        known by its DN
	 * @param fullName e.g. {@code cn} or {@code displayName}
	 * @param email e.g. {@code mail}
	 * @param phone e.g. {@code telephoneNumber}
	 * @param department e.g. {@code departmentNumber} or {@code department}
	 * @param location e.g. {@code l} or {@code physicalDeliveryOfficeName}
	 * @param manager the attribute holding the manager's DN, {@code manager}
	 * @param language e.g. {@code preferredLanguage}; only French and English are kept
	 */
	public record Attributes(@DefaultValue("uid") String username, @DefaultValue("entryUUID") String id,
			@DefaultValue("cn") String fullName, @DefaultValue("mail") String email,
			@DefaultValue("telephoneNumber") String phone, @DefaultValue("departmentNumber") String department,
			@DefaultValue("l") String location, @DefaultValue("manager") String manager,
			@DefaultValue("preferredLanguage") String language) {

	}

	/**
	 * What the members of one directory group get in Guichet.
	 *
	 * @param group the group's DN (full, with the base), or its CN when it holds no {@code =}
	 * @param role the role it gives, null for none; a person in several groups gets the highest
	 * @param supportGroups the names of Guichet's support groups its members belong to
	 */
	public record GroupMapping(String group, @Nullable Role role, @DefaultValue List<String> supportGroups) {

		public GroupMapping {
			supportGroups = List.copyOf(supportGroups);
		}

	}

}
