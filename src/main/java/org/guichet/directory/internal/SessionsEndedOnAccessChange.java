package org.guichet.directory.internal;

import org.guichet.directory.AccessChanged;
import org.guichet.directory.PasswordResets.PasswordWasReset;
import org.guichet.directory.UserRepository;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Ends the open sessions of a person once a change of what they may do is committed: their
 * password was reset (whoever knew the old one is out), their role changed, or they were
 * deactivated. They are out at their next request, on whichever node serves it, and sign in
 * again with what they may do now (a deactivated account cannot). The sessions are those of the
 * database ({@link SecurityConfiguration#sessionRegistry}), found by the person's login.
 */
@Component
class SessionsEndedOnAccessChange {

	private final SessionRegistry sessions;

	private final UserRepository users;

	SessionsEndedOnAccessChange(SessionRegistry sessions, UserRepository users) {
		this.sessions = sessions;
		this.users = users;
	}

	@TransactionalEventListener
	void on(PasswordWasReset reset) {
		users.findById(reset.user().value()).ifPresent(user -> end(user.getUsername()));
	}

	@TransactionalEventListener
	void on(AccessChanged changed) {
		end(changed.username());
	}

	private void end(String username) {
		sessions.getAllSessions(username, false).forEach(SessionInformation::expireNow);
	}

}
