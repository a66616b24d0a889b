package org.guichet.announcements;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.guichet.system.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnnouncementRulesTests {

	private static final Instant NINE = Instant.parse("2026-12-09T08:00:00Z");

	private static final Instant SIX = Instant.parse("2026-12-09T17:00:00Z");

	@Test
	void aDraftWithATitleInOneLanguageAndAnOpenEndIsAccepted() {
		assertThatCode(() -> AnnouncementRules.check(new AnnouncementDraft(AnnouncementKind.INFORMATION, null,
				"New printers", null, null, NINE, null, null))).doesNotThrowAnyException();
		assertThatCode(() -> AnnouncementRules.check(new AnnouncementDraft(AnnouncementKind.MAJOR_INCIDENT,
				"Messagerie en panne", null, null, null, NINE, SIX, 12L))).doesNotThrowAnyException();
	}

	@Test
	void everyFaultOfADraftIsRefusedAtOnceEachNamingItsField() {
		AnnouncementDraft bad = new AnnouncementDraft(null, " ", "", "x".repeat(2001), null, null, null, 3L);
		assertThatThrownBy(() -> AnnouncementRules.check(bad)).isInstanceOfSatisfying(InvalidInputException.class,
				ex -> assertThat(fields(ex)).containsExactlyInAnyOrder("kind", "titleFr", "bodyFr", "startsAt"));
		AnnouncementDraft reversed = new AnnouncementDraft(AnnouncementKind.PLANNED_MAINTENANCE, "Maintenance", null,
				null, null, SIX, NINE, 4L);
		assertThatThrownBy(() -> AnnouncementRules.check(reversed))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> {
				assertThat(fields(ex)).containsExactlyInAnyOrder("endsAt", "ticketId");
				assertThat(ex.messageKey()).isEqualTo("announcement.period.end-before-start");
			});
		AnnouncementDraft empty = new AnnouncementDraft(AnnouncementKind.MAJOR_INCIDENT, "Panne", null, null, null,
				NINE, NINE, null);
		assertThatThrownBy(() -> AnnouncementRules.check(empty)).isInstanceOfSatisfying(InvalidInputException.class,
				ex -> assertThat(fields(ex)).containsExactlyInAnyOrder("endsAt", "ticketId"));
	}

	@Test
	void aTitleOnSeveralLinesIsRefusedOneLineInEitherLanguage() {
		AnnouncementDraft twoLines = new AnnouncementDraft(AnnouncementKind.INFORMATION, "Nouvelles\r\nimprimantes",
				"New\tprinters", null, null, NINE, null, null);
		assertThatThrownBy(() -> AnnouncementRules.check(twoLines)).isInstanceOfSatisfying(InvalidInputException.class,
				ex -> {
					assertThat(fields(ex)).containsExactly("titleFr", "titleEn");
					assertThat(ex.messageKey()).isEqualTo("field.one-line");
					assertThat(ex.others()).extracting(InvalidInputException::messageKey).containsExactly("field.one-line");
				});
	}

	@Test
	void thePeriodIncludesItsStartAndExcludesItsEnd() {
		assertThat(AnnouncementRules.phase(NINE, SIX, NINE.minusMillis(1))).isEqualTo(AnnouncementPhase.PLANNED);
		assertThat(AnnouncementRules.phase(NINE, SIX, NINE)).isEqualTo(AnnouncementPhase.CURRENT);
		assertThat(AnnouncementRules.phase(NINE, SIX, SIX.minusMillis(1))).isEqualTo(AnnouncementPhase.CURRENT);
		assertThat(AnnouncementRules.phase(NINE, SIX, SIX)).isEqualTo(AnnouncementPhase.PAST);
		assertThat(AnnouncementRules.phase(NINE, null, SIX.plusSeconds(86_400 * 365L)))
			.isEqualTo(AnnouncementPhase.CURRENT);
	}

	/** Seeded: any instant against any period falls in exactly the phase its position says. */
	@Test
	void aSeededSampleOfPeriodsAndInstantsAgreesWithThePhaseDefinition() {
		Random random = new Random(20261209L);
		for (int i = 0; i < 2_000; i++) {
			Instant start = NINE.plusSeconds(random.nextInt(10_000));
			Instant end = random.nextInt(4) == 0 ? null : start.plusSeconds(1 + random.nextInt(10_000));
			Instant now = NINE.plusSeconds(random.nextInt(25_000));
			AnnouncementPhase expected = now.isBefore(start) ? AnnouncementPhase.PLANNED
					: end != null && !now.isBefore(end) ? AnnouncementPhase.PAST : AnnouncementPhase.CURRENT;
			assertThat(AnnouncementRules.phase(start, end, now)).as("%s %s %s", start, end, now).isEqualTo(expected);
		}
	}

	@Test
	void aReaderGetsTheirLanguageAndTheOtherWhenTheirsIsEmpty() {
		assertThat(AnnouncementRules.inLanguage(Locale.FRENCH, "Panne", "Outage")).isEqualTo("Panne");
		assertThat(AnnouncementRules.inLanguage(Locale.ENGLISH, "Panne", "Outage")).isEqualTo("Outage");
		assertThat(AnnouncementRules.inLanguage(Locale.GERMAN, "Panne", "Outage")).isEqualTo("Outage");
		assertThat(AnnouncementRules.inLanguage(Locale.ENGLISH, "Panne", " ")).isEqualTo("Panne");
		assertThat(AnnouncementRules.inLanguage(Locale.FRENCH, null, "Outage")).isEqualTo("Outage");
		assertThat(AnnouncementRules.inLanguage(Locale.FRENCH, null, "")).isNull();
	}

	@Test
	void endingAPlannedAnnouncementMovesItsStartSoItIsNeverShownAndAPastOneKeepsItsEnd() {
		Announcement planned = announcement(SIX, null);
		planned.end(NINE);
		assertThat(planned.getStartsAt()).isEqualTo(NINE);
		assertThat(planned.phase(NINE)).isEqualTo(AnnouncementPhase.PAST);
		Announcement past = announcement(NINE, SIX);
		past.end(SIX.plusSeconds(60));
		assertThat(past.getEndsAt()).isEqualTo(SIX);
	}

	private static Announcement announcement(Instant start, Instant end) {
		Announcement announcement = new Announcement(1, NINE);
		announcement.apply(new AnnouncementDraft(AnnouncementKind.INFORMATION, "Info", null, null, null, start, end,
				null), NINE);
		return announcement;
	}

	private static List<String> fields(InvalidInputException ex) {
		List<String> fields = new ArrayList<>();
		fields.add(ex.field());
		ex.others().forEach(other -> fields.add(other.field()));
		return fields;
	}

}
