package org.guichet.directory.ldap;

/**
 * A person of the directory has the user name of a local account: the local account is left as it
 * is (its owner keeps their local password) and the person is not brought into Guichet.
 */
class LocalAccountConflictException extends RuntimeException {

	LocalAccountConflictException(String username) {
		super("A local account has the user name " + username + ": that person of the directory is not synchronised");
	}

}
