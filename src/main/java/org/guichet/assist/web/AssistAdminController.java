package org.guichet.assist.web;

import java.util.Locale;

import org.guichet.assist.AssistAdministration;
import org.guichet.system.InvalidInputException;
import org.guichet.system.VersionMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' page of the assistant ({@code /admin/assist}): the models learnt (when,
 * from how many tickets, how many values each may suggest), the suggestions' threshold, and
 * "Train now" (in the background; the page says it started).
 */
@Controller
@RequestMapping("/admin/assist")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class AssistAdminController {

	private final AssistAdministration administration;

	private final MessageSource messages;

	AssistAdminController(AssistAdministration administration, MessageSource messages) {
		this.administration = administration;
		this.messages = messages;
	}

	@GetMapping
	String page(Model model) {
		if (!model.containsAttribute("threshold")) {
			model.addAttribute("threshold", Math.round(administration.threshold() * 100));
			Double automatic = administration.autoApplyThreshold();
			model.addAttribute("autoApplyThreshold", automatic == null ? "" : Math.round(automatic * 100));
			model.addAttribute("version", administration.version());
		}
		model.addAttribute("models", administration.models());
		return "assist/admin";
	}

	/**
	 * The thresholds, in percent as typed: to show a suggestion (0 to 100), to apply it at
	 * registration (from the first to 100, empty for never), on the settings' {@code version} the
	 * page showed; refused, the page again with the reason under the field and the values typed
	 * (saved since by someone else: the message, and the version now saved).
	 */
	@PostMapping("/threshold")
	String threshold(@RequestParam(required = false) String threshold,
			@RequestParam(required = false) String autoApplyThreshold, @RequestParam long version, Model model,
			Locale locale, RedirectAttributes redirect) {
		try {
			double suggest = percent("threshold", threshold);
			Double automatic = autoApplyThreshold == null || autoApplyThreshold.isBlank() ? null
					: percent("autoApplyThreshold", autoApplyThreshold);
			administration.setThresholds(suggest / 100, automatic == null ? null : automatic / 100, version);
		}
		catch (VersionMismatchException e) {
			model.addAttribute("threshold", threshold);
			model.addAttribute("autoApplyThreshold", autoApplyThreshold);
			model.addAttribute("version", e.currentVersion());
			model.addAttribute("staleSave", true);
			return page(model);
		}
		catch (InvalidInputException e) {
			model.addAttribute("threshold", threshold);
			model.addAttribute("autoApplyThreshold", autoApplyThreshold);
			model.addAttribute("version", version);
			model.addAttribute(e.field() + "Error", e.field().equals("threshold")
					? messages.getMessage("assist.admin.threshold.invalid", null, locale)
					: messages.getMessage("assist.admin.auto-apply.invalid", null, locale));
			return page(model);
		}
		redirect.addFlashAttribute("flash", "assist.admin.threshold.saved");
		return "redirect:/admin/assist";
	}

	@PostMapping("/training")
	String train(RedirectAttributes redirect) {
		administration.trainNow();
		redirect.addFlashAttribute("flash", "assist.admin.training.started");
		return "redirect:/admin/assist";
	}

	private static double percent(String field, String typed) {
		try {
			return Double.parseDouble(typed == null ? "" : typed.strip().replace(',', '.'));
		}
		catch (NumberFormatException e) {
			throw new InvalidInputException(field, "assist.admin.threshold.invalid",
					"The threshold is a percentage from 0 to 100");
		}
	}

}
