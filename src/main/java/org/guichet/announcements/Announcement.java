package org.guichet.announcements;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * An announcement (table {@code announcement}): a kind, a title and a text in French and English
 * (either may be blank: the other is shown), a period {@code [startsAt, endsAt)} in UTC, and for a
 * major incident its ticket. Its texts are checked by {@link AnnouncementRules} before they are set.
 */
@Entity
public class Announcement {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Enumerated(EnumType.STRING)
	private AnnouncementKind kind = AnnouncementKind.INFORMATION;

	private @Nullable String titleFr;

	private @Nullable String titleEn;

	private @Nullable String bodyFr;

	private @Nullable String bodyEn;

	private Instant startsAt = Instant.EPOCH;

	private @Nullable Instant endsAt;

	private @Nullable Long ticketId;

	private long createdById;

	private Instant createdAt = Instant.EPOCH;

	private Instant updatedAt = Instant.EPOCH;

	@Version
	private long version;

	protected Announcement() {
	}

	Announcement(long createdById, Instant at) {
		this.createdById = createdById;
		this.createdAt = at;
	}

	/** Sets every field from a draft {@link AnnouncementRules#check checked} already; blank texts become null. */
	void apply(AnnouncementDraft draft, Instant at) {
		kind = Objects.requireNonNull(draft.kind());
		titleFr = AnnouncementRules.stripped(draft.titleFr());
		titleEn = AnnouncementRules.stripped(draft.titleEn());
		bodyFr = AnnouncementRules.stripped(draft.bodyFr());
		bodyEn = AnnouncementRules.stripped(draft.bodyEn());
		startsAt = Objects.requireNonNull(draft.startsAt());
		endsAt = draft.endsAt();
		ticketId = draft.ticketId();
		updatedAt = at;
	}

	/**
	 * Ends it at {@code at}: a planned one ends before it started (it is never shown), a current one
	 * stops being shown; one already past keeps its end.
	 */
	void end(Instant at) {
		if (AnnouncementRules.phase(startsAt, endsAt, at) == AnnouncementPhase.PAST) {
			return;
		}
		if (at.isBefore(startsAt)) {
			startsAt = at;
		}
		endsAt = at;
		updatedAt = at;
	}

	public AnnouncementPhase phase(Instant now) {
		return AnnouncementRules.phase(startsAt, endsAt, now);
	}

	public @Nullable Long getId() {
		return id;
	}

	public AnnouncementKind getKind() {
		return kind;
	}

	public @Nullable String getTitleFr() {
		return titleFr;
	}

	public @Nullable String getTitleEn() {
		return titleEn;
	}

	public @Nullable String getBodyFr() {
		return bodyFr;
	}

	public @Nullable String getBodyEn() {
		return bodyEn;
	}

	/** When it is shown from, UTC. */
	public Instant getStartsAt() {
		return startsAt;
	}

	/** When it is no longer shown, UTC; null while no end is known. */
	public @Nullable Instant getEndsAt() {
		return endsAt;
	}

	/** The major incident it announces; null for another kind. */
	public @Nullable Long getTicketId() {
		return ticketId;
	}

	public long getCreatedById() {
		return createdById;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

	public long getVersion() {
		return version;
	}

}
