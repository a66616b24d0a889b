package org.guichet.calendars.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

import org.guichet.calendars.BusinessCalendar;
import org.guichet.calendars.Calendars;
import org.guichet.calendars.DurationText;
import org.guichet.system.InvalidInputException;
import org.guichet.system.RepeatableSubmission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The calendar tester of the edit page: a deadline, a business time, whether an instant is
 * working time, on the calendar as saved. Each answer replaces its form's result with htmx;
 * date-times are read in the calendar's zone, as the API's tester reads them.
 */
@Controller
@RequestMapping("/admin/calendars/{id}/tester")
class CalendarTesterController {

	private static final String RESULT = "admin/calendars/tester :: result";

	private final Calendars calendars;

	CalendarTesterController(Calendars calendars) {
		this.calendars = calendars;
	}

	@PostMapping("/deadline")
	@RepeatableSubmission
	String deadline(@PathVariable long id, @RequestParam(defaultValue = "") String start,
			@RequestParam(defaultValue = "") String duration, Model model) {
		BusinessCalendar calendar = calendars.calendar(id);
		try {
			ZonedDateTime from = ZonedDateTime.of(dateTime("start", start), calendar.zone());
			Instant deadline = calendar.addBusinessTime(from.toInstant(), DurationText.parse("duration", duration));
			model.addAttribute("deadline", deadline.atZone(calendar.zone()));
		}
		catch (InvalidInputException ex) {
			model.addAttribute("refusal", ex);
		}
		return RESULT;
	}

	@PostMapping("/business-time")
	@RepeatableSubmission
	String businessTime(@PathVariable long id, @RequestParam(defaultValue = "") String from,
			@RequestParam(defaultValue = "") String to, Model model) {
		BusinessCalendar calendar = calendars.calendar(id);
		try {
			Duration between = calendar.businessTimeBetween(
					ZonedDateTime.of(dateTime("from", from), calendar.zone()).toInstant(),
					ZonedDateTime.of(dateTime("to", to), calendar.zone()).toInstant());
			model.addAttribute("businessTime", between);
			model.addAttribute("hours", between.abs().toHours());
			model.addAttribute("minutes", between.abs().toMinutesPart());
		}
		catch (InvalidInputException ex) {
			model.addAttribute("refusal", ex);
		}
		return RESULT;
	}

	@PostMapping("/working-time")
	@RepeatableSubmission
	String workingTime(@PathVariable long id, @RequestParam(defaultValue = "") String at, Model model) {
		BusinessCalendar calendar = calendars.calendar(id);
		try {
			Instant instant = ZonedDateTime.of(dateTime("at", at), calendar.zone()).toInstant();
			model.addAttribute("working", calendar.isWorkingTime(instant));
			model.addAttribute("nextOpening", calendar.nextOpening(instant).atZone(calendar.zone()));
		}
		catch (InvalidInputException ex) {
			model.addAttribute("refusal", ex);
		}
		return RESULT;
	}

	private static LocalDateTime dateTime(String field, String text) {
		try {
			return LocalDateTime.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, "admin.calendars.tester.date-time",
					"Give a date and a time of day, e.g. 2026-11-30T09:30: " + text, text);
		}
	}

}
