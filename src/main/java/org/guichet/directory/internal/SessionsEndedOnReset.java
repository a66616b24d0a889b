package org.guichet.directory.internal;

import org.guichet.directory.PasswordResets.PasswordWasReset;
import org.guichet.directory.UserRepository;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Ends the sessions of a person whose password was reset, once the new password is committed:
 * whoever knew the old one is out at their next request, on whichever node serves it. The
 * sessions are those of the database ({@link SecurityConfiguration#sessionRegistry}), found by
 * the person's login.
 */
@Component
class SessionsEndedOnReset {

	private final SessionRegistry sessions;

	private final UserRepository users;

	SessionsEndedOnReset(SessionRegistry sessions, UserRepository users) {
		this.sessions = sessions;
		this.users = users;
	}

	@TransactionalEventListener
	void on(PasswordWasReset reset) {
		users.findById(reset.user().value())
			.ifPresent(user -> sessions.getAllSessions(user.getUsername(), false)
				.forEach(SessionInformation::expireNow));
	}

}
