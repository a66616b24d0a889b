package org.guichet.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.guichet.demo.DemoCatalogue.Topic;
import org.guichet.demo.DemoRecurrences.Occurrence;
import org.guichet.text.TokenSetSimilarity;
import org.guichet.tickets.TicketType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's incidents are worded as people word them: a title comes back near-identical only in
 * the recurrences the demo plants, judged by the recurring-incidents engine itself.
 */
class DemoWordingsTests {

	private final TokenSetSimilarity similarity = new TokenSetSimilarity(TokenSetSimilarity.DEFAULT_THRESHOLD);

	@Test
	void everyIncidentTopicHasSeveralFrenchAndEnglishWordings() {
		for (Topic topic : DemoCatalogue.TOPICS) {
			if (topic.type() == TicketType.INCIDENT) {
				assertThat(DemoWordings.FRENCH.get(topic.title())).as(topic.title()).hasSizeGreaterThanOrEqualTo(6);
				assertThat(DemoWordings.ENGLISH.get(topic.title()).titles()).as(topic.title()).hasSizeGreaterThanOrEqualTo(3);
			}
		}
		assertThat(DemoWordings.FRENCH).hasSameSizeAs(DemoWordings.ENGLISH);
	}

	@Test
	void noTwoWordingsOfACategoryAreNearIdenticalOutsideThePlantedRecurrences() {
		Map<String, List<String>> titlesByCategory = new LinkedHashMap<>();
		for (Topic topic : DemoCatalogue.TOPICS) {
			List<String> titles = titlesByCategory.computeIfAbsent(topic.category(), category -> new ArrayList<>());
			titles.addAll(DemoWordings.FRENCH.getOrDefault(topic.title(), List.of(topic.title())));
			if (DemoWordings.ENGLISH.containsKey(topic.title())) {
				titles.addAll(DemoWordings.ENGLISH.get(topic.title()).titles());
			}
		}
		for (Occurrence occurrence : DemoRecurrences.OCCURRENCES) {
			// each recurrence's titles against the other wordings of its category
			for (String other : titlesByCategory.getOrDefault(occurrence.topic().category(), List.of())) {
				assertThat(similarity.similar(occurrence.topic().title(), other))
					.as(occurrence.topic().title() + " / " + other)
					.isFalse();
			}
		}
		titlesByCategory.forEach((category, titles) -> {
			for (int i = 0; i < titles.size(); i++) {
				for (int j = i + 1; j < titles.size(); j++) {
					assertThat(similarity.similar(titles.get(i), titles.get(j)))
						.as(category + ": " + titles.get(i) + " / " + titles.get(j))
						.isFalse();
				}
			}
		});
	}

	@Test
	void the2ndFloorPrinterComesBackUnderNearIdenticalTitlesAndTheOtherRecurrencesDoNot() {
		List<String> printer = DemoRecurrences.OCCURRENCES.stream()
			.filter(occurrence -> occurrence.topic().category().startsWith("Imprimante"))
			.map(occurrence -> occurrence.topic().title())
			.toList();
		assertThat(printer).hasSizeGreaterThanOrEqualTo(4);
		assertThat(printer).allSatisfy(title -> assertThat(similarity.similar(title, printer.get(0))).as(title).isTrue());
		List<String> vpn = DemoRecurrences.OCCURRENCES.stream()
			.filter(occurrence -> occurrence.requester().equals("alemaire"))
			.map(occurrence -> occurrence.topic().title())
			.toList();
		assertThat(vpn).hasSizeGreaterThanOrEqualTo(3);
		for (int i = 1; i < vpn.size(); i++) {
			assertThat(similarity.similar(vpn.get(0), vpn.get(i))).as(vpn.get(i)).isFalse();
		}
	}

}
