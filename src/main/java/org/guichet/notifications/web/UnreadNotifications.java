package org.guichet.notifications.web;

import org.guichet.directory.CurrentUser;
import org.guichet.notifications.Notifications;
import org.guichet.system.PageCount;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the reader's unread count (agents' and requesters' alike) for the navigation bar. The count is read only
 * when a page shows it, so a call to the API costs no query; a test slice without the
 * notifications module shows none.
 */
@ControllerAdvice
class UnreadNotifications {

	private final ObjectProvider<Notifications> notifications;

	UnreadNotifications(ObjectProvider<Notifications> notifications) {
		this.notifications = notifications;
	}

	@ModelAttribute("unreadNotifications")
	PageCount unread(@AuthenticationPrincipal @Nullable CurrentUser me) {
		return new PageCount(() -> {
			Notifications available = notifications.getIfAvailable();
			return me == null || available == null ? 0 : available.unreadCount(me.id());
		});
	}

}
