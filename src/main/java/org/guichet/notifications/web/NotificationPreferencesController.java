package org.guichet.notifications.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.guichet.directory.CurrentUser;
import org.guichet.notifications.NotificationChannel;
import org.guichet.notifications.NotificationEvent;
import org.guichet.notifications.NotificationPreferences;
import org.guichet.notifications.NotificationPreferences.Cell;
import org.guichet.notifications.NotificationPreferences.Preference;
import org.guichet.sms.SmsOutbox;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The table of events × channels a person ticks to choose their notifications: on their profile
 * ({@code /profile}, loaded with htmx; also a page of its own) and for the administrators' defaults
 * ({@code /admin/notifications}). A box is ticked when the event reaches the person on that channel;
 * the default is shown beside it. Saving records every box of the table: a box left as the
 * default follows the default. The SMS column is shown, and saved, only while the SMS channel is on.
 */
@Controller
class NotificationPreferencesController {

	private final NotificationPreferences preferences;

	private final SmsOutbox sms;

	NotificationPreferencesController(NotificationPreferences preferences, SmsOutbox sms) {
		this.preferences = preferences;
		this.sms = sms;
	}

	/** The table less its SMS cells while the SMS channel is off. */
	private List<Preference> shown(List<Preference> table) {
		boolean withSms = sms.enabled();
		return table.stream().filter(p -> withSms || p.channel() != NotificationChannel.SMS).toList();
	}

	@GetMapping("/profile/notifications")
	String mine(@AuthenticationPrincipal CurrentUser me, HttpServletRequest request, Model model) {
		model.addAttribute("groups", Rows.grouped(shown(preferences.of(me.id(), me.isAgent()))));
		model.addAttribute("admin", false);
		model.addAttribute("sms", sms.enabled());
		return request.getHeader("HX-Request") == null ? "notifications/preferences-page"
				: "notifications/preferences :: table";
	}

	@PostMapping("/profile/notifications")
	String saveMine(@AuthenticationPrincipal CurrentUser me, HttpServletRequest request, RedirectAttributes redirect) {
		List<Preference> table = shown(preferences.of(me.id(), me.isAgent()));
		preferences.choose(me.id(), me.isAgent(), Rows.ticked(table, request.getParameterMap().keySet()));
		redirect.addFlashAttribute("flash", "notification.preferences.saved");
		return "redirect:/profile#notifications";
	}

	@GetMapping("/admin/notifications")
	String defaults(Model model) {
		model.addAttribute("groups", Rows.grouped(shown(preferences.defaults())));
		model.addAttribute("admin", true);
		model.addAttribute("sms", sms.enabled());
		return "notifications/defaults";
	}

	@PostMapping("/admin/notifications")
	String saveDefaults(HttpServletRequest request, RedirectAttributes redirect) {
		preferences.setDefaults(Rows.ticked(shown(preferences.defaults()), request.getParameterMap().keySet()));
		redirect.addFlashAttribute("flash", "notification.defaults.saved");
		return "redirect:/admin/notifications";
	}

	/** The name of a box of the form: {@code EVENT.CHANNEL}. */
	static String boxName(Cell cell) {
		return cell.event().name() + "." + cell.channel().name();
	}

	/** One line of the table: an event and its channels' cells, the SMS one when the channel is shown. */
	record Row(NotificationEvent event, Preference inApp, Preference email, @Nullable Preference sms) {

		/** The cells in the table's order. */
		public List<Preference> cells() {
			return sms == null ? List.of(inApp, email) : List.of(inApp, email, sms);
		}

	}

	/** Turns the service's cells into table lines and the ticked boxes back into choices. */
	static final class Rows {

		private Rows() {
		}

		/** The lines by audience, the requesters' first; an audience without lines is left out. */
		static Map<NotificationEvent.Audience, List<Row>> grouped(List<Preference> table) {
			Map<NotificationEvent.Audience, List<Row>> groups = new LinkedHashMap<>();
			for (Row row : of(table)) {
				groups.computeIfAbsent(row.event().audience(), audience -> new ArrayList<>()).add(row);
			}
			return groups;
		}

		static List<Row> of(List<Preference> table) {
			return table.stream()
				.filter(p -> p.channel() == NotificationChannel.IN_APP)
				.map(inApp -> new Row(inApp.event(), inApp, cell(table, inApp.event(), NotificationChannel.EMAIL),
						table.stream()
							.filter(p -> p.event() == inApp.event() && p.channel() == NotificationChannel.SMS)
							.findFirst()
							.orElse(null)))
				.toList();
		}

		private static Preference cell(List<Preference> table, NotificationEvent event, NotificationChannel channel) {
			return table.stream()
				.filter(p -> p.event() == event && p.channel() == channel)
				.findFirst()
				.orElseThrow();
		}

		/** Every box of the table that can be chosen, on when it was ticked. */
		static Map<Cell, Boolean> ticked(List<Preference> table, Set<String> ticked) {
			Map<Cell, Boolean> choices = new LinkedHashMap<>();
			for (Preference p : table) {
				Cell cell = new Cell(p.event(), p.channel());
				if (p.event().choosable(p.channel())) {
					choices.put(cell, ticked.contains(boxName(cell)));
				}
			}
			return choices;
		}

	}

}
