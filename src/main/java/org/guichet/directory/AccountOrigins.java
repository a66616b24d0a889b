package org.guichet.directory;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where an account comes from: kept by Guichet (local, with its password), or from the LDAP
 * directory ({@code directory_account}, written by the synchronisation and the directory login),
 * whose password Guichet never holds and whose name, contact details, manager and language the
 * directory owns (docs/DIRECTORY.md).
 */
@Service
@Transactional(readOnly = true)
public class AccountOrigins {

	private final JdbcClient jdbc;

	AccountOrigins(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether the account comes from the directory. */
	public boolean fromDirectory(UserId user) {
		return jdbc.sql("select count(*) from directory_account where user_id = :id")
			.param("id", user.value())
			.query(Integer.class)
			.single() > 0;
	}

	/** The ids, among these, of the accounts that come from the directory. */
	public Set<Long> fromDirectory(Collection<Long> userIds) {
		if (userIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("select user_id from directory_account where user_id in (:ids)")
			.param("ids", userIds)
			.query(Long.class)
			.list());
	}

}
