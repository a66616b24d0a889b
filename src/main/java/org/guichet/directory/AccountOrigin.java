package org.guichet.directory;

/** Who keeps an account's identity, and so which of its fields Guichet may change. */
public enum AccountOrigin {

	/** Guichet: every field, and the password. */
	LOCAL,

	/** The LDAP directory: name, contact details, manager, language, password, and the role when it maps groups to roles. */
	LDAP,

	/** The OpenID Connect provider the person signs in with: name, e-mail address and password. */
	OIDC;

	/**
	 * The fields of an account that an administrator cannot change, as named by the users API.
	 *
	 * @param directoryDecidesRoles whether the LDAP directory decides the roles of its accounts
	 */
	public java.util.List<String> ownedFields(boolean directoryDecidesRoles) {
		return switch (this) {
			case LOCAL -> java.util.List.of();
			case LDAP -> directoryDecidesRoles
					? java.util.List.of("fullName", "email", "phone", "department", "location", "managerId", "language",
							"role", "password")
					: java.util.List.of("fullName", "email", "phone", "department", "location", "managerId", "language",
							"password");
			case OIDC -> java.util.List.of("fullName", "email", "password");
		};
	}

}
