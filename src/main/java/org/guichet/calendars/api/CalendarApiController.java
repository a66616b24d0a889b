package org.guichet.calendars.api;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import org.guichet.calendars.BusinessCalendar;
import org.guichet.calendars.Calendars;
import org.guichet.calendars.NamedCalendar;
import org.guichet.calendars.api.CalendarJson.BusinessTimeRequest;
import org.guichet.calendars.api.CalendarJson.BusinessTimeResult;
import org.guichet.calendars.api.CalendarJson.CalendarBody;
import org.guichet.calendars.api.CalendarJson.CalendarView;
import org.guichet.calendars.api.CalendarJson.DeadlineRequest;
import org.guichet.calendars.api.CalendarJson.DeadlineResult;
import org.guichet.calendars.api.CalendarMapping.Definition;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.system.ForbiddenException;
import org.guichet.system.IfMatch;
import org.guichet.system.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Business calendars under {@code /api/v1/calendars}, and the calendar tester. Agents read and
 * test calendars; administrators change them.
 */
@RestController
@RequestMapping("/api/v1/calendars")
@PreAuthorize("isAuthenticated()")
class CalendarApiController {

	private final Calendars calendars;

	private final ZoneId defaultZone;

	CalendarApiController(Calendars calendars, @Value("${guichet.time-zone:Europe/Paris}") String defaultZone) {
		this.calendars = calendars;
		this.defaultZone = ZoneId.of(defaultZone);
	}

	@GetMapping
	List<CalendarView> list(@AuthenticationPrincipal CurrentUser user) {
		requireAgent(user);
		return this.calendars.list().stream().map(CalendarMapping::view).toList();
	}

	@GetMapping("/{id}")
	CalendarView show(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		requireAgent(user);
		return CalendarMapping.view(this.calendars.get(id));
	}

	@PostMapping
	ResponseEntity<CalendarView> create(@Valid @RequestBody CalendarBody body, @AuthenticationPrincipal CurrentUser user) {
		requireAdministrator(user);
		Definition definition = CalendarMapping.definition(body, this.defaultZone);
		NamedCalendar created = this.calendars.create(body.name(), definition.calendar(), definition.holidayLabels());
		return ResponseEntity.created(URI.create("/api/v1/calendars/" + created.id()))
			.body(CalendarMapping.view(created));
	}

	@PutMapping("/{id}")
	CalendarView update(@PathVariable long id, @Valid @RequestBody CalendarBody body,
			@RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch, @AuthenticationPrincipal CurrentUser user) {
		requireAdministrator(user);
		long version = IfMatch.required(ifMatch, body.version());
		Definition definition = CalendarMapping.definition(body, this.defaultZone);
		return CalendarMapping.view(this.calendars.update(id, version, body.name(), definition.calendar(),
				definition.holidayLabels()));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		requireAdministrator(user);
		this.calendars.delete(id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/deadline")
	DeadlineResult deadline(@PathVariable long id, @Valid @RequestBody DeadlineRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		requireAgent(user);
		BusinessCalendar calendar = this.calendars.calendar(id);
		ZonedDateTime start = ZonedDateTime.of(request.start(), calendar.zone());
		Instant deadline = calendar.addBusinessTime(start.toInstant(), businessDuration(request.duration()));
		return new DeadlineResult(start.toOffsetDateTime(), deadline.atZone(calendar.zone()).toOffsetDateTime());
	}

	@PostMapping("/{id}/business-time")
	BusinessTimeResult businessTime(@PathVariable long id, @Valid @RequestBody BusinessTimeRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		requireAgent(user);
		BusinessCalendar calendar = this.calendars.calendar(id);
		Duration duration = calendar.businessTimeBetween(ZonedDateTime.of(request.from(), calendar.zone()).toInstant(),
				ZonedDateTime.of(request.to(), calendar.zone()).toInstant());
		return new BusinessTimeResult(duration.toString(), duration.getSeconds());
	}

	/** A business day has no fixed length, so only time-based durations (PT...) make sense. */
	private static Duration businessDuration(String text) {
		if (text.toUpperCase(Locale.ROOT).startsWith("PT")) {
			try {
				Duration duration = Duration.parse(text);
				if (!duration.isNegative()) {
					return duration;
				}
			}
			catch (DateTimeParseException ex) {
				// refused below, with what to write instead
			}
		}
		throw new InvalidInputException("duration", "calendar.tester.duration",
				"Give a positive ISO-8601 duration in hours, minutes and seconds, e.g. PT4H or PT37H30M: " + text, text);
	}

	private static void requireAgent(CurrentUser user) {
		if (!user.isAgent()) {
			throw new ForbiddenException("calendar.agents-only", "Only the IT team can see business calendars");
		}
	}

	private static void requireAdministrator(CurrentUser user) {
		if (!user.has(Role.ADMINISTRATOR)) {
			throw new ForbiddenException("calendar.administrators-only", "Only an administrator can change business calendars");
		}
	}

}
