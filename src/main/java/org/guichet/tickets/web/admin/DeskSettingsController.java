package org.guichet.tickets.web.admin;

import jakarta.validation.Valid;
import org.guichet.system.InvalidInputException;
import org.guichet.tickets.DeskSettings;
import org.guichet.tickets.Impact;
import org.guichet.tickets.Priority;
import org.guichet.tickets.ReplyToResolved;
import org.guichet.tickets.RequesterSlaVisibility;
import org.guichet.tickets.Urgency;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The desk's settings: the priority matrix, the auto-close delay, what a requester's reply to a
 * resolved ticket does and what requesters see of the SLA, each saved by its own form.
 */
@Controller
@RequestMapping("/admin/settings")
class DeskSettingsController {

	private static final String VIEW = "admin/settings";

	private final DeskSettings settings;

	DeskSettingsController(DeskSettings settings) {
		this.settings = settings;
	}

	@GetMapping
	String initSettingsForm(Model model) {
		model.addAttribute("priorityMatrixForm", PriorityMatrixForm.of(settings.priorityMatrix()));
		model.addAttribute("autoCloseForm", new AutoCloseForm(settings.autoCloseDays()));
		return view(model);
	}

	@PostMapping("/reply-to-resolved")
	String processReplyToResolvedForm(@Valid ReplyToResolvedForm replyToResolvedForm, BindingResult result,
			Model model, RedirectAttributes redirect) {
		ReplyToResolved rule = replyToResolvedForm.getReplyToResolved();
		if (!result.hasErrors() && rule != null) {
			settings.saveReplyToResolved(rule);
			redirect.addFlashAttribute("flash", "admin.flash.saved");
			return "redirect:/admin/settings";
		}
		model.addAttribute("priorityMatrixForm", PriorityMatrixForm.of(settings.priorityMatrix()));
		model.addAttribute("autoCloseForm", new AutoCloseForm(settings.autoCloseDays()));
		return view(model);
	}

	/** A value outside the choices is refused by binding: the page shows the saved one again. */
	@PostMapping("/requester-sla")
	String processRequesterSlaForm(@RequestParam RequesterSlaVisibility requesterSla, RedirectAttributes redirect) {
		settings.saveRequesterSlaVisibility(requesterSla);
		redirect.addFlashAttribute("flash", "admin.flash.saved");
		return "redirect:/admin/settings";
	}

	@PostMapping("/matrix")
	String processMatrixForm(PriorityMatrixForm priorityMatrixForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				settings.savePriorityMatrix(priorityMatrixForm.toMatrix());
				redirect.addFlashAttribute("flash", "admin.flash.saved");
				return "redirect:/admin/settings";
			}
			catch (IllegalStateException ex) {
				result.reject("admin.settings.matrix.incomplete");
			}
		}
		model.addAttribute("autoCloseForm", new AutoCloseForm(settings.autoCloseDays()));
		return view(model);
	}

	@PostMapping("/auto-close")
	String processAutoCloseForm(@Valid AutoCloseForm autoCloseForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				settings.saveAutoCloseDays(autoCloseForm.getAutoCloseDays());
				redirect.addFlashAttribute("flash", "admin.flash.saved");
				return "redirect:/admin/settings";
			}
			catch (InvalidInputException ex) {
				result.rejectValue("autoCloseDays", ex.messageKey(), ex.arguments(), ex.getMessage());
			}
		}
		model.addAttribute("priorityMatrixForm", PriorityMatrixForm.of(settings.priorityMatrix()));
		return view(model);
	}

	private String view(Model model) {
		if (!model.containsAttribute("replyToResolvedForm")) {
			model.addAttribute("replyToResolvedForm", new ReplyToResolvedForm(settings.replyToResolved()));
		}
		model.addAttribute("replyRules", ReplyToResolved.values());
		model.addAttribute("requesterSla", settings.requesterSlaVisibility());
		model.addAttribute("requesterSlaChoices", RequesterSlaVisibility.values());
		model.addAttribute("urgencies", Urgency.values());
		model.addAttribute("impacts", Impact.values());
		model.addAttribute("priorities", Priority.values());
		return VIEW;
	}

}
