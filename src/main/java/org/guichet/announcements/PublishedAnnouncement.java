package org.guichet.announcements;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

import org.guichet.tickets.TicketId;
import org.jspecify.annotations.Nullable;

/**
 * An announcement as it is kept in memory for the banners and the API's current list: immutable,
 * read without a database.
 *
 * @param startsAt UTC
 * @param endsAt UTC; null while no end is known
 * @param ticketId the major incident it announces, or null
 */
public record PublishedAnnouncement(long id, AnnouncementKind kind, @Nullable String titleFr,
		@Nullable String titleEn, @Nullable String bodyFr, @Nullable String bodyEn, Instant startsAt,
		@Nullable Instant endsAt, @Nullable Long ticketId) {

	static PublishedAnnouncement of(Announcement a) {
		return new PublishedAnnouncement(Objects.requireNonNull(a.getId()), a.getKind(), a.getTitleFr(),
				a.getTitleEn(), a.getBodyFr(), a.getBodyEn(), a.getStartsAt(), a.getEndsAt(), a.getTicketId());
	}

	/** Where it stands at {@code now}. */
	public AnnouncementPhase phase(Instant now) {
		return AnnouncementRules.phase(startsAt, endsAt, now);
	}

	/** The title in the reader's language, else the other's; never null (one is required). */
	public String title(Locale locale) {
		String title = AnnouncementRules.inLanguage(locale, titleFr, titleEn);
		return title == null ? "" : title;
	}

	/** The text in the reader's language, else the other's; null when it has none. */
	public @Nullable String body(Locale locale) {
		return AnnouncementRules.inLanguage(locale, bodyFr, bodyEn);
	}

	/** The major incident's number ({@code #12}), or null. */
	public @Nullable String ticketNumber() {
		return ticketId == null ? null : new TicketId(ticketId).toString();
	}

}
