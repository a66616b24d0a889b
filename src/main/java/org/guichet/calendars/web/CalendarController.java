package org.guichet.calendars.web;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;

import jakarta.validation.Valid;
import org.guichet.calendars.Calendars;
import org.guichet.calendars.InvalidCalendarException;
import org.guichet.calendars.NamedCalendar;
import org.guichet.calendars.api.CalendarJson.CalendarBody;
import org.guichet.calendars.api.CalendarMapping;
import org.guichet.calendars.api.CalendarMapping.Definition;
import org.guichet.system.ConflictException;
import org.guichet.system.VersionMismatchException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Business calendars: list, create, change and delete them. Rows of ranges, holidays and
 * openings are added and removed by posting the form as typed, so nothing typed is lost and the
 * page works without script. The tester on the edit page is {@link CalendarTesterController}.
 */
@Controller
@RequestMapping("/admin/calendars")
class CalendarController {

	private static final String FORM = "admin/calendars/form";

	private static final String LIST = "redirect:/admin/calendars";

	private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream().sorted().toList();

	private final Calendars calendars;

	private final MessageSource messages;

	private final ZoneId defaultZone;

	CalendarController(Calendars calendars, MessageSource messages,
			@Value("${guichet.time-zone:Europe/Paris}") String defaultZone) {
		this.calendars = calendars;
		this.messages = messages;
		this.defaultZone = ZoneId.of(defaultZone);
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("calendars", calendars.list());
		return "admin/calendars/list";
	}

	@GetMapping("/new")
	String initCreationForm(Model model) {
		model.addAttribute("calendarForm", CalendarForm.initial(defaultZone.getId()));
		return form(model, null);
	}

	@PostMapping(path = "/new", params = "add")
	String addRowToNew(CalendarForm calendarForm, BindingResult result, @RequestParam String add, Model model) {
		calendarForm.addRow(add);
		return form(model, null);
	}

	@PostMapping(path = "/new", params = "remove")
	String removeRowFromNew(CalendarForm calendarForm, BindingResult result, @RequestParam String remove, Model model) {
		calendarForm.removeRow(remove);
		return form(model, null);
	}

	@PostMapping("/new")
	String processCreationForm(@Valid CalendarForm calendarForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				CalendarBody body = calendarForm.toBody();
				Definition definition = CalendarMapping.definition(body, defaultZone);
				calendars.create(body.name(), definition.calendar(), definition.holidayLabels());
				redirect.addFlashAttribute("flash", "admin.flash.saved");
				return LIST;
			}
			catch (InvalidCalendarException ex) {
				reject(calendarForm, ex, result);
			}
			catch (ConflictException ex) {
				result.rejectValue("name", ex.messageKey(), ex.arguments(), ex.getMessage());
			}
		}
		return form(model, null);
	}

	@GetMapping("/{id}/edit")
	String initUpdateForm(@PathVariable long id, Model model) {
		model.addAttribute("calendarForm", CalendarForm.of(CalendarMapping.view(calendars.get(id))));
		return form(model, id);
	}

	@PostMapping(path = "/{id}/edit", params = "add")
	String addRow(@PathVariable long id, CalendarForm calendarForm, BindingResult result, @RequestParam String add,
			Model model) {
		calendarForm.addRow(add);
		return form(model, id);
	}

	@PostMapping(path = "/{id}/edit", params = "remove")
	String removeRow(@PathVariable long id, CalendarForm calendarForm, BindingResult result,
			@RequestParam String remove, Model model) {
		calendarForm.removeRow(remove);
		return form(model, id);
	}

	@PostMapping("/{id}/edit")
	String processUpdateForm(@PathVariable long id, @Valid CalendarForm calendarForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				CalendarBody body = calendarForm.toBody();
				Definition definition = CalendarMapping.definition(body, defaultZone);
				calendars.update(id, calendarForm.getVersion(), body.name(), definition.calendar(),
						definition.holidayLabels());
				redirect.addFlashAttribute("flash", "admin.flash.saved");
				return LIST;
			}
			catch (InvalidCalendarException ex) {
				reject(calendarForm, ex, result);
			}
			catch (VersionMismatchException ex) {
				calendarForm.setVersion(ex.currentVersion());
				result.reject("admin.conflict");
			}
			catch (ConflictException ex) {
				result.rejectValue("name", ex.messageKey(), ex.arguments(), ex.getMessage());
			}
		}
		return form(model, id);
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		try {
			calendars.delete(id);
			redirect.addFlashAttribute("flash", "admin.calendars.flash.deleted");
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("refusal", messages.getMessage(ex.messageKey(), ex.arguments(), ex.getMessage(),
					LocaleContextHolder.getLocale()));
		}
		return LIST;
	}

	/**
	 * Shows the refusal next to the field it names, or next to the closest one the form has:
	 * {@code exceptionalOpenings[0].ranges[2]} is shown on the opening's ranges.
	 */
	private static void reject(CalendarForm form, InvalidCalendarException ex, BindingResult result) {
		BeanWrapperImpl fields = new BeanWrapperImpl(form);
		String field = ex.field();
		while (!readable(fields, field) && field.matches(".*(\\[\\d+]|\\.\\w+)$")) {
			field = field.replaceFirst("(\\[\\d+]|\\.\\w+)$", "");
		}
		if (readable(fields, field)) {
			result.rejectValue(field, ex.messageKey(), ex.arguments(), ex.getMessage());
		}
		else {
			result.reject(ex.messageKey(), ex.arguments(), ex.getMessage());
		}
	}

	private static boolean readable(BeanWrapperImpl fields, String field) {
		try {
			return fields.isReadableProperty(field);
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private String form(Model model, @Nullable Long id) {
		model.addAttribute("calendarId", id);
		model.addAttribute("zones", ZONES);
		model.addAttribute("days", DayOfWeek.values());
		model.addAttribute("holidayKinds", CalendarForm.HolidayKind.values());
		if (id != null) {
			NamedCalendar calendar = calendars.get(id);
			model.addAttribute("calendarName", calendar.name());
		}
		return FORM;
	}

}
