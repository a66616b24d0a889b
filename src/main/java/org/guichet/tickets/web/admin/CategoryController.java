package org.guichet.tickets.web.admin;

import org.guichet.system.FormRefusals;
import org.guichet.system.InvalidInputException;
import org.guichet.system.VersionMismatchException;
import org.guichet.tickets.Categories;
import org.guichet.tickets.CategoryAdministration;
import org.guichet.tickets.CategoryRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
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
 * The category tree: create, rename, move, deactivate and reactivate. A category is never
 * deleted, since tickets refer to it; a deactivated one is no longer offered for new tickets.
 */
@Controller
@RequestMapping("/admin/categories")
class CategoryController {

	private static final String FORM = "admin/categories/form";

	private final CategoryRepository categories;

	private final Categories hierarchy;

	private final CategoryAdministration administration;

	CategoryController(CategoryRepository categories, Categories hierarchy, CategoryAdministration administration) {
		this.categories = categories;
		this.hierarchy = hierarchy;
		this.administration = administration;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("nodes", tree().nodes());
		return "admin/categories/list";
	}

	@GetMapping("/new")
	String initCreationForm(@RequestParam(required = false) @Nullable Long parentId, Model model) {
		CategoryForm form = new CategoryForm();
		form.setParentId(parentId);
		model.addAttribute("categoryForm", form);
		return form(model, null);
	}

	/** The rules are {@link CategoryAdministration#create}'s. */
	@PostMapping("/new")
	String processCreationForm(CategoryForm categoryForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				administration.create(categoryForm.details());
				redirect.addFlashAttribute("flash", "admin.flash.saved");
				return "redirect:/admin/categories";
			}
			catch (InvalidInputException ex) {
				FormRefusals.reject(ex, result);
			}
		}
		return form(model, null);
	}

	@GetMapping("/{id}/edit")
	String initUpdateForm(@PathVariable long id, Model model) {
		model.addAttribute("categoryForm", CategoryForm.of(administration.get(id)));
		return form(model, id);
	}

	/** The rules are {@link CategoryAdministration#update}'s. */
	@PostMapping("/{id}/edit")
	String processUpdateForm(@PathVariable long id, CategoryForm categoryForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				administration.update(id, categoryForm.getVersion(), categoryForm.details());
				redirect.addFlashAttribute("flash", "admin.flash.saved");
				return "redirect:/admin/categories";
			}
			catch (VersionMismatchException | ObjectOptimisticLockingFailureException ex) {
				categoryForm.setVersion(administration.get(id).getVersion());
				result.reject("admin.conflict");
			}
			catch (InvalidInputException ex) {
				FormRefusals.reject(ex, result);
			}
		}
		return form(model, id);
	}

	@PostMapping("/{id}/deactivate")
	String deactivate(@PathVariable long id, RedirectAttributes redirect) {
		administration.activate(id, false);
		redirect.addFlashAttribute("flash", "admin.categories.flash.deactivated");
		return "redirect:/admin/categories";
	}

	@PostMapping("/{id}/reactivate")
	String reactivate(@PathVariable long id, RedirectAttributes redirect) {
		administration.activate(id, true);
		redirect.addFlashAttribute("flash", "admin.categories.flash.reactivated");
		return "redirect:/admin/categories";
	}

	private CategoryOutline tree() {
		return new CategoryOutline(hierarchy.tree(), categories.findAllOrdered());
	}

	private String form(Model model, @Nullable Long id) {
		model.addAttribute("categoryId", id);
		model.addAttribute("parents", tree().possibleParentsOf(id));
		return FORM;
	}

}
