package org.guichet.directory.ldap;

import org.springframework.security.authentication.AuthenticationServiceException;

/**
 * The directory could not be reached or read (down, unreachable, timed out, refused the service
 * account, or answered an error): nothing may be concluded about anybody. At login, the login page
 * says so; a synchronisation stops and deactivates nobody.
 */
public class DirectoryUnavailableException extends AuthenticationServiceException {

	DirectoryUnavailableException(Throwable cause) {
		super("The directory could not be read: " + cause.getMessage(), cause);
	}

}
