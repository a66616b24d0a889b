package org.guichet.directory;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where an account comes from ({@link AccountOrigin}): kept by Guichet (local, with its password),
 * or from the LDAP directory or the single sign-on provider ({@code directory_account}, written by
 * the synchronisation and by their logins), whose password Guichet never holds and which own some
 * of its fields (docs/DIRECTORY.md).
 */
@Service
@Transactional(readOnly = true)
public class AccountOrigins {

	/**
	 * The password hash of an account from the directory or the provider: no password encoder has
	 * this id, so no local password can ever match it.
	 */
	public static final String NO_LOCAL_PASSWORD = "{directory}";

	private final JdbcClient jdbc;

	AccountOrigins(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether the account comes from the directory or the single sign-on provider: not local. */
	public boolean fromDirectory(UserId user) {
		return of(user) != AccountOrigin.LOCAL;
	}

	/** The ids, among these, of the accounts that are not local. */
	public Set<Long> fromDirectory(Collection<Long> userIds) {
		return of(userIds).keySet();
	}

	/** Where the account comes from. */
	public AccountOrigin of(UserId user) {
		return jdbc.sql("select origin from directory_account where user_id = :id")
			.param("id", user.value())
			.query(String.class)
			.optional()
			.map(AccountOrigin::valueOf)
			.orElse(AccountOrigin.LOCAL);
	}

	/** Where the accounts among these that are not local come from, by user id. */
	public Map<Long, AccountOrigin> of(Collection<Long> userIds) {
		Map<Long, AccountOrigin> origins = new HashMap<>();
		if (!userIds.isEmpty()) {
			jdbc.sql("select user_id, origin from directory_account where user_id in (:ids)")
				.param("ids", userIds)
				.query((RowCallbackHandler) rs -> origins.put(rs.getLong(1), AccountOrigin.valueOf(rs.getString(2))));
		}
		return origins;
	}

}
