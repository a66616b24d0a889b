package org.guichet.directory;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The authenticated person, as kept in the security context for the length of a request or a
 * session. Holds no entity so that it stays valid outside a transaction. Open to the person signed
 * in with single sign-on, who is also the provider's user (its ID token ends its session there).
 */
public class CurrentUser implements UserDetails, Serializable {

	private final long id;

	private final String username;

	private final String fullName;

	private final Role role;

	private final @Nullable String language;

	private final transient String passwordHash;

	private final boolean active;

	/** The account's person, as it is now. */
	public CurrentUser(User user) {
		this(user.id().value(), user.getUsername(), user.getFullName(), user.getRole(), user.getLanguage(),
				user.getPasswordHash(), user.isActive());
	}

	public CurrentUser(long id, String username, String fullName, Role role, @Nullable String language,
			String passwordHash, boolean active) {
		this.id = id;
		this.username = username;
		this.fullName = fullName;
		this.role = role;
		this.language = language;
		this.passwordHash = passwordHash;
		this.active = active;
	}

	public UserId userId() {
		return new UserId(id);
	}

	public long id() {
		return id;
	}

	public String fullName() {
		return fullName;
	}

	public Role role() {
		return role;
	}

	public boolean isAgent() {
		return role.isAgent();
	}

	public boolean has(Role required) {
		return role.includes(required);
	}

	public @Nullable String language() {
		return language;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(role.authority()));
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isEnabled() {
		return active;
	}

	@Override
	public final boolean equals(Object other) {
		return other instanceof CurrentUser that && that.id == id;
	}

	@Override
	public final int hashCode() {
		return Long.hashCode(id);
	}

	@Override
	public String toString() {
		return username;
	}

}
