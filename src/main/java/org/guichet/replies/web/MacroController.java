package org.guichet.replies.web;

import org.guichet.directory.CurrentUser;
import org.guichet.replies.CannedReplies;
import org.guichet.replies.Macro;
import org.guichet.replies.MacroStatus;
import org.guichet.replies.Macros;
import org.guichet.replies.Placeholders;
import org.guichet.system.DomainException;
import org.guichet.system.VersionMismatchException;
import org.guichet.tickets.PendingReason;
import org.guichet.tickets.SolutionKind;
import org.guichet.tickets.Priority;
import org.guichet.tickets.Urgency;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agent's macros: their personal ones and the shared ones of the groups they manage, listed,
 * created, changed and deleted. A refused form comes back with every error next to its field and
 * everything typed.
 */
@Controller
@RequestMapping("/agent/macros")
class MacroController {

	private final Macros macros;

	private final CannedReplies replies;

	private final ReplyChoices choices;

	MacroController(Macros macros, CannedReplies replies, ReplyChoices choices) {
		this.macros = macros;
		this.replies = replies;
		this.choices = choices;
	}

	@GetMapping
	String list(@AuthenticationPrincipal CurrentUser me, Model model) {
		model.addAttribute("macros", macros.manageable(me));
		choices.addGroups(model, me);
		return "replies/macros";
	}

	@GetMapping("/new")
	String initCreationForm(@RequestParam(required = false) @Nullable Long groupId,
			@AuthenticationPrincipal CurrentUser me, Model model) {
		MacroForm form = new MacroForm();
		form.setGroupId(groupId);
		model.addAttribute("macroForm", form);
		return form(null, me, model);
	}

	@PostMapping("/new")
	String processCreationForm(@ModelAttribute("macroForm") MacroForm form, BindingResult result,
			@AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return form(null, me, model);
		}
		try {
			Macro macro = macros.create(form.definition(), me);
			return saved(redirect, macro);
		}
		catch (DomainException ex) {
			DefinitionErrors.reject(ex, result);
			return form(null, me, model);
		}
	}

	@GetMapping("/{id}")
	String initUpdateForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Model model) {
		model.addAttribute("macroForm", MacroForm.of(macros.get(id, me)));
		return form(id, me, model);
	}

	@PostMapping("/{id}")
	String processUpdateForm(@PathVariable long id, @ModelAttribute("macroForm") MacroForm form,
			BindingResult result, @AuthenticationPrincipal CurrentUser me, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return form(id, me, model);
		}
		try {
			return saved(redirect, macros.update(id, form.getVersion(), form.definition(), me));
		}
		catch (VersionMismatchException ex) {
			// what was typed stays, on the current version: saving again replaces the other change
			form.setVersion(ex.currentVersion());
			DefinitionErrors.reject(ex, result);
			return form(id, me, model);
		}
		catch (DomainException ex) {
			DefinitionErrors.reject(ex, result);
			return form(id, me, model);
		}
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
		String name = macros.get(id, me).getName();
		macros.delete(id, me);
		redirect.addFlashAttribute("flash", "replies.flash.deleted");
		redirect.addFlashAttribute("flashArgs", new Object[] { name });
		return "redirect:/agent/macros";
	}

	private static String saved(RedirectAttributes redirect, Macro macro) {
		redirect.addFlashAttribute("flash", "replies.flash.saved");
		redirect.addFlashAttribute("flashArgs", new Object[] { macro.getName() });
		return "redirect:/agent/macros";
	}

	private String form(@Nullable Long id, CurrentUser me, Model model) {
		model.addAttribute("macroId", id);
		choices.addGroups(model, me);
		model.addAttribute("cannedReplies", replies.usable(null, me));
		model.addAttribute("statuses", MacroStatus.values());
		model.addAttribute("pendingReasons", PendingReason.values());
		model.addAttribute("solutionKinds", SolutionKind.chosenByTeam());
		model.addAttribute("urgencies", Urgency.values());
		model.addAttribute("priorities", Priority.values());
		model.addAttribute("placeholders", Placeholders.NAMES);
		return "replies/macro-form";
	}

}
