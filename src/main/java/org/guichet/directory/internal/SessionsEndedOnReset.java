package org.guichet.directory.internal;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.PasswordResets.PasswordWasReset;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Ends the sessions of a person whose password was reset, once the new password is committed:
 * whoever knew the old one is out at their next request. The sessions are those this node's
 * {@link SessionRegistry} knows; another node's end at their 30 minutes of inactivity.
 */
@Component
class SessionsEndedOnReset {

	private final SessionRegistry sessions;

	SessionsEndedOnReset(SessionRegistry sessions) {
		this.sessions = sessions;
	}

	@TransactionalEventListener
	void on(PasswordWasReset reset) {
		sessions.getAllPrincipals()
			.stream()
			.filter(principal -> principal instanceof CurrentUser user && user.id() == reset.user().value())
			.flatMap(principal -> sessions.getAllSessions(principal, false).stream())
			.forEach(SessionInformation::expireNow);
	}

}
