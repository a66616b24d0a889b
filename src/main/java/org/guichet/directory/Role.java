package org.guichet.directory;

/**
 * What a user may do. Each role includes the rights of the ones before it.
 */
public enum Role {

	REQUESTER, TECHNICIAN, SUPERVISOR, ADMINISTRATOR;

	public boolean isAgent() {
		return this != REQUESTER;
	}

	public boolean includes(Role other) {
		return compareTo(other) >= 0;
	}

	public String authority() {
		return "ROLE_" + name();
	}

}
