package org.guichet.assist;

import java.time.Instant;
import java.util.List;

import org.guichet.assist.SettledFields.Change;
import org.guichet.tickets.Channel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.assist.TriageField.CATEGORY;
import static org.guichet.assist.TriageField.GROUP;
import static org.guichet.assist.TriageField.TYPE;
import static org.guichet.assist.TriageField.URGENCY;

class SettledFieldsTests {

	private static final Instant REGISTERED = Instant.parse("2026-12-01T09:00:00Z");

	private static final Instant LATER = REGISTERED.plusSeconds(600);

	@Test
	void aMailLeavesEveryFieldToTheAssistantUntilAPersonChangesOne() {
		assertThat(SettledFields.settled(Channel.EMAIL, false, false, List.of(), REGISTERED)).isEmpty();
		assertThat(SettledFields.settled(Channel.EMAIL, false, true,
				List.of(new Change(CATEGORY, true, false, LATER), new Change(URGENCY, true, true, LATER)), REGISTERED))
			.containsExactlyInAnyOrder(CATEGORY, URGENCY);
	}

	@Test
	void aFormOrTheApiSettlesTheTypeTheUrgencyAndTheCategoryWhenGivenButNotARoutedGroup() {
		List<Change> routed = List.of(new Change(GROUP, false, false, REGISTERED));
		assertThat(SettledFields.settled(Channel.PORTAL, false, false, routed, REGISTERED))
			.containsExactlyInAnyOrder(TYPE, URGENCY);
		assertThat(SettledFields.settled(Channel.PHONE, false, true, routed, REGISTERED))
			.containsExactlyInAnyOrder(TYPE, URGENCY, CATEGORY);
		assertThat(SettledFields.settled(Channel.API, false, true, List.of(), REGISTERED))
			.containsExactlyInAnyOrder(TYPE, URGENCY, CATEGORY);
	}

	@Test
	void theCatalogueSettlesTheTypeTheItemsCategoryAndTheGroupGivenAtRegistrationNotTheUrgency() {
		assertThat(SettledFields.settled(Channel.PORTAL, true, true,
				List.of(new Change(GROUP, false, false, REGISTERED)), REGISTERED))
			.containsExactlyInAnyOrder(TYPE, CATEGORY, GROUP);
		assertThat(SettledFields.settled(Channel.API, true, false, List.of(), REGISTERED)).containsExactly(TYPE);
	}

	@Test
	void aCategoryFirstGivenAfterRegistrationWithoutAPersonIsNotSettled() {
		// e.g. the assistant's auto-triage: the category had no value at registration
		assertThat(SettledFields.settled(Channel.PORTAL, false, true, List.of(new Change(CATEGORY, false, false, LATER)),
				REGISTERED)).containsExactlyInAnyOrder(TYPE, URGENCY);
	}

	@Test
	void aGroupChangedLaterWithoutAPersonIsNotTheCataloguesNorAPersons() {
		assertThat(SettledFields.settled(Channel.PORTAL, true, false, List.of(new Change(GROUP, false, false, LATER)),
				REGISTERED)).containsExactly(TYPE);
	}

}
