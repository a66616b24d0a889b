package org.guichet.directory.ldap;

import org.jspecify.annotations.Nullable;

/**
 * A person as the directory describes them, read through the configured attributes.
 *
 * @param externalId the entry's stable identifier (its {@code id} attribute, else its DN)
 * @param dn the entry's full distinguished name
 * @param username the login name
 * @param fullName never blank (the user name when the directory has no name)
 * @param managerDn the manager's full DN, null for none
 * @param language {@code fr} or {@code en}, null when the directory says nothing Guichet speaks
 */
record DirectoryPerson(String externalId, String dn, String username, String fullName, @Nullable String email,
		@Nullable String phone, @Nullable String department, @Nullable String location, @Nullable String managerDn,
		@Nullable String language) {

}
