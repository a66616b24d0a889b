package org.guichet.catalogue.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.guichet.approvals.Quorum;
import org.guichet.approvals.StepKind;
import org.guichet.catalogue.Catalogue;
import org.guichet.catalogue.CatalogueItem;
import org.guichet.catalogue.FieldKind;
import org.guichet.catalogue.FormField;
import org.guichet.catalogue.FormVersion;
import org.guichet.catalogue.SkipCondition;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.directory.UserRepository;
import org.guichet.system.DomainException;
import org.guichet.system.InvalidInputException;
import org.guichet.tickets.Categories;
import org.guichet.tickets.TicketType;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the pages of one catalogue item draw (catalogue/admin-item): the item, its form editor and
 * its approval steps' editor, with the lists they choose from; and the helpers the item's, its
 * form's and its steps' handlers share (the refusals as messages, moving and removing rows). The
 * approval steps' person picker is a type-ahead (catalogue/people), so the whole directory is
 * never sent; the page names only the people its steps already ask.
 */
@Component
class AdminItemPage {

	private final Catalogue catalogue;

	private final Categories categories;

	private final SupportGroupRepository groups;

	private final UserRepository users;

	private final MessageSource messages;

	AdminItemPage(Catalogue catalogue, Categories categories, SupportGroupRepository groups, UserRepository users,
			MessageSource messages) {
		this.catalogue = catalogue;
		this.categories = categories;
		this.groups = groups;
		this.users = users;
		this.messages = messages;
	}

	/** The editor holding the item's current form, stamped with its version. */
	FormEditorForm savedEditor(long itemId) {
		FormVersion current = catalogue.currentForm(itemId);
		FormEditorForm editor = new FormEditorForm();
		current.form().fields().forEach(f -> editor.getFields().add(FieldForm.of(f)));
		editor.setOpenedAs(current.stamp());
		return editor;
	}

	/**
	 * The item's page: the item as given ({@code form}, its refusals by input in {@code errors}),
	 * its form editor and approval steps as the model holds them, else as saved.
	 *
	 * @param item null for a new item, which has neither form nor steps yet
	 * @return the template's name
	 */
	String show(@Nullable CatalogueItem item, ItemForm form, Map<String, String> errors, Model model) {
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
			model.addAttribute("stepPeople", stepPeople((ApprovalStepsForm) model.getAttribute("approval")));
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
	 * The people the steps name, by id, as their person picker shows them: a full name, marked
	 * when the person is no longer active (an unknown id is marked by the page).
	 */
	private Map<Long, String> stepPeople(ApprovalStepsForm approval) {
		Set<Long> ids = approval.getSteps().stream().map(ApprovalStepForm::getUserId).filter(Objects::nonNull)
			.collect(Collectors.toSet());
		Locale language = LocaleContextHolder.getLocale();
		return ids.isEmpty() ? Map.of()
				: users.findAllById(ids).stream().collect(Collectors.toMap(u -> Objects.requireNonNull(u.getId()),
						u -> u.isActive() ? u.getFullName()
								: messages.getMessage("catalogue.admin.approval.inactive", new Object[] { u.getFullName() },
										language)));
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

	/** Moves ({@code up-<i>}, {@code down-<i>}) or removes ({@code remove-<i>}) a row; any other op or index changes nothing. */
	static <T> void rearrange(String op, List<T> rows) {
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

	Map<String, String> errors(InvalidInputException ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		Stream.concat(Stream.of(ex), ex.others().stream())
			.forEach(refusal -> errors.putIfAbsent(String.valueOf(refusal.field()), message(refusal)));
		return errors;
	}

	List<String> messages(InvalidInputException ex) {
		return Stream.concat(Stream.of(ex), ex.others().stream()).map(this::message).toList();
	}

	String message(DomainException ex) {
		return messages.getMessage(ex.messageKey(), ex.arguments(), ex.getMessage(), LocaleContextHolder.getLocale());
	}

}
