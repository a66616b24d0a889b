package org.guichet.announcements.web;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.guichet.announcements.AnnouncementKind;
import org.guichet.announcements.Announcements;
import org.guichet.announcements.PublishedAnnouncement;
import org.guichet.directory.CurrentUser;
import org.guichet.tickets.MajorIncidents;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the current announcements for its banner ({@code announcementBanner}, shown by
 * the layout through {@code announcements/banner}): read only when the page shows it, from memory
 * (see {@code AnnouncementCache}), so a page costs no query and the API nothing. Those the reader
 * hid in this session ({@link #DISMISSED}) are left out; a test slice without the module shows none.
 * Whether a requester follows an announced major incident is read once a session ({@link #FOLLOWED}).
 */
@ControllerAdvice
class AnnouncementBanner {

	/** The session attribute holding the ids of the announcements the reader hid. */
	static final String DISMISSED = "guichet.announcements.dismissed";

	/**
	 * The session attribute holding the ids of the major incidents' announcements the reader
	 * follows: they said "me too", or requested or observed the incident when the banner first
	 * showed it in this session.
	 */
	static final String FOLLOWED = "guichet.announcements.followed";

	/** The session attribute holding the ids of the major incidents' announcements already checked for {@link #FOLLOWED}. */
	static final String CHECKED = "guichet.announcements.checked";

	private final ObjectProvider<Announcements> announcements;

	AnnouncementBanner(ObjectProvider<Announcements> announcements) {
		this.announcements = announcements;
	}

	@ModelAttribute("announcementBanner")
	@Nullable Banner banner(@AuthenticationPrincipal @Nullable CurrentUser me, HttpServletRequest request) {
		Announcements available = announcements.getIfAvailable();
		if (me == null || available == null) {
			return null;
		}
		return new Banner(me, request, available);
	}

	/**
	 * One announcement as the banner shows it to its reader.
	 *
	 * @param meToo whether the announcement is a major incident the reader may follow
	 * ({@link MajorIncidents#mayFollow}): "me too", or that they follow it
	 * @param followed whether they follow it (they said "me too", requested it or observe it): the
	 * banner says so instead of offering "me too"
	 */
	record Item(long id, AnnouncementKind kind, String title, @Nullable String body, @Nullable Instant endsAt,
			@Nullable Long ticketId, @Nullable String ticketNumber, boolean dismissible, boolean meToo,
			boolean followed) {
	}

	/** Reads the announcements once, when the page asks. */
	static final class Banner {

		private final CurrentUser me;

		private final HttpServletRequest request;

		private final Announcements announcements;

		private @Nullable List<Item> items;

		Banner(CurrentUser me, HttpServletRequest request, Announcements announcements) {
			this.me = me;
			this.request = request;
			this.announcements = announcements;
		}

		/** The page the reader is on, within the application: where a banner's form brings them back. */
		public String back() {
			String query = request.getQueryString();
			return request.getServletPath() + (query == null ? "" : "?" + query);
		}

		/** The announcements to show the reader, in their language, by start. */
		public List<Item> items() {
			if (items == null) {
				Locale locale = LocaleContextHolder.getLocale();
				HttpSession session = request.getSession(false);
				Set<Long> hidden = session == null ? Set.of() : ids(session, DISMISSED);
				items = announcements.current()
					.stream()
					.filter(a -> !(a.kind().dismissible() && hidden.contains(a.id())))
					.map(a -> item(a, locale))
					.toList();
			}
			return items;
		}

		private Item item(PublishedAnnouncement a, Locale locale) {
			boolean meToo = a.kind() == AnnouncementKind.MAJOR_INCIDENT && a.ticketId() != null
					&& MajorIncidents.mayFollow(me);
			return new Item(a.id(), a.kind(), a.title(locale), a.body(locale), a.endsAt(), a.ticketId(),
					a.ticketNumber(), a.kind().dismissible(), meToo, meToo && followed(a));
		}

		/**
		 * Whether the reader follows the announced incident, asked once a session per announcement
		 * (a page costs no query after the first): one made an observer on the ticket's page since
		 * is offered "me too" until then, which tells them they follow it already.
		 */
		private boolean followed(PublishedAnnouncement a) {
			HttpSession session = request.getSession();
			if (ids(session, FOLLOWED).contains(a.id())) {
				return true;
			}
			if (ids(session, CHECKED).contains(a.id())) {
				return false;
			}
			remember(session, CHECKED, a.id());
			if (announcements.follows(a, me)) {
				remember(session, FOLLOWED, a.id());
				return true;
			}
			return false;
		}

	}

	/** The announcement ids kept in the session under {@code attribute}; empty when none. */
	@SuppressWarnings("unchecked")
	static Set<Long> ids(HttpSession session, String attribute) {
		Object ids = session.getAttribute(attribute);
		return ids instanceof Set<?> set ? (Set<Long>) set : Set.of();
	}

	/** Adds an announcement id to those kept in the session under {@code attribute}. */
	static void remember(HttpSession session, String attribute, long id) {
		Set<Long> ids = new HashSet<>(ids(session, attribute));
		ids.add(id);
		session.setAttribute(attribute, ids);
	}

}
