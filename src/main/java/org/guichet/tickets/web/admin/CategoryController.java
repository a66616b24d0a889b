package org.guichet.tickets.web.admin;

import java.util.Optional;

import jakarta.validation.Valid;
import org.guichet.system.InvalidInputException;
import org.guichet.tickets.Categories;
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

	private final Categories hierarchy;

	CategoryController(CategoryRepository categories, Categories hierarchy) {
		this.categories = categories;
		this.hierarchy = hierarchy;
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
		CategoryOutline tree = tree();
		Optional<Category> parent = parent(categoryForm, null, tree, result);
		uniqueName(categoryForm, null, tree, result);
		if (result.hasErrors()) {
			return form(model, null, tree);
		}
		categories.save(new Category(categoryForm.getName().trim(), parent.orElse(null)));
		redirect.addFlashAttribute("flash", "admin.flash.saved");
		return "redirect:/admin/categories";
	}

	@GetMapping("/{id}/edit")
	String initUpdateForm(@PathVariable long id, Model model) {
		CategoryOutline tree = tree();
		model.addAttribute("categoryForm", CategoryForm.of(find(tree, id)));
		return form(model, id, tree);
	}

	@PostMapping("/{id}/edit")
	String processUpdateForm(@PathVariable long id, @Valid CategoryForm categoryForm, BindingResult result,
			Model model, RedirectAttributes redirect) {
		CategoryOutline tree = tree();
		Category category = find(tree, id);
		if (category.getVersion() != categoryForm.getVersion()) {
			return conflict(categoryForm, category, result, model, tree);
		}
		Optional<Category> parent = parent(categoryForm, id, tree, result);
		uniqueName(categoryForm, id, tree, result);
		if (result.hasErrors()) {
			return form(model, id, tree);
		}
		category.setName(categoryForm.getName().trim());
		category.setParent(parent.orElse(null));
		try {
			categories.save(category);
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			CategoryOutline current = tree();
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
			CategoryOutline tree) {
		categoryForm.setVersion(current.getVersion());
		result.reject("admin.conflict");
		return form(model, current.getId(), tree);
	}

	/**
	 * The chosen parent, refused next to the field when unknown or, for a move, when it is the
	 * category itself or one of its sub-categories (the shared tree decides, at any depth).
	 */
	private Optional<Category> parent(CategoryForm categoryForm, @Nullable Long id, CategoryOutline outline,
			BindingResult result) {
		Long parentId = categoryForm.getParentId();
		try {
			if (id != null) {
				outline.shape().withParent(id, parentId);
			}
			if (parentId == null) {
				return Optional.empty();
			}
			return Optional.of(outline.find(parentId)
				.orElseThrow(() -> new InvalidInputException("parentId", "category.parent-unknown",
						"Parent category: no such category; choose one from the list", parentId)));
		}
		catch (InvalidInputException ex) {
			result.rejectValue("parentId", ex.messageKey(), ex.arguments(), ex.getMessage());
			return Optional.empty();
		}
	}

	/** Two categories of one name under one parent are refused next to the name. */
	private static void uniqueName(CategoryForm categoryForm, @Nullable Long id, CategoryOutline outline,
			BindingResult result) {
		if (result.hasFieldErrors("name") || categoryForm.getName() == null) {
			return;
		}
		try {
			outline.shape().refuseSiblingNamed(categoryForm.getName(), categoryForm.getParentId(), id);
		}
		catch (InvalidInputException ex) {
			result.rejectValue("name", ex.messageKey(), ex.arguments(), ex.getMessage());
		}
	}

	private CategoryOutline tree() {
		return new CategoryOutline(hierarchy.tree(), categories.findAllOrdered());
	}

	private static Category find(CategoryOutline tree, long id) {
		return tree.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private String form(Model model, @Nullable Long id, CategoryOutline tree) {
		model.addAttribute("categoryId", id);
		model.addAttribute("parents", tree.possibleParentsOf(id));
		return FORM;
	}

}
