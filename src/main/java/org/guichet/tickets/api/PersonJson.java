package org.guichet.tickets.api;

import org.guichet.directory.User;
import org.jspecify.annotations.Nullable;

/** A person as a ticket names them. */
record PersonJson(long id, String username, String fullName) {

	static PersonJson of(User user) {
		return new PersonJson(user.id().value(), user.getUsername(), user.getFullName());
	}

	static @Nullable PersonJson ofNullable(@Nullable User user) {
		return user == null ? null : of(user);
	}

}
