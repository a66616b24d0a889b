package org.guichet.announcements.api;

import java.time.Instant;
import java.util.Locale;

import org.guichet.announcements.Announcement;
import org.guichet.announcements.AnnouncementDraft;
import org.guichet.announcements.AnnouncementKind;
import org.guichet.announcements.AnnouncementPhase;
import org.guichet.announcements.PublishedAnnouncement;
import org.guichet.system.MultiLine;
import org.jspecify.annotations.Nullable;

/**
 * An announcement as the API shows and takes it. Instants are UTC (ISO 8601).
 *
 * @param title the title in the caller's language (French, else English), or the other's when
 * that one is empty; read only
 * @param body likewise for the text; read only
 * @param phase where it stands now: PLANNED, CURRENT or PAST; read only
 * @param ticketId the major incident it announces: required for MAJOR_INCIDENT, refused otherwise
 * @param version sent back with a change, to refuse it (409) if someone changed it meanwhile
 * @param startsAt null or absent at creation: now
 * @param endsAt null or absent: until ended
 * @param id read only, like {@code title}, {@code body} and {@code phase}
 */
record AnnouncementJson(@Nullable Long id, AnnouncementKind kind, @Nullable String titleFr,
		@Nullable String titleEn, @Nullable @MultiLine String bodyFr, @Nullable @MultiLine String bodyEn, @Nullable String title,
		@Nullable @MultiLine String body, @Nullable Instant startsAt, @Nullable Instant endsAt, @Nullable Long ticketId,
		@Nullable AnnouncementPhase phase, @Nullable Long version) {

	static AnnouncementJson of(Announcement a, Locale locale, Instant now) {
		PublishedAnnouncement p = new PublishedAnnouncement(a.getId() == null ? 0 : a.getId(), a.getKind(),
				a.getTitleFr(), a.getTitleEn(), a.getBodyFr(), a.getBodyEn(), a.getStartsAt(), a.getEndsAt(),
				a.getTicketId());
		return new AnnouncementJson(a.getId(), a.getKind(), a.getTitleFr(), a.getTitleEn(), a.getBodyFr(),
				a.getBodyEn(), p.title(locale), p.body(locale), a.getStartsAt(), a.getEndsAt(), a.getTicketId(),
				a.phase(now), a.getVersion());
	}

	static AnnouncementJson of(PublishedAnnouncement p, Locale locale, Instant now) {
		return new AnnouncementJson(p.id(), p.kind(), p.titleFr(), p.titleEn(), p.bodyFr(), p.bodyEn(),
				p.title(locale), p.body(locale), p.startsAt(), p.endsAt(), p.ticketId(), p.phase(now), null);
	}

	/** What the caller wrote; the start defaults to {@code now} when absent. */
	AnnouncementDraft draft(Instant now) {
		return new AnnouncementDraft(kind, titleFr, titleEn, bodyFr, bodyEn, startsAt == null ? now : startsAt,
				endsAt, ticketId);
	}

}
