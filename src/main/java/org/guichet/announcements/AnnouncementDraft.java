package org.guichet.announcements;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An announcement as its author writes it, before it is checked ({@link AnnouncementRules#check}).
 *
 * @param titleFr the French title; blank for none (the English one is shown instead)
 * @param titleEn the English title; blank for none; one of the two is required
 * @param bodyFr the French text, plain text; blank for none
 * @param bodyEn the English text; blank for none
 * @param startsAt when it is shown from (UTC)
 * @param endsAt when it is no longer shown (UTC, excluded); null while no end is known
 * @param ticketId the major incident it announces: required for {@link AnnouncementKind#MAJOR_INCIDENT},
 * refused for the other kinds
 */
public record AnnouncementDraft(@Nullable AnnouncementKind kind, @Nullable String titleFr, @Nullable String titleEn,
		@Nullable String bodyFr, @Nullable String bodyEn, @Nullable Instant startsAt, @Nullable Instant endsAt,
		@Nullable Long ticketId) {
}
