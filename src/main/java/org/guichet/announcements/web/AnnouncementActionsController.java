package org.guichet.announcements.web;

import java.util.Objects;

import jakarta.servlet.http.HttpSession;
import org.guichet.announcements.Announcements;
import org.guichet.directory.CurrentUser;
import org.guichet.system.DomainException;
import org.guichet.tickets.TicketId;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What a reader does from a banner: "me too" on a major incident (they follow its ticket, once;
 * said so after either way), and hiding an information for the rest of their session. Both come
 * back to the page the reader was on ({@code back}, a path of this application), else the portal.
 */
@Controller
@RequestMapping("/announcements/{id}")
class AnnouncementActionsController {

	private final Announcements announcements;

	private final MessageSource messages;

	AnnouncementActionsController(Announcements announcements, MessageSource messages) {
		this.announcements = announcements;
		this.messages = messages;
	}

	@PostMapping("/me-too")
	String meToo(@PathVariable long id, @RequestParam(required = false) @Nullable String back,
			@AuthenticationPrincipal CurrentUser me, HttpSession session, RedirectAttributes redirect) {
		try {
			Long ticketId = announcements.current().stream().filter(a -> a.id() == id).findFirst()
				.map(a -> a.ticketId()).orElse(null);
			boolean now = announcements.meToo(id, me);
			AnnouncementBanner.remember(session, AnnouncementBanner.FOLLOWED, id);
			String number = ticketId == null ? "" : new TicketId(ticketId).toString();
			redirect.addFlashAttribute("flash", now ? "announcement.me-too.done" : "announcement.me-too.already");
			redirect.addFlashAttribute("flashArgs", new Object[] { number });
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("flash", "announcement.refused");
			redirect.addFlashAttribute("flashArgs", new Object[] { Objects.requireNonNull(messages.getMessage(
					ex.messageKey(), ex.arguments(), ex.getMessage(), LocaleContextHolder.getLocale())) });
		}
		return "redirect:" + safe(back);
	}

	@PostMapping("/dismiss")
	String dismiss(@PathVariable long id, @RequestParam(required = false) @Nullable String back,
			HttpSession session) {
		AnnouncementBanner.remember(session, AnnouncementBanner.DISMISSED, id);
		return "redirect:" + safe(back);
	}

	/** A path of this application, never another site ({@code //host}, {@code /\host}, a scheme). */
	static String safe(@Nullable String back) {
		if (back == null || !back.startsWith("/") || back.startsWith("//") || back.startsWith("/\\")
				|| back.contains("\r") || back.contains("\n")) {
			return "/portal";
		}
		return back;
	}

}
