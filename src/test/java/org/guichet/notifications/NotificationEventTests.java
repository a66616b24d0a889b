package org.guichet.notifications;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.notifications.NotificationChannel.EMAIL;
import static org.guichet.notifications.NotificationChannel.IN_APP;

/** How a preference is resolved: the person's choice, else the administrators' default, else the built-in one. */
class NotificationEventTests {

	@Test
	void withoutAnyChoiceTheBuiltInDefaultApplies() {
		assertThat(NotificationEvent.PUBLIC_REPLY.reaches(EMAIL, null, null)).isTrue();
		assertThat(NotificationEvent.PUBLIC_REPLY.reaches(IN_APP, null, null)).isTrue();
		assertThat(NotificationEvent.DAILY_DIGEST.reaches(EMAIL, null, null)).as("the digest is off by default").isFalse();
	}

	@Test
	void theAdministratorsDefaultReplacesTheBuiltInOneForPeopleWhoDidNotChoose() {
		assertThat(NotificationEvent.PUBLIC_REPLY.reaches(EMAIL, false, null)).isFalse();
		assertThat(NotificationEvent.DAILY_DIGEST.reaches(EMAIL, true, null)).isTrue();
		assertThat(NotificationEvent.PUBLIC_REPLY.defaultOn(EMAIL, false)).isFalse();
		assertThat(NotificationEvent.PUBLIC_REPLY.defaultOn(EMAIL, null)).isTrue();
	}

	@Test
	void aPersonsOwnChoiceWinsOverEitherDefault() {
		assertThat(NotificationEvent.PUBLIC_REPLY.reaches(EMAIL, null, false)).isFalse();
		assertThat(NotificationEvent.PUBLIC_REPLY.reaches(EMAIL, false, true)).isTrue();
		assertThat(NotificationEvent.MENTIONED.reaches(IN_APP, true, false)).isFalse();
		assertThat(NotificationEvent.DAILY_DIGEST.reaches(EMAIL, false, true)).isTrue();
	}

	@Test
	void aChannelTheEventDoesNotUseIsNeverReachedWhateverIsChosen() {
		assertThat(NotificationEvent.TICKET_RECEIVED.reaches(IN_APP, true, true)).isFalse();
		assertThat(NotificationEvent.DAILY_DIGEST.reaches(IN_APP, true, true)).isFalse();
		assertThat(NotificationEvent.DAILY_DIGEST.choosable(IN_APP)).isFalse();
		assertThat(NotificationEvent.DAILY_DIGEST.defaultOn(IN_APP, true)).isFalse();
	}

	@Test
	void whatWaitsOnThePersonAlwaysShowsInAppEvenWhenSwitchedOff() {
		for (NotificationEvent event : new NotificationEvent[] { NotificationEvent.WAITING_ON_YOU, NotificationEvent.RESOLVED }) {
			assertThat(event.reaches(IN_APP, false, false)).as(event.name()).isTrue();
			assertThat(event.choosable(IN_APP)).as(event.name()).isFalse();
			assertThat(event.reaches(EMAIL, null, false)).as(event.name() + " by mail can be switched off").isFalse();
		}
	}

	@Test
	void theRequestersEventsAreOfferedToEveryoneAndTheAgentsOnesToAgentsOnly() {
		assertThat(NotificationPreferences.offeredTo(false)).contains(NotificationEvent.PUBLIC_REPLY)
			.doesNotContain(NotificationEvent.MENTIONED, NotificationEvent.DAILY_DIGEST);
		assertThat(NotificationPreferences.offeredTo(true)).containsExactly(NotificationEvent.values());
	}

	@Test
	void everyEventHasABundleKeyMadeOfItsName() {
		assertThat(NotificationEvent.SLA_ESCALATION.key()).isEqualTo("sla-escalation");
		assertThat(NotificationEvent.DAILY_DIGEST.key()).isEqualTo("daily-digest");
	}

}
