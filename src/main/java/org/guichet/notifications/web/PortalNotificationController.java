package org.guichet.notifications.web;

import org.guichet.directory.CurrentUser;
import org.guichet.notifications.Notification;
import org.guichet.notifications.Notifications;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The requester's notifications on the portal, newest first: opening one marks it read and goes
 * to the ticket's portal page. Everyone signed in has this page; the IT team also has theirs.
 */
@Controller
@RequestMapping("/portal/notifications")
class PortalNotificationController {

	private final Notifications notifications;

	PortalNotificationController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping
	String list(@AuthenticationPrincipal CurrentUser me, Model model) {
		model.addAttribute("notifications", notifications.newest(me.id()));
		model.addAttribute("base", "/portal/notifications");
		return "notifications/list";
	}

	/** Marks the notification read and goes to its page (an article's) or its ticket's portal page. */
	@PostMapping("/{id}/read")
	String read(@PathVariable long id, @AuthenticationPrincipal CurrentUser me) {
		Notification notification = notifications.markRead(me.id(), id);
		Long ticketId = notification.getTicketId();
		if (notification.getLink() != null) {
			return "redirect:" + notification.getLink();
		}
		return ticketId == null ? "redirect:/portal/notifications" : "redirect:/portal/tickets/" + ticketId;
	}

	@PostMapping("/read")
	String readAll(@AuthenticationPrincipal CurrentUser me) {
		notifications.markAllRead(me.id());
		return "redirect:/portal/notifications";
	}

}
