package org.guichet.announcements.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.guichet.announcements.Announcement;
import org.guichet.announcements.AnnouncementDraft;
import org.guichet.announcements.AnnouncementKind;
import org.guichet.system.InputChecks;
import org.guichet.system.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * What a manager types in the announcement form. The period is typed as local date-times of the
 * desk's time zone ({@code yyyy-MM-ddTHH:mm}, an HTML {@code datetime-local} field) and stored as
 * instants; the major incident as its number, {@code 12} or {@code #12}.
 */
public class AnnouncementForm {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private @Nullable AnnouncementKind kind = AnnouncementKind.INFORMATION;

	private @Nullable String titleFr;

	private @Nullable String titleEn;

	private @Nullable String bodyFr;

	private @Nullable String bodyEn;

	private @Nullable String startsAt;

	private @Nullable String endsAt;

	private @Nullable String ticket;

	private @Nullable Long version;

	/** The form of an announcement as it is stored, its period in {@code zone}. */
	static AnnouncementForm of(Announcement a, ZoneId zone) {
		AnnouncementForm form = new AnnouncementForm();
		form.kind = a.getKind();
		form.titleFr = a.getTitleFr();
		form.titleEn = a.getTitleEn();
		form.bodyFr = a.getBodyFr();
		form.bodyEn = a.getBodyEn();
		form.startsAt = local(a.getStartsAt(), zone);
		form.endsAt = a.getEndsAt() == null ? null : local(a.getEndsAt(), zone);
		form.ticket = a.getTicketId() == null ? null : String.valueOf(a.getTicketId());
		form.version = a.getVersion();
		return form;
	}

	static String local(Instant at, ZoneId zone) {
		return LOCAL.format(at.atZone(zone));
	}

	/**
	 * The draft, the period read in {@code zone}.
	 *
	 * @throws InvalidInputException (fields {@code startsAt}, {@code endsAt}, {@code ticketId}) for
	 * a date or a number that cannot be read, all at once
	 */
	AnnouncementDraft draft(ZoneId zone) {
		InputChecks checks = new InputChecks();
		Instant start = checks.check(() -> instant("startsAt", startsAt, zone));
		Instant end = checks.check(() -> instant("endsAt", endsAt, zone));
		Long ticketId = checks.check(() -> number(ticket));
		checks.refuseIfAny();
		return new AnnouncementDraft(kind, titleFr, titleEn, bodyFr, bodyEn, start, end, ticketId);
	}

	private static @Nullable Instant instant(String field, @Nullable String typed, ZoneId zone) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(typed.strip()).atZone(zone).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, "announcement.date", "Enter a date and a time, such as 2026-12-09T14:00",
					typed);
		}
	}

	private static @Nullable Long number(@Nullable String typed) {
		String text = typed == null ? "" : typed.strip();
		if (text.startsWith("#")) {
			text = text.substring(1).strip();
		}
		if (text.isEmpty()) {
			return null;
		}
		try {
			long number = Long.parseLong(text);
			if (number > 0) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw new InvalidInputException("ticketId", "ticket.link.number", "Enter a ticket number, such as 12 or #12",
				typed == null ? "" : typed);
	}

	public @Nullable AnnouncementKind getKind() {
		return kind;
	}

	public void setKind(@Nullable AnnouncementKind kind) {
		this.kind = kind;
	}

	public @Nullable String getTitleFr() {
		return titleFr;
	}

	public void setTitleFr(@Nullable String titleFr) {
		this.titleFr = titleFr;
	}

	public @Nullable String getTitleEn() {
		return titleEn;
	}

	public void setTitleEn(@Nullable String titleEn) {
		this.titleEn = titleEn;
	}

	public @Nullable String getBodyFr() {
		return bodyFr;
	}

	public void setBodyFr(@Nullable String bodyFr) {
		this.bodyFr = bodyFr;
	}

	public @Nullable String getBodyEn() {
		return bodyEn;
	}

	public void setBodyEn(@Nullable String bodyEn) {
		this.bodyEn = bodyEn;
	}

	public @Nullable String getStartsAt() {
		return startsAt;
	}

	public void setStartsAt(@Nullable String startsAt) {
		this.startsAt = startsAt;
	}

	public @Nullable String getEndsAt() {
		return endsAt;
	}

	public void setEndsAt(@Nullable String endsAt) {
		this.endsAt = endsAt;
	}

	public @Nullable String getTicket() {
		return ticket;
	}

	public void setTicket(@Nullable String ticket) {
		this.ticket = ticket;
	}

	public @Nullable Long getVersion() {
		return version;
	}

	public void setVersion(@Nullable Long version) {
		this.version = version;
	}

}
