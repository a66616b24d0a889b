package org.guichet.tickets;

import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.text.MentionedPeople;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who an {@code @login} calls in, for the rendered texts and for the calls themselves
 * ({@link Mentions}): an active member of the IT team, by login.
 */
@Component
class MentionedColleagues implements MentionedPeople {

	private final UserRepository users;

	MentionedColleagues(UserRepository users) {
		this.users = users;
	}

	/** Whether {@code user} is someone an {@code @login} calls in. */
	static boolean mayBeCalledIn(User user) {
		return user.isActive() && user.getRole().isAgent();
	}

	@Override
	@Transactional(readOnly = true)
	public @Nullable String nameOf(String login) {
		return users.findByUsername(login).filter(MentionedColleagues::mayBeCalledIn).map(User::getFullName).orElse(null);
	}

}
