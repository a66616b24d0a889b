package org.guichet.catalogue.web;


import org.guichet.catalogue.Catalogue;
import org.guichet.directory.CurrentUser;
import org.guichet.system.ConflictException;
import org.guichet.system.InvalidInputException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' catalogue page: the sections with their items, and what is done to the
 * sections themselves — adding one, renaming one, deleting an empty one (a section holding items is
 * refused, saying to move them first: docs/CATALOGUE.md).
 */
@Controller
class AdminSectionsController {

	private final Catalogue catalogue;

	private final AdminItemPage page;

	AdminSectionsController(Catalogue catalogue, AdminItemPage page) {
		this.catalogue = catalogue;
		this.page = page;
	}

	@GetMapping("/admin/catalogue")
	String list(@AuthenticationPrincipal CurrentUser me, Model model) {
		model.addAttribute("sections", catalogue.sections());
		model.addAttribute("items", catalogue.allItems(me));
		model.addAttribute("language", LocaleContextHolder.getLocale());
		return "catalogue/admin";
	}

	@PostMapping("/admin/catalogue/sections")
	String addSection(@RequestParam String labelFr, @RequestParam String labelEn, @AuthenticationPrincipal CurrentUser me,
			Model model, RedirectAttributes redirect) {
		try {
			catalogue.addSection(labelFr, labelEn, me);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("sectionErrors", page.errors(ex));
			model.addAttribute("labelFr", labelFr);
			model.addAttribute("labelEn", labelEn);
			return list(me, model);
		}
		return "redirect:/admin/catalogue";
	}

	/** Renames a section; a refused label comes back beside its input, the section's editor open, what was typed kept. */
	@PostMapping("/admin/catalogue/sections/{id}")
	String renameSection(@PathVariable long id, @RequestParam String labelFr, @RequestParam String labelEn,
			@AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
		try {
			catalogue.renameSection(id, labelFr, labelEn, me);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("editedSection", id);
			model.addAttribute("editErrors", page.errors(ex));
			model.addAttribute("editLabelFr", labelFr);
			model.addAttribute("editLabelEn", labelEn);
			return list(me, model);
		}
		redirect.addFlashAttribute("sectionSaved", "catalogue.admin.section.renamed");
		return "redirect:/admin/catalogue#admin-section-" + id;
	}

	/** Deletes an empty section; one holding items comes back with the reason beside its button. */
	@PostMapping("/admin/catalogue/sections/{id}/delete")
	String deleteSection(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Model model,
			RedirectAttributes redirect) {
		String label = catalogue.sections().stream().filter(s -> s.getId() == id).findFirst()
			.map(s -> s.label(LocaleContextHolder.getLocale())).orElse(String.valueOf(id));
		try {
			catalogue.deleteSection(id, me);
		}
		catch (ConflictException | InvalidInputException ex) {
			model.addAttribute("editedSection", id);
			model.addAttribute("deleteRefused", page.message(ex));
			return list(me, model);
		}
		redirect.addFlashAttribute("sectionDeleted", label);
		return "redirect:/admin/catalogue";
	}

}
