package org.guichet.directory;

import jakarta.persistence.PostUpdate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes {@link AccessChanged} when Hibernate writes an account whose role or activity
 * changed: the one place no such change can go around. Instantiated by Hibernate through Spring.
 */
class AccessChangedListener {

	private final ObjectProvider<ApplicationEventPublisher> events;

	AccessChangedListener(ObjectProvider<ApplicationEventPublisher> events) {
		this.events = events;
	}

	@PostUpdate
	void written(User user) {
		if (user.takeAccessChanged()) {
			events.getObject().publishEvent(new AccessChanged(new UserId(user.getId()), user.getUsername()));
		}
	}

}
