package org.guichet.announcements;

import java.time.Instant;
import java.util.Locale;

import org.guichet.system.InputChecks;
import org.guichet.system.InvalidInputException;
import org.guichet.system.OneLine;
import org.jspecify.annotations.Nullable;

/**
 * The rules of an announcement, without a database: what a draft must hold, where its period
 * stands at an instant, and which language's text a reader gets.
 */
final class AnnouncementRules {

	static final int TITLE_MAX = 200;

	static final int BODY_MAX = 2000;

	private AnnouncementRules() {
	}

	/**
	 * Checks every field of the draft at once; the major incident itself is checked by the caller.
	 *
	 * @throws InvalidInputException naming each field at fault (others in
	 * {@link InvalidInputException#others()}): {@code kind} missing; {@code titleFr} when neither
	 * title is given; {@code titleFr}/{@code titleEn} too long or not one line ({@code field.one-line});
	 * {@code bodyFr}/{@code bodyEn} too long; {@code startsAt} missing; {@code endsAt} not after {@code startsAt}; {@code ticketId}
	 * missing for a major incident, or given for another kind
	 */
	static void check(AnnouncementDraft draft) {
		InputChecks checks = new InputChecks();
		checks.check(() -> required("kind", draft.kind()));
		if (blank(draft.titleFr()) && blank(draft.titleEn())) {
			checks.check(() -> {
				throw new InvalidInputException("titleFr", "announcement.title.required",
						"Give a title, in French or in English (or both)");
			});
		}
		checks.check(() -> {
			OneLine.Check.check("titleFr", draft.titleFr());
			longest("titleFr", draft.titleFr(), TITLE_MAX);
		});
		checks.check(() -> {
			OneLine.Check.check("titleEn", draft.titleEn());
			longest("titleEn", draft.titleEn(), TITLE_MAX);
		});
		checks.check(() -> longest("bodyFr", draft.bodyFr(), BODY_MAX));
		checks.check(() -> longest("bodyEn", draft.bodyEn(), BODY_MAX));
		checks.check(() -> required("startsAt", draft.startsAt()));
		if (draft.startsAt() != null && draft.endsAt() != null && !draft.endsAt().isAfter(draft.startsAt())) {
			checks.check(() -> {
				throw new InvalidInputException("endsAt", "announcement.period.end-before-start",
						"The end must come after the start");
			});
		}
		if (draft.kind() == AnnouncementKind.MAJOR_INCIDENT && draft.ticketId() == null) {
			checks.check(() -> {
				throw new InvalidInputException("ticketId", "announcement.ticket.required",
						"Name the major incident's ticket");
			});
		}
		if (draft.kind() != null && draft.kind() != AnnouncementKind.MAJOR_INCIDENT && draft.ticketId() != null) {
			checks.check(() -> {
				throw new InvalidInputException("ticketId", "announcement.ticket.not-major-kind",
						"Only the announcement of a major incident names a ticket");
			});
		}
		checks.refuseIfAny();
	}

	/** Where the period {@code [startsAt, endsAt)} stands at {@code now}. */
	static AnnouncementPhase phase(Instant startsAt, @Nullable Instant endsAt, Instant now) {
		if (now.isBefore(startsAt)) {
			return AnnouncementPhase.PLANNED;
		}
		return endsAt == null || now.isBefore(endsAt) ? AnnouncementPhase.CURRENT : AnnouncementPhase.PAST;
	}

	/**
	 * The text in the reader's language: French for a French reader, English for anyone else; the
	 * other language's when that one is blank; null when both are.
	 */
	static @Nullable String inLanguage(Locale locale, @Nullable String french, @Nullable String english) {
		boolean fr = "fr".equals(locale.getLanguage());
		String first = fr ? french : english;
		String second = fr ? english : french;
		return !blank(first) ? first : blank(second) ? null : second;
	}

	/** The text stripped, or null when blank. */
	static @Nullable String stripped(@Nullable String text) {
		return blank(text) ? null : text.strip();
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

	private static <T> T required(String field, @Nullable T value) {
		if (value == null) {
			throw new InvalidInputException(field, "field.required", "The field " + field + " is required");
		}
		return value;
	}

	private static @Nullable Object longest(String field, @Nullable String text, int max) {
		if (text != null && text.strip().length() > max) {
			throw new InvalidInputException(field, "field.too-long", "The field " + field + " is too long", max);
		}
		return null;
	}

}
