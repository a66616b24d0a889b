package org.guichet.demo;

import java.util.LinkedHashMap;
import java.util.Map;

import org.guichet.demo.DemoOrganisation.Organisation;
import org.guichet.notifications.NotificationChannel;
import org.guichet.notifications.NotificationEvent;
import org.guichet.notifications.NotificationPreferences;
import org.guichet.notifications.NotificationPreferences.Cell;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The demo people's own notification choices: alice is told by SMS too of a public reply, a
 * question that waits on her and a resolution, so that the SMS channel has someone to text (the
 * demo profile's fake gateway shows those SMS). Chosen after the past tickets are loaded, so that
 * only what happens in the demo from then on is texted.
 */
@Component
class DemoNotificationChoices {

	private final NotificationPreferences preferences;

	DemoNotificationChoices(NotificationPreferences preferences) {
		this.preferences = preferences;
	}

	void create(Organisation organisation) {
		Map<Cell, @Nullable Boolean> bySms = new LinkedHashMap<>();
		for (NotificationEvent event : new NotificationEvent[] { NotificationEvent.PUBLIC_REPLY,
				NotificationEvent.WAITING_ON_YOU, NotificationEvent.RESOLVED }) {
			bySms.put(new Cell(event, NotificationChannel.SMS), true);
		}
		preferences.choose(organisation.person("alice").id().value(), false, bySms);
	}

}
