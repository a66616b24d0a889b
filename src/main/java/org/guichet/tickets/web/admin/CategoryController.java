package org.guichet.tickets.web.admin;

import java.util.Optional;

import jakarta.validation.Valid;
import org.guichet.tickets.Category;
import org.guichet.tickets.CategoryRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
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

	CategoryController(CategoryRepository categories) {
		this.categories = categories;
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
		return form(model, null, tree());
	}

	@PostMapping("/new")
	String processCreationForm(@Valid CategoryForm categoryForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		CategoryTree tree = tree();
		Optional<Category> parent = parent(categoryForm, null, tree, result);
		if (result.hasErrors()) {
			return form(model, null, tree);
		}
		categories.save(new Category(categoryForm.getName().trim(), parent.orElse(null)));
		redirect.addFlashAttribute("flash", "admin.flash.saved");
		return "redirect:/admin/categories";
	}

	@GetMapping("/{id}/edit")
	String initUpdateForm(@PathVariable long id, Model model) {
		CategoryTree tree = tree();
		model.addAttribute("categoryForm", CategoryForm.of(find(tree, id)));
		return form(model, id, tree);
	}

	@PostMapping("/{id}/edit")
	String processUpdateForm(@PathVariable long id, @Valid CategoryForm categoryForm, BindingResult result,
			Model model, RedirectAttributes redirect) {
		CategoryTree tree = tree();
		Category category = find(tree, id);
		if (category.getVersion() != categoryForm.getVersion()) {
			return conflict(categoryForm, category, result, model, tree);
		}
		Optional<Category> parent = parent(categoryForm, id, tree, result);
		if (result.hasErrors()) {
			return form(model, id, tree);
		}
		category.setName(categoryForm.getName().trim());
		category.setParent(parent.orElse(null));
		try {
			categories.save(category);
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			CategoryTree current = tree();
			return conflict(categoryForm, find(current, id), result, model, current);
		}
		redirect.addFlashAttribute("flash", "admin.flash.saved");
		return "redirect:/admin/categories";
	}

	@PostMapping("/{id}/deactivate")
	String deactivate(@PathVariable long id, RedirectAttributes redirect) {
		return activate(id, false, redirect);
	}

	@PostMapping("/{id}/reactivate")
	String reactivate(@PathVariable long id, RedirectAttributes redirect) {
		return activate(id, true, redirect);
	}

	private String activate(long id, boolean active, RedirectAttributes redirect) {
		Category category = categories.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		category.setActive(active);
		categories.save(category);
		redirect.addFlashAttribute("flash", active ? "admin.categories.flash.reactivated"
				: "admin.categories.flash.deactivated");
		return "redirect:/admin/categories";
	}

	private String conflict(CategoryForm categoryForm, Category current, BindingResult result, Model model,
			CategoryTree tree) {
		categoryForm.setVersion(current.getVersion());
		result.reject("admin.conflict");
		return form(model, current.getId(), tree);
	}

	/** The chosen parent, refused when unknown or when the move would put the category under itself. */
	private Optional<Category> parent(CategoryForm categoryForm, @Nullable Long id, CategoryTree tree,
			BindingResult result) {
		if (categoryForm.getParentId() == null) {
			return Optional.empty();
		}
		Optional<Category> parent = tree.find(categoryForm.getParentId());
		if (parent.isEmpty()) {
			result.rejectValue("parentId", "admin.categories.parent.unknown");
		}
		else if (id != null && tree.isWithin(categoryForm.getParentId(), id)) {
			result.rejectValue("parentId", "admin.categories.parent.cycle");
		}
		return parent;
	}

	private CategoryTree tree() {
		return new CategoryTree(categories.findAllOrdered());
	}

	private static Category find(CategoryTree tree, long id) {
		return tree.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private String form(Model model, @Nullable Long id, CategoryTree tree) {
		model.addAttribute("categoryId", id);
		model.addAttribute("parents", tree.possibleParentsOf(id));
		return FORM;
	}

}
