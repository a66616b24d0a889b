package org.guichet.notifications.web;

import org.guichet.directory.CurrentUser;
import org.guichet.notifications.Notification;
import org.guichet.notifications.Notifications;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The agent's notifications, newest first; opening one marks it read.
 */
@Controller
@RequestMapping("/notifications")
@PreAuthorize("hasAnyRole('TECHNICIAN','SUPERVISOR','ADMINISTRATOR')")
class NotificationController {

	private final Notifications notifications;

	NotificationController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping
	String list(@AuthenticationPrincipal CurrentUser me, Model model) {
		model.addAttribute("notifications", notifications.newest(me.id()));
		model.addAttribute("base", "/notifications");
		return "notifications/list";
	}

	/** Marks the notification read and goes to its page (an article's) or its ticket. */
	@PostMapping("/{id}/read")
	String read(@PathVariable long id, @AuthenticationPrincipal CurrentUser me) {
		Notification notification = notifications.markRead(me.id(), id);
		Long ticketId = notification.getTicketId();
		if (notification.getLink() != null) {
			return "redirect:" + notification.getLink();
		}
		return ticketId == null ? "redirect:/notifications" : "redirect:/agent/tickets/" + ticketId;
	}

	@PostMapping("/read")
	String readAll(@AuthenticationPrincipal CurrentUser me) {
		notifications.markAllRead(me.id());
		return "redirect:/notifications";
	}

}
