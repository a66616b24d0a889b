package org.guichet.announcements.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.guichet.announcements.Announcement;
import org.guichet.announcements.AnnouncementKind;
import org.guichet.announcements.AnnouncementPhase;
import org.guichet.announcements.Announcements;
import org.guichet.directory.CurrentUser;
import org.guichet.system.DomainException;
import org.guichet.system.InvalidInputException;
import org.guichet.system.VersionMismatchException;
import org.guichet.tickets.MajorIncidents;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The managers' page of announcements ({@code /agent/announcements}, administrators and
 * supervisors): the list by phase (current, planned, past), the form to write or change one
 * (prefilled for a major incident with {@code ?ticketId=}), and ending or deleting one. A refused
 * form comes back with what was typed and a message next to each field ({@code errors}: field →
 * message), the period in the desk's time zone.
 */
@Controller
@RequestMapping("/agent/announcements")
@PreAuthorize("hasAnyRole('SUPERVISOR','ADMINISTRATOR')")
class AnnouncementAdminController {

	private final Announcements announcements;

	private final MajorIncidents majorIncidents;

	private final MessageSource messages;

	private final Clock clock;

	private final ZoneId zone;

	AnnouncementAdminController(Announcements announcements, MajorIncidents majorIncidents, MessageSource messages,
			Clock clock, @Value("${guichet.time-zone:Europe/Paris}") ZoneId zone) {
		this.announcements = announcements;
		this.majorIncidents = majorIncidents;
		this.messages = messages;
		this.clock = clock;
		this.zone = zone;
	}

	@GetMapping
	String list(@AuthenticationPrincipal CurrentUser me, Model model) {
		Instant now = clock.instant();
		List<Announcement> all = announcements.list(me);
		Map<AnnouncementPhase, List<Announcement>> byPhase = new LinkedHashMap<>();
		byPhase.put(AnnouncementPhase.CURRENT, all.stream().filter(a -> a.phase(now) == AnnouncementPhase.CURRENT).toList());
		byPhase.put(AnnouncementPhase.PLANNED, all.stream().filter(a -> a.phase(now) == AnnouncementPhase.PLANNED).toList());
		byPhase.put(AnnouncementPhase.PAST, all.stream().filter(a -> a.phase(now) == AnnouncementPhase.PAST).toList());
		model.addAttribute("byPhase", byPhase);
		return "announcements/list";
	}

	/** The empty form; for a major incident ({@code ticketId}), prefilled with its number and title. */
	@GetMapping("/new")
	String newForm(@RequestParam(required = false) @Nullable Long ticketId, Model model) {
		AnnouncementForm form = new AnnouncementForm();
		form.setStartsAt(AnnouncementForm.local(clock.instant(), zone));
		if (ticketId != null) {
			majorIncidents.find(ticketId).ifPresent(incident -> {
				form.setKind(AnnouncementKind.MAJOR_INCIDENT);
				form.setTicket(String.valueOf(ticketId));
				form.setTitleFr(text("announcement.prefill.title", Locale.FRENCH, incident.title()));
				form.setTitleEn(text("announcement.prefill.title", Locale.ENGLISH, incident.title()));
				form.setBodyFr(text("announcement.prefill.body", Locale.FRENCH, incident.number()));
				form.setBodyEn(text("announcement.prefill.body", Locale.ENGLISH, incident.number()));
			});
		}
		return form(model, form, null, Map.of());
	}

	@PostMapping("/new")
	String processCreationForm(@ModelAttribute("form") AnnouncementForm form, @AuthenticationPrincipal CurrentUser me,
			Model model, RedirectAttributes redirect) {
		try {
			Announcement created = announcements.create(form.draft(zone), me);
			flash(redirect, "announcement.flash.created", String.valueOf(created.getId()));
			return "redirect:/agent/announcements";
		}
		catch (InvalidInputException ex) {
			return form(model, form, null, errors(ex));
		}
	}

	@GetMapping("/{id}")
	String editForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Model model) {
		return form(model, AnnouncementForm.of(announcements.get(id, me), zone), id, Map.of());
	}

	@PostMapping("/{id}")
	String processUpdateForm(@PathVariable long id, @ModelAttribute("form") AnnouncementForm form,
			@AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
		try {
			announcements.update(id, form.getVersion(), form.draft(zone), me);
			flash(redirect, "announcement.flash.updated", String.valueOf(id));
			return "redirect:/agent/announcements";
		}
		catch (InvalidInputException ex) {
			return form(model, form, id, errors(ex));
		}
		catch (VersionMismatchException ex) {
			// what was typed stays, on the current version: saving again replaces the other change
			form.setVersion(ex.currentVersion());
			return form(model, form, id, Map.of("", message(ex)));
		}
		catch (DomainException ex) {
			return form(model, form, id, Map.of("", message(ex)));
		}
		catch (OptimisticLockingFailureException ex) {
			form.setVersion(announcements.get(id, me).getVersion());
			return form(model, form, id, Map.of("", text("announcement.stale", LocaleContextHolder.getLocale())));
		}
	}

	@PostMapping("/{id}/end")
	String end(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
		announcements.end(id, me);
		flash(redirect, "announcement.flash.ended", String.valueOf(id));
		return "redirect:/agent/announcements";
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
		announcements.delete(id, me);
		flash(redirect, "announcement.flash.deleted", String.valueOf(id));
		return "redirect:/agent/announcements";
	}

	private String form(Model model, AnnouncementForm form, @Nullable Long id, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("announcementId", id);
		model.addAttribute("kinds", AnnouncementKind.values());
		model.addAttribute("errors", errors);
		model.addAttribute("zone", zone.getId());
		return "announcements/form";
	}

	/** Field → message of every refusal; the same field twice keeps the first. */
	private Map<String, String> errors(InvalidInputException ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		errors.put(Objects.requireNonNullElse(ex.field(), ""), message(ex));
		ex.others().forEach(other -> errors.putIfAbsent(Objects.requireNonNullElse(other.field(), ""), message(other)));
		return errors;
	}

	private String message(DomainException ex) {
		return Objects.requireNonNull(messages.getMessage(ex.messageKey(), ex.arguments(), ex.getMessage(),
				LocaleContextHolder.getLocale()));
	}

	private String text(String key, Locale locale, Object... arguments) {
		return messages.getMessage(key, arguments, locale);
	}

	private static void flash(RedirectAttributes redirect, String key, Object... arguments) {
		redirect.addFlashAttribute("flash", key);
		redirect.addFlashAttribute("flashArgs", arguments);
	}

}
