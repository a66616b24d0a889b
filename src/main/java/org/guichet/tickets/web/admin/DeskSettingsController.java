package org.guichet.tickets.web.admin;

import jakarta.validation.Valid;
import org.guichet.system.FormRefusals;
import org.guichet.system.InvalidInputException;
import org.guichet.tickets.ClosureSettings;
import org.guichet.tickets.DeskSettings;
import org.guichet.tickets.Impact;
import org.guichet.tickets.Priority;
import org.guichet.tickets.ReplyToResolved;
import org.guichet.tickets.RequesterSlaVisibility;
import org.guichet.tickets.SurveySettings;
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
 * The desk's settings: the priority matrix, the closure (requester validation, auto-close delay),
 * the satisfaction survey, what a requester's reply to a resolved ticket does and what requesters
 * see of the SLA, each saved by its own form. A refused form shows what was typed with the errors.
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
			catch (InvalidInputException ex) {
				result.reject(ex.messageKey());
			}
		}
		return view(model);
	}

	@PostMapping("/closure")
	String processClosureForm(ClosureForm closureForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		ClosureSettings wanted = closureForm.toSettings(result);
		ClosureSettings current = settings.closure();
		if (LoadedSettings.changedMeanwhile(closureForm.getLoaded(), current, result)) {
			closureForm.reloaded(current);
			return view(model);
		}
		if (wanted != null) {
			try {
				settings.saveClosure(wanted);
				redirect.addFlashAttribute("flash", "admin.flash.saved");
				return "redirect:/admin/settings";
			}
			catch (InvalidInputException ex) {
				FormRefusals.reject(ex, result);
			}
		}
		return view(model);
	}

	@PostMapping("/survey")
	String processSurveyForm(SurveyForm surveyForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		SurveySettings wanted = surveyForm.toSettings(result);
		SurveySettings current = settings.survey();
		if (LoadedSettings.changedMeanwhile(surveyForm.getLoaded(), current, result)) {
			surveyForm.reloaded(current);
			return view(model);
		}
		if (wanted != null) {
			try {
				settings.saveSurvey(wanted);
				redirect.addFlashAttribute("flash", "admin.flash.saved");
				return "redirect:/admin/settings";
			}
			catch (InvalidInputException ex) {
				FormRefusals.reject(ex, result);
			}
		}
		return view(model);
	}

	private String view(Model model) {
		if (!model.containsAttribute("priorityMatrixForm")) {
			model.addAttribute("priorityMatrixForm", PriorityMatrixForm.of(settings.priorityMatrix()));
		}
		if (!model.containsAttribute("closureForm")) {
			model.addAttribute("closureForm", new ClosureForm(settings.closure()));
		}
		if (!model.containsAttribute("surveyForm")) {
			model.addAttribute("surveyForm", new SurveyForm(settings.survey()));
		}
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
