package org.guichet.catalogue.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.guichet.catalogue.Catalogue;
import org.guichet.catalogue.CatalogueItem;
import org.guichet.catalogue.FormDefinition;
import org.guichet.catalogue.FormField;
import org.guichet.catalogue.FormVersion;
import org.guichet.catalogue.ItemApprovalStep;
import org.guichet.catalogue.SkipCondition;
import org.guichet.directory.CurrentUser;
import org.guichet.system.InvalidInputException;
import org.guichet.system.StaleTagException;
import org.guichet.system.VersionMismatchException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' pages of a catalogue item: what it is, who may ask, what it produces, and its
 * form editor. The editor works on the server: adding, moving or removing a field sends the whole
 * form and draws it again, unsaved, with nothing typed lost; saving checks it and saves it (in
 * place while no request used the current version, else as the next version). The item's approval
 * steps are {@link AdminApprovalStepsController}'s, the sections {@link AdminSectionsController}'s.
 */
@Controller
class AdminItemsController {

	private static final Pattern INDEX = Pattern.compile("fields\\[(\\d+)]");

	private final Catalogue catalogue;

	private final AdminItemPage page;

	private final MessageSource messages;

	AdminItemsController(Catalogue catalogue, AdminItemPage page, MessageSource messages) {
		this.catalogue = catalogue;
		this.page = page;
		this.messages = messages;
	}

	@GetMapping("/admin/catalogue/items/new")
	String newItem(@RequestParam(required = false) @Nullable Long section, @AuthenticationPrincipal CurrentUser me,
			Model model) {
		ItemForm form = new ItemForm();
		form.setSectionId(section);
		return page.show(null, form, Map.of(), model);
	}

	@PostMapping("/admin/catalogue/items/new")
	String createItem(@ModelAttribute("item") ItemForm form, BindingResult binding, @AuthenticationPrincipal CurrentUser me, Model model) {
		try {
			CatalogueItem item = catalogue.addItem(sectionOf(form), form.description(), form.departmentList(),
					form.getGroups(), me);
			return "redirect:/admin/catalogue/items/" + item.getId();
		}
		catch (InvalidInputException ex) {
			return page.show(null, form, page.errors(ex), model);
		}
	}

	@GetMapping("/admin/catalogue/items/{id}")
	String item(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Model model) {
		CatalogueItem item = catalogue.item(id, me);
		model.addAttribute("editor", page.savedEditor(id));
		return page.show(item, ItemForm.of(item), Map.of(), model);
	}

	@PostMapping("/admin/catalogue/items/{id}")
	String updateItem(@PathVariable long id, @ModelAttribute("item") ItemForm form, BindingResult binding,
			@AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
		CatalogueItem item = catalogue.item(id, me);
		try {
			catalogue.updateItem(id, form.getVersion(), sectionOf(form), form.description(), form.departmentList(),
					form.getGroups(), form.isActive(), me);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("editor", page.savedEditor(id));
			return page.show(item, form, page.errors(ex), model);
		}
		catch (VersionMismatchException ex) {
			// what this administrator typed stays; saving it again replaces the other one's change
			form.setVersion(item.getVersion());
			model.addAttribute("editor", page.savedEditor(id));
			model.addAttribute("itemConflict", page.message(ex));
			return page.show(item, form, Map.of(), model);
		}
		redirect.addFlashAttribute("saved", "catalogue.admin.item.saved");
		return "redirect:/admin/catalogue/items/" + id;
	}

	/**
	 * The form editor's buttons: {@code add}, {@code up-<i>}, {@code down-<i>}, {@code remove-<i>}
	 * draw the form again changed, unsaved; {@code save} checks and saves it.
	 */
	@PostMapping("/admin/catalogue/items/{id}/form")
	String editForm(@PathVariable long id, @ModelAttribute("editor") FormEditorForm editor, BindingResult binding,
			@RequestParam String op, @AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
		CatalogueItem item = catalogue.item(id, me);
		List<FieldForm> fields = editor.getFields();
		Map<Integer, List<String>> fieldErrors = new HashMap<>();
		for (FieldError error : binding.getFieldErrors()) {
			Matcher index = INDEX.matcher(error.getField());
			fieldErrors.computeIfAbsent(index.lookingAt() ? Integer.parseInt(index.group(1)) : -1, k -> new ArrayList<>())
				.add(messages.getMessage("catalogue.admin.field.not-a-number", null, LocaleContextHolder.getLocale()));
		}
		if (!fieldErrors.isEmpty()) {
			model.addAttribute("editor", editor);
			model.addAttribute("fieldErrors", fieldErrors);
			return page.show(item, ItemForm.of(item), Map.of(), model);
		}
		if (op.equals("add")) {
			FieldForm added = new FieldForm();
			added.setKey("field-" + (fields.size() + 1));
			fields.add(added);
		}
		else {
			AdminItemPage.rearrange(op, fields);
		}
		if (op.equals("save")) {
			List<FormField> checked = new ArrayList<>();
			for (int i = 0; i < fields.size(); i++) {
				try {
					checked.add(fields.get(i).field());
				}
				catch (InvalidInputException ex) {
					fieldErrors.put(i, page.messages(ex));
				}
			}
			if (fieldErrors.isEmpty()) {
				try {
					FormVersion saved = catalogue.saveForm(id, editor.getOpenedAs(), new FormDefinition(checked), me);
					redirect.addFlashAttribute("savedVersion", saved.getNumber());
					return "redirect:/admin/catalogue/items/" + id + "#form-editor";
				}
				catch (StaleTagException ex) {
					// the fields as this administrator typed them stay; saving again replaces the other save
					editor.setOpenedAs(catalogue.currentForm(id).stamp());
					model.addAttribute("formConflict", page.message(ex));
				}
				catch (InvalidInputException ex) {
					Stream.concat(Stream.of(ex), ex.others().stream()).forEach(refusal -> fieldErrors
						.computeIfAbsent(indexOf(fields, refusal.field()), k -> new ArrayList<>()).add(page.message(refusal)));
				}
			}
		}
		else {
			AdminItemPage.conditionsLost(fields).forEach((index, key) -> fieldErrors.computeIfAbsent(index, k -> new ArrayList<>())
				.add(messages.getMessage("catalogue.field.condition-field", new Object[] { key },
						LocaleContextHolder.getLocale())));
			List<String> keys = fields.stream().map(f -> String.valueOf(f.getKey()).strip()).toList();
			List<ItemApprovalStep> steps = item.getApprovalSteps();
			for (int i = 0; i < steps.size(); i++) {
				SkipCondition skip = steps.get(i).skipWhen();
				if (skip != null && !keys.contains(skip.fieldKey())) {
					fieldErrors.computeIfAbsent(-1, k -> new ArrayList<>())
						.add(messages.getMessage("catalogue.approval.field-in-use",
								new Object[] { i + 1, skip.fieldKey() }, LocaleContextHolder.getLocale()));
				}
			}
		}
		model.addAttribute("editor", editor);
		model.addAttribute("fieldErrors", fieldErrors);
		return page.show(item, ItemForm.of(item), Map.of(), model);
	}

	private static long sectionOf(ItemForm form) {
		if (form.getSectionId() == null) {
			throw new InvalidInputException("sectionId", "field.required", "Choose a section");
		}
		return form.getSectionId();
	}

	/** The editor's field a refusal names ({@code fields.<key>.…}), the first with that key; -1 for the form. */
	private static int indexOf(List<FieldForm> fields, @Nullable String name) {
		if (name == null || !name.startsWith("fields.")) {
			return -1;
		}
		String key = name.substring("fields.".length()).split("\\.")[0];
		for (int i = 0; i < fields.size(); i++) {
			if (key.equals(fields.get(i).getKey().strip())) {
				return i;
			}
		}
		return -1;
	}

}
