package org.guichet.catalogue.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.guichet.approvals.Quorum;
import org.guichet.approvals.StepKind;
import org.guichet.catalogue.Catalogue;
import org.guichet.catalogue.CatalogueItem;
import org.guichet.catalogue.FieldKind;
import org.guichet.catalogue.FormDefinition;
import org.guichet.catalogue.FormField;
import org.guichet.catalogue.FormVersion;
import org.guichet.catalogue.ItemApprovalStep;
import org.guichet.catalogue.SkipCondition;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.system.ConflictException;
import org.guichet.system.DomainException;
import org.guichet.system.InvalidInputException;
import org.guichet.tickets.Categories;
import org.guichet.tickets.TicketType;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Sort;
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
 * The administrators' catalogue pages: sections, items (what they are, who may ask, what they
 * produce) and each item's form editor. The editor works on the server: adding, moving or removing
 * a field sends the whole form and draws it again, unsaved, with nothing typed lost; saving checks
 * it and saves it (in place while no request used the current version, else as the next version).
 */
@Controller
class AdminCatalogueController {

	private static final Pattern INDEX = Pattern.compile("fields\\[(\\d+)]");

	private static final Pattern STEP = Pattern.compile("(?:approvalSteps|steps)\\[(\\d+)]");

	private final Catalogue catalogue;

	private final Categories categories;

	private final SupportGroupRepository groups;

	private final UserRepository users;

	private final MessageSource messages;

	AdminCatalogueController(Catalogue catalogue, Categories categories, SupportGroupRepository groups,
			UserRepository users, MessageSource messages) {
		this.catalogue = catalogue;
		this.categories = categories;
		this.groups = groups;
		this.users = users;
		this.messages = messages;
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
			model.addAttribute("sectionErrors", errors(ex));
			model.addAttribute("labelFr", labelFr);
			model.addAttribute("labelEn", labelEn);
			return list(me, model);
		}
		return "redirect:/admin/catalogue";
	}

	@GetMapping("/admin/catalogue/items/new")
	String newItem(@RequestParam(required = false) @Nullable Long section, @AuthenticationPrincipal CurrentUser me,
			Model model) {
		ItemForm form = new ItemForm();
		form.setSectionId(section);
		return itemPage(null, form, Map.of(), me, model);
	}

	@PostMapping("/admin/catalogue/items/new")
	String createItem(@ModelAttribute("item") ItemForm form, BindingResult binding, @AuthenticationPrincipal CurrentUser me, Model model) {
		try {
			CatalogueItem item = catalogue.addItem(sectionOf(form), form.description(), form.departmentList(),
					form.getGroups(), me);
			return "redirect:/admin/catalogue/items/" + item.getId();
		}
		catch (InvalidInputException ex) {
			return itemPage(null, form, errors(ex), me, model);
		}
	}

	@GetMapping("/admin/catalogue/items/{id}")
	String item(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Model model) {
		CatalogueItem item = catalogue.item(id, me);
		model.addAttribute("editor", savedEditor(id));
		return itemPage(item, ItemForm.of(item), Map.of(), me, model);
	}

	/** The editor holding the item's current form, stamped with its version. */
	private FormEditorForm savedEditor(long itemId) {
		FormVersion current = catalogue.currentForm(itemId);
		FormEditorForm editor = new FormEditorForm();
		current.form().fields().forEach(f -> editor.getFields().add(FieldForm.of(f)));
		editor.setOpenedAs(current.stamp());
		return editor;
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
			model.addAttribute("editor", savedEditor(id));
			return itemPage(item, form, errors(ex), me, model);
		}
		catch (ConflictException ex) {
			// what this administrator typed stays; saving it again replaces the other one's change
			form.setVersion(item.getVersion());
			model.addAttribute("editor", savedEditor(id));
			model.addAttribute("itemConflict", message(ex));
			return itemPage(item, form, Map.of(), me, model);
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
			return itemPage(item, ItemForm.of(item), Map.of(), me, model);
		}
		if (op.equals("add")) {
			FieldForm added = new FieldForm();
			added.setKey("field-" + (fields.size() + 1));
			fields.add(added);
		}
		else {
			rearrange(op, fields);
		}
		if (op.equals("save")) {
			List<FormField> checked = new ArrayList<>();
			for (int i = 0; i < fields.size(); i++) {
				try {
					checked.add(fields.get(i).field());
				}
				catch (InvalidInputException ex) {
					fieldErrors.put(i, messages(ex));
				}
			}
			if (fieldErrors.isEmpty()) {
				try {
					FormVersion saved = catalogue.saveForm(id, editor.getOpenedAs(), new FormDefinition(checked), me);
					redirect.addFlashAttribute("savedVersion", saved.getNumber());
					return "redirect:/admin/catalogue/items/" + id + "#form-editor";
				}
				catch (ConflictException ex) {
					// the fields as this administrator typed them stay; saving again replaces the other save
					editor.setOpenedAs(catalogue.currentForm(id).stamp());
					model.addAttribute("formConflict", message(ex));
				}
				catch (InvalidInputException ex) {
					Stream.concat(Stream.of(ex), ex.others().stream()).forEach(refusal -> fieldErrors
						.computeIfAbsent(indexOf(fields, refusal.field()), k -> new ArrayList<>()).add(message(refusal)));
				}
			}
		}
		else {
			conditionsLost(fields).forEach((index, key) -> fieldErrors.computeIfAbsent(index, k -> new ArrayList<>())
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
		return itemPage(item, ItemForm.of(item), Map.of(), me, model);
	}

	/**
	 * The approval steps' editor: {@code add}, {@code up-<i>}, {@code down-<i>}, {@code remove-<i>}
	 * draw the steps again changed, unsaved; {@code save} checks them and saves them through
	 * {@link Catalogue#requireApproval}, each refusal shown beside its step's input.
	 */
	@PostMapping("/admin/catalogue/items/{id}/approval")
	String editApprovalSteps(@PathVariable long id, @ModelAttribute("approval") ApprovalStepsForm approval,
			BindingResult binding, @RequestParam String op, @AuthenticationPrincipal CurrentUser me, Model model,
			RedirectAttributes redirect) {
		CatalogueItem item = catalogue.item(id, me);
		List<ApprovalStepForm> steps = approval.getSteps();
		Map<Integer, Map<String, String>> stepErrors = new HashMap<>();
		binding.getFieldErrors().forEach(error -> stepErrors.computeIfAbsent(stepIndex(error.getField()),
				k -> new LinkedHashMap<>()).putIfAbsent(stepInput(error.getField()),
						messages.getMessage("catalogue.approval.not-in-list", null, LocaleContextHolder.getLocale())));
		if (op.equals("add")) {
			steps.add(new ApprovalStepForm());
		}
		else if (op.equals("save") && stepErrors.isEmpty()) {
			List<ItemApprovalStep> checked = new ArrayList<>();
			for (int i = 0; i < steps.size(); i++) {
				try {
					checked.add(steps.get(i).step());
				}
				catch (InvalidInputException ex) {
					Map<String, String> errors = stepErrors.computeIfAbsent(i, k -> new LinkedHashMap<>());
					errors(ex).forEach(errors::putIfAbsent);
				}
			}
			if (stepErrors.isEmpty()) {
				try {
					catalogue.requireApproval(id, checked, me);
					redirect.addFlashAttribute("approvalSaved", true);
					return "redirect:/admin/catalogue/items/" + id + "#approval-steps";
				}
				catch (InvalidInputException ex) {
					errors(ex).forEach((field, message) -> stepErrors
						.computeIfAbsent(stepIndex(field), k -> new LinkedHashMap<>())
						.putIfAbsent(stepInput(field), message));
				}
			}
		}
		else {
			rearrange(op, steps);
		}
		model.addAttribute("editor", savedEditor(id));
		model.addAttribute("approval", approval);
		model.addAttribute("stepErrors", stepErrors);
		return itemPage(item, ItemForm.of(item), Map.of(), me, model);
	}

	/** Moves ({@code up-<i>}, {@code down-<i>}) or removes ({@code remove-<i>}) a row; any other op or index changes nothing. */
	private static <T> void rearrange(String op, List<T> rows) {
		if (!op.startsWith("up-") && !op.startsWith("down-") && !op.startsWith("remove-")) {
			return;
		}
		int index;
		try {
			index = Integer.parseInt(op.substring(op.indexOf('-') + 1));
		}
		catch (NumberFormatException e) {
			return;
		}
		if (index < 0 || index >= rows.size()) {
			return;
		}
		if (op.startsWith("remove-")) {
			rows.remove(index);
			return;
		}
		int other = op.startsWith("up-") ? index - 1 : index + 1;
		if (other >= 0 && other < rows.size()) {
			Collections.swap(rows, index, other);
		}
	}

	/** The step a refusal names ({@code approvalSteps[i].…} or {@code steps[i].…}); -1 for the whole list. */
	private static int stepIndex(String field) {
		Matcher index = STEP.matcher(field);
		return index.find() ? Integer.parseInt(index.group(1)) : -1;
	}

	/** The input of its step a refusal names ({@code targetId}, {@code percent}, {@code skipField}…). */
	private static String stepInput(String field) {
		return field.substring(field.lastIndexOf('.') + 1);
	}

	private String itemPage(@Nullable CatalogueItem item, ItemForm form, Map<String, String> errors, CurrentUser me,
			Model model) {
		model.addAttribute("existing", item);
		model.addAttribute("item", form);
		model.addAttribute("itemErrors", errors);
		model.addAttribute("sections", catalogue.sections());
		model.addAttribute("types", TicketType.values());
		model.addAttribute("kinds", FieldKind.values());
		model.addAttribute("categories", categories.tree().depthFirst().stream()
			.map(placed -> Map.entry(placed.id(), categories.tree().path(placed.id()))).toList());
		model.addAttribute("groups", groups.findAll());
		model.addAttribute("versions", item == null ? List.of() : catalogue.versions(item.getId()));
		model.addAttribute("language", LocaleContextHolder.getLocale());
		if (!model.containsAttribute("fieldErrors")) {
			model.addAttribute("fieldErrors", Map.of());
		}
		if (!model.containsAttribute("editor")) {
			model.addAttribute("editor", new FormEditorForm());
		}
		if (item != null) {
			if (!model.containsAttribute("approval")) {
				ApprovalStepsForm approval = new ApprovalStepsForm();
				item.getApprovalSteps().forEach(step -> approval.getSteps().add(ApprovalStepForm.of(step)));
				model.addAttribute("approval", approval);
			}
			if (!model.containsAttribute("stepErrors")) {
				model.addAttribute("stepErrors", Map.of());
			}
			List<User> people = users.findByActiveTrue(Sort.by("fullName"));
			model.addAttribute("people", people);
			model.addAttribute("peopleIds", people.stream().map(User::getId).collect(Collectors.toSet()));
			model.addAttribute("stepKinds", StepKind.values());
			model.addAttribute("quorums", Quorum.values());
			model.addAttribute("comparisons", SkipCondition.Comparison.values());
			model.addAttribute("skipFields", catalogue.currentForm(item.getId()).form().fields().stream()
				.filter(f -> f.kind().canBeTested() || f.kind() == FieldKind.NUMBER || f.kind() == FieldKind.WHOLE_NUMBER)
				.map(FormField::key).toList());
		}
		model.addAttribute("conditionsLost", conditionsLost(((FormEditorForm) model.getAttribute("editor")).getFields()));
		return "catalogue/admin-item";
	}

	/**
	 * The conditions that no longer test an earlier choice or yes/no field (that field was removed,
	 * moved below, renamed or given another kind), by the index of the field they belong to: the
	 * page keeps them chosen, marked, so that they are not dropped silently, and saving refuses them.
	 */
	static Map<Integer, String> conditionsLost(List<FieldForm> fields) {
		Map<Integer, String> lost = new LinkedHashMap<>();
		for (int i = 0; i < fields.size(); i++) {
			String key = fields.get(i).getShownWhenField();
			if (key == null || key.isBlank()) {
				continue;
			}
			boolean tested = false;
			for (int j = 0; j < i; j++) {
				FieldForm earlier = fields.get(j);
				tested |= key.strip().equals(String.valueOf(earlier.getKey()).strip()) && earlier.getKind() != null
						&& earlier.getKind().canBeTested();
			}
			if (!tested) {
				lost.put(i, key.strip());
			}
		}
		return lost;
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

	private Map<String, String> errors(InvalidInputException ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		Stream.concat(Stream.of(ex), ex.others().stream())
			.forEach(refusal -> errors.putIfAbsent(String.valueOf(refusal.field()), message(refusal)));
		return errors;
	}

	private List<String> messages(InvalidInputException ex) {
		return Stream.concat(Stream.of(ex), ex.others().stream()).map(this::message).toList();
	}

	private String message(DomainException ex) {
		return messages.getMessage(ex.messageKey(), ex.arguments(), ex.getMessage(), LocaleContextHolder.getLocale());
	}

}
