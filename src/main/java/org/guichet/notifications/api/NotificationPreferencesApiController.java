package org.guichet.notifications.api;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.guichet.directory.CurrentUser;
import org.guichet.notifications.NotificationChannel;
import org.guichet.notifications.NotificationEvent;
import org.guichet.notifications.NotificationPreferences;
import org.guichet.notifications.NotificationPreferences.Cell;
import org.guichet.notifications.NotificationPreferences.Preference;
import org.guichet.system.InputChecks;
import org.guichet.system.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Notification preferences (docs/API.md#notification-preferences): a person's own
 * ({@code /api/v1/me/notification-preferences}) and, for administrators only, the defaults
 * ({@code /api/v1/admin/notification-defaults}, 403 problem+json otherwise). A GET lists every
 * event offered with its two channels; a PUT changes the cells it names and leaves the others.
 * An unknown event or channel, a cell that cannot be chosen (the event never or always uses the
 * channel) or an agents' event chosen by a requester is refused with 400 problem+json naming the
 * field, and nothing is saved.
 */
@RestController
class NotificationPreferencesApiController {

	private final NotificationPreferences preferences;

	NotificationPreferencesApiController(NotificationPreferences preferences) {
		this.preferences = preferences;
	}

	/**
	 * One cell.
	 *
	 * @param event a {@link NotificationEvent} name
	 * @param channel {@code IN_APP} or {@code EMAIL}
	 * @param offered whether the event uses the channel at all
	 * @param always whether it always does (nothing to choose)
	 * @param defaultEnabled the default (the administrators', else the built-in one)
	 * @param own the person's choice, null when they follow the default (absent for the defaults)
	 * @param enabled whether the event reaches the person (for the defaults: everyone following them)
	 */
	record PreferenceJson(String event, String audience, String channel, boolean offered, boolean always,
			boolean defaultEnabled, @Nullable Boolean own, boolean enabled) {

		static PreferenceJson of(Preference p) {
			return new PreferenceJson(p.event().name(), p.event().audience().name(), p.channel().name(), p.offered(),
					p.always(), p.defaultOn(), p.own(), p.enabled());
		}

	}

	/**
	 * A change of one cell.
	 *
	 * @param enabled on or off; for a person, null or absent to follow the default
	 */
	record ChoiceJson(String event, String channel, @Nullable Boolean enabled) {
	}

	@GetMapping(path = "/api/v1/me/notification-preferences", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("isAuthenticated()")
	List<PreferenceJson> mine(@AuthenticationPrincipal CurrentUser me) {
		return preferences.of(me.id(), me.isAgent()).stream().map(PreferenceJson::of).toList();
	}

	@PutMapping(path = "/api/v1/me/notification-preferences", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("isAuthenticated()")
	List<PreferenceJson> chooseMine(@AuthenticationPrincipal CurrentUser me, @RequestBody List<ChoiceJson> body) {
		Map<Cell, @Nullable Boolean> choices = new LinkedHashMap<>();
		cells(body).forEach((cell, choice) -> choices.put(cell, choice.enabled()));
		preferences.choose(me.id(), me.isAgent(), choices);
		return mine(me);
	}

	@GetMapping(path = "/api/v1/admin/notification-defaults", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	List<PreferenceJson> defaults() {
		return preferences.defaults().stream().map(PreferenceJson::of).toList();
	}

	@PutMapping(path = "/api/v1/admin/notification-defaults", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	List<PreferenceJson> setDefaults(@RequestBody List<ChoiceJson> body) {
		InputChecks checks = new InputChecks();
		Map<Cell, ChoiceJson> cells = cells(body);
		Map<Cell, Boolean> defaults = new HashMap<>();
		cells.forEach((cell, choice) -> {
			Boolean enabled = checks.check(() -> {
				if (choice.enabled() == null) {
					throw new InvalidInputException("enabled", "field.required", "Give enabled, true or false");
				}
				return choice.enabled();
			});
			if (enabled != null) {
				defaults.put(cell, enabled);
			}
		});
		checks.refuseIfAny();
		preferences.setDefaults(defaults);
		return defaults();
	}

	/** The cells named, each once; an unknown event or channel refuses the whole. */
	private static Map<Cell, ChoiceJson> cells(List<ChoiceJson> body) {
		InputChecks checks = new InputChecks();
		Map<Cell, ChoiceJson> cells = new LinkedHashMap<>();
		for (ChoiceJson choice : body) {
			NotificationEvent event = checks.check(() -> parse(NotificationEvent.class, "event", choice.event()));
			NotificationChannel channel = checks.check(() -> parse(NotificationChannel.class, "channel", choice.channel()));
			if (event != null && channel != null) {
				cells.put(new Cell(event, channel), choice);
			}
		}
		checks.refuseIfAny();
		return cells;
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(field, "field.required", "Give " + field);
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field, "notification.preference.unknown",
					"Unknown " + field + ": see GET /api/v1/me/notification-preferences for the names", value);
		}
	}

}
