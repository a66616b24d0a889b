package org.guichet.announcements;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.system.ConflictException;
import org.guichet.system.ForbiddenException;
import org.guichet.system.InputChecks;
import org.guichet.system.InvalidInputException;
import org.guichet.system.NotFoundException;
import org.guichet.system.VersionMismatchException;
import org.guichet.tickets.MajorIncidents;
import org.guichet.tickets.TicketEvents.MajorIncidentResolved;
import org.guichet.tickets.TicketEvents.MajorIncidentUnflagged;
import org.guichet.tickets.TicketEvents.TicketCancelled;
import org.guichet.tickets.TicketEvents.TicketMerged;
import org.guichet.tickets.TicketId;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's entry point: administrators and supervisors ("managers") write, change, end and
 * delete announcements; everyone logged in reads the current ones ({@link #current}, from
 * memory); a requester follows an announced major incident ({@link #meToo}). A major incident's
 * announcements end by themselves when it is resolved, no longer major, cancelled or merged into
 * another ticket.
 */
@Service
@Transactional
public class Announcements {

	/** How many announcements the managers' list shows, newest start first. */
	static final int LIST_SIZE = 200;

	private final AnnouncementRepository announcements;

	private final AnnouncementCache cache;

	private final MajorIncidents majorIncidents;

	private final Clock clock;

	Announcements(AnnouncementRepository announcements, AnnouncementCache cache, MajorIncidents majorIncidents,
			Clock clock) {
		this.announcements = announcements;
		this.cache = cache;
		this.majorIncidents = majorIncidents;
		this.clock = clock;
	}

	/** The announcements shown now, by start; read from memory (see {@link AnnouncementCache}). */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public List<PublishedAnnouncement> current() {
		return cache.current();
	}

	/**
	 * The {@value #LIST_SIZE} latest announcements, newest start first, for a manager.
	 *
	 * @throws ForbiddenException for anyone else
	 */
	@Transactional(readOnly = true)
	public List<Announcement> list(CurrentUser by) {
		requireManager(by);
		return announcements.findNewestFirst(PageRequest.of(0, LIST_SIZE));
	}

	/**
	 * @throws ForbiddenException for anyone but a manager
	 * @throws NotFoundException when there is no such announcement
	 */
	@Transactional(readOnly = true)
	public Announcement get(long id, CurrentUser by) {
		requireManager(by);
		return find(id);
	}

	/**
	 * Publishes an announcement.
	 *
	 * @throws InvalidInputException naming each field at fault (see {@link AnnouncementRules#check});
	 * {@code ticketId} when it is not a major incident, or one that is over
	 * @throws ForbiddenException for anyone but a manager
	 */
	public Announcement create(AnnouncementDraft draft, CurrentUser by) {
		requireManager(by);
		check(draft, null);
		Instant now = clock.instant();
		Announcement announcement = new Announcement(by.id(), now);
		announcement.apply(draft, now);
		cache.changed();
		return announcements.save(announcement);
	}

	/**
	 * Changes an announcement.
	 *
	 * @param expectedVersion the version the manager saw; null not to check it
	 * @throws VersionMismatchException (412) when it changed since {@code expectedVersion}
	 * @see #create for the refusals
	 */
	public Announcement update(long id, @Nullable Long expectedVersion, AnnouncementDraft draft, CurrentUser by) {
		requireManager(by);
		Announcement announcement = find(id);
		VersionMismatchException.check(expectedVersion, announcement.getVersion(), "announcement.stale",
				"This announcement was changed by someone else since you opened it", announcement.getVersion());
		check(draft, announcement.getTicketId());
		announcement.apply(draft, clock.instant());
		cache.changed();
		return announcement;
	}

	/** Ends it now (a planned one is never shown); one past already is left as it is. */
	public Announcement end(long id, CurrentUser by) {
		requireManager(by);
		Announcement announcement = find(id);
		announcement.end(clock.instant());
		cache.changed();
		return announcement;
	}

	public void delete(long id, CurrentUser by) {
		requireManager(by);
		announcements.delete(find(id));
		cache.changed();
	}

	/**
	 * The reader is affected by the major incident a current announcement names: they follow its
	 * ticket as an observer ({@link MajorIncidents#follow}), once.
	 *
	 * @return true when they follow it from now on; false when they did already
	 * @throws NotFoundException when no such announcement is current
	 * @throws ConflictException when it announces no major incident, or the incident is over
	 */
	public boolean meToo(long id, CurrentUser by) {
		PublishedAnnouncement announcement = current().stream()
			.filter(a -> a.id() == id)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("announcement.not-current", "No current announcement " + id, id));
		Long ticketId = announcement.ticketId();
		if (announcement.kind() != AnnouncementKind.MAJOR_INCIDENT || ticketId == null) {
			throw new ConflictException("announcement.me-too.not-major",
					"This announcement is about no major incident", id);
		}
		return majorIncidents.follow(new TicketId(ticketId), by);
	}

	/**
	 * Whether the reader follows the major incident a current announcement names already (its
	 * requester, or an observer: {@link MajorIncidents#follows}); false for any other announcement.
	 */
	public boolean follows(PublishedAnnouncement announcement, CurrentUser reader) {
		Long ticketId = announcement.ticketId();
		return announcement.kind() == AnnouncementKind.MAJOR_INCIDENT && ticketId != null
				&& majorIncidents.follows(new TicketId(ticketId), reader);
	}

	@EventListener
	void on(MajorIncidentResolved resolved) {
		endOfTicket(resolved.ticket(), resolved.at());
	}

	@EventListener
	void on(MajorIncidentUnflagged unflagged) {
		endOfTicket(unflagged.ticket(), unflagged.at());
	}

	@EventListener
	void on(TicketCancelled cancelled) {
		endOfTicket(cancelled.ticket(), cancelled.at());
	}

	/** A major incident merged into another ticket is cancelled without {@link TicketCancelled}. */
	@EventListener
	void on(TicketMerged merged) {
		endOfTicket(merged.duplicate(), merged.at());
	}

	/** Ends the ticket's announcements not ended yet, in the transaction of the ticket's change. */
	private void endOfTicket(TicketId ticket, Instant at) {
		List<Announcement> ending = announcements.findNotEndedOfTicket(ticket.value(), at);
		ending.forEach(a -> a.end(at));
		if (!ending.isEmpty()) {
			cache.changed();
		}
	}

	/**
	 * @param currentTicketId the ticket the announcement names now: naming it again is not checked
	 * again (the incident may be over while its announcement is corrected)
	 */
	private void check(AnnouncementDraft draft, @Nullable Long currentTicketId) {
		InputChecks checks = new InputChecks();
		checks.check(() -> AnnouncementRules.check(draft));
		Long ticketId = draft.ticketId();
		if (ticketId != null && !ticketId.equals(currentTicketId)) {
			checks.check(() -> {
				MajorIncidents.Summary incident = majorIncidents.find(ticketId)
					.orElseThrow(() -> new InvalidInputException("ticketId", "announcement.ticket.not-major",
							"Ticket " + new TicketId(ticketId) + " does not exist or is not a major incident",
							new TicketId(ticketId).toString()));
				if (!incident.ongoing()) {
					throw new InvalidInputException("ticketId", "announcement.ticket.over",
							"The major incident " + incident.number() + " is over", incident.number());
				}
			});
		}
		checks.refuseIfAny();
	}

	private Announcement find(long id) {
		return announcements.findById(id)
			.orElseThrow(() -> new NotFoundException("announcement.not-found", "No announcement " + id, id));
	}

	private static void requireManager(CurrentUser by) {
		if (!by.role().includes(Role.SUPERVISOR)) {
			throw new ForbiddenException("announcement.managers-only",
					"Only administrators and supervisors manage announcements");
		}
	}

}
