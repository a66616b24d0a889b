package org.guichet.catalogue.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.guichet.catalogue.Catalogue;
import org.guichet.catalogue.CatalogueItem;
import org.guichet.catalogue.ItemApprovalStep;
import org.guichet.directory.CurrentUser;
import org.guichet.system.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The approval steps' editor of a catalogue item (catalogue/fragments/approval-steps, on the item's
 * page): its buttons send every step and draw them again, unsaved, until "Save the steps" saves
 * them through {@link Catalogue#requireApproval}, each refusal beside its input.
 */
@Controller
class AdminApprovalStepsController {

	private static final Pattern STEP = Pattern.compile("(?:approvalSteps|steps)\\[(\\d+)]");

	/** The name under which the person picker of step {@code i} sends what is typed: {@code typed.step-<i>}. */
	private static final String TYPED = PeoplePickerController.TYPED + "step-";

	private final Catalogue catalogue;

	private final AdminItemPage page;

	private final MessageSource messages;

	AdminApprovalStepsController(Catalogue catalogue, AdminItemPage page, MessageSource messages) {
		this.catalogue = catalogue;
		this.page = page;
		this.messages = messages;
	}

	/**
	 * The approval steps' editor: {@code add}, {@code up-<i>}, {@code down-<i>}, {@code remove-<i>}
	 * draw the steps again changed, unsaved; {@code save} checks them and saves them through
	 * {@link Catalogue#requireApproval}, each refusal shown beside its step's input.
	 */
	@PostMapping("/admin/catalogue/items/{id}/approval")
	String editApprovalSteps(@PathVariable long id, @ModelAttribute("approval") ApprovalStepsForm approval,
			BindingResult binding, @RequestParam String op, @RequestParam Map<String, String> sent,
			@AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
		CatalogueItem item = catalogue.item(id, me);
		List<ApprovalStepForm> steps = approval.getSteps();
		for (int i = 0; i < steps.size(); i++) {
			steps.get(i).setUserTyped(sent.get(TYPED + i));
		}
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
					page.errors(ex).forEach(errors::putIfAbsent);
				}
			}
			if (stepErrors.isEmpty()) {
				try {
					catalogue.requireApproval(id, checked, me);
					redirect.addFlashAttribute("approvalSaved", true);
					return "redirect:/admin/catalogue/items/" + id + "#approval-steps";
				}
				catch (InvalidInputException ex) {
					page.errors(ex).forEach((field, message) -> stepErrors
						.computeIfAbsent(stepIndex(field), k -> new LinkedHashMap<>())
						.putIfAbsent(stepInput(field), message));
				}
			}
		}
		else {
			AdminItemPage.rearrange(op, steps);
		}
		model.addAttribute("editor", page.savedEditor(id));
		model.addAttribute("approval", approval);
		model.addAttribute("stepErrors", stepErrors);
		return page.show(item, ItemForm.of(item), Map.of(), model);
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

}
