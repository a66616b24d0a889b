package org.guichet.directory.ldap;

import java.time.Clock;
import java.util.Set;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Logging in with the directory's password: a bind as the person, then their account created or
 * updated from the directory (fields, role, support groups, manager when known) before the login
 * completes. Guichet never keeps the password.
 */
@Service
public class DirectoryLogin {

	private final ObjectProvider<LdapDirectory> directory;

	private final DirectoryAccounts accounts;

	private final UserRepository users;

	private final TransactionTemplate transactions;

	private final Clock clock;

	DirectoryLogin(ObjectProvider<LdapDirectory> directory, DirectoryAccounts accounts, UserRepository users,
			TransactionTemplate transactions, Clock clock) {
		this.directory = directory;
		this.accounts = accounts;
		this.users = users;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Whether a directory is configured ({@code guichet.directory.ldap.enabled}). */
	public boolean enabled() {
		return directory.getIfAvailable() != null;
	}

	/**
	 * Checks the password with the directory and brings the person's account up to date.
	 *
	 * @return the person, logged in
	 * @throws BadCredentialsException when the directory knows no such person, the password is not
	 *         theirs, or a local account has their user name
	 * @throws DisabledException when an administrator deactivated their account in Guichet
	 * @throws DirectoryUnavailableException when the directory cannot be reached or read
	 * @throws IllegalStateException when no directory is configured
	 */
	public CurrentUser authenticate(String username, String password) {
		LdapDirectory ldap = directory.getIfAvailable();
		if (ldap == null) {
			throw new IllegalStateException("No directory is configured (guichet.directory.ldap.enabled)");
		}
		DirectoryPerson person = ldap.authenticate(username, password);
		Set<String> groups = ldap.groupsOf(person.dn());
		try {
			return update(person, groups);
		}
		catch (DataIntegrityViolationException ex) {
			// a synchronisation created the account at the same moment: it exists now
			return update(person, groups);
		}
		catch (LocalAccountConflictException ex) {
			throw new BadCredentialsException(ex.getMessage(), ex);
		}
	}

	private CurrentUser update(DirectoryPerson person, Set<String> groups) {
		User user = transactions.execute(status -> {
			DirectoryAccounts.Applied applied = accounts.apply(person, groups, clock.instant());
			accounts.linkManager(applied.userId(), person.managerDn());
			return users.findById(applied.userId()).orElseThrow();
		});
		if (!user.isActive()) {
			throw new DisabledException("The account of " + user.getUsername() + " is deactivated");
		}
		return new CurrentUser(user);
	}

}
