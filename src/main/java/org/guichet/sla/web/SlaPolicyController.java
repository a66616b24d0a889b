package org.guichet.sla.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import org.guichet.calendars.Calendars;
import org.guichet.calendars.NamedCalendar;
import org.guichet.sla.SlaPolicies;
import org.guichet.sla.SlaPolicy;
import org.guichet.sla.TtoTrigger;
import org.guichet.system.ConflictException;
import org.guichet.system.InvalidInputException;
import org.guichet.system.VersionMismatchException;
import org.guichet.tickets.Category;
import org.guichet.tickets.CategoryRepository;
import org.guichet.tickets.Priority;
import org.guichet.tickets.TicketType;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * SLA policies: their order, and creating, changing and deleting them. The validation is the
 * {@link SlaPolicies} service's: its refusals are shown next to the field or cell they name.
 */
@Controller
@RequestMapping("/admin/sla-policies")
class SlaPolicyController {

	private static final String FORM = "admin/sla/form";

	private static final String LIST = "redirect:/admin/sla-policies";

	private static final Pattern TARGET_FIELD = Pattern.compile("targets\\[(\\d+)]\\.(\\w+)");

	/** The service's names of fields that the form names otherwise. */
	private static final Map<String, String> FIELDS = Map.of("conditions.categoryId", "matchCategoryId");

	private static final List<String> FORM_FIELDS = List.of("name", "calendarId", "fallback", "atRiskPercent",
			"matchCategoryId", "tto", "ttr");

	private final SlaPolicies policies;

	private final Calendars calendars;

	private final CategoryRepository categories;

	private final MessageSource messages;

	SlaPolicyController(SlaPolicies policies, Calendars calendars, CategoryRepository categories,
			MessageSource messages) {
		this.policies = policies;
		this.calendars = calendars;
		this.categories = categories;
		this.messages = messages;
	}

	@GetMapping
	String list(Model model) {
		List<SlaPolicy> all = policies.list();
		model.addAttribute("policies", all);
		model.addAttribute("ordered", all.stream().filter(policy -> !policy.isFallback()).count());
		model.addAttribute("calendarNames",
				calendars.list().stream().collect(Collectors.toMap(NamedCalendar::id, NamedCalendar::name)));
		model.addAttribute("categoryPaths",
				categories.findAllOrdered().stream().collect(Collectors.toMap(Category::getId, Category::getPath)));
		return "admin/sla/list";
	}

	@GetMapping("/new")
	String initCreationForm(Model model) {
		model.addAttribute("slaPolicyForm", new SlaPolicyForm());
		return form(model, null);
	}

	@PostMapping("/new")
	String processCreationForm(@Valid SlaPolicyForm slaPolicyForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		slaPolicyForm.setPosition(policies.list().stream()
			.filter(policy -> !policy.isFallback())
			.mapToInt(SlaPolicy::getPosition)
			.max()
			.orElse(0) + 1);
		return save(null, slaPolicyForm, result, model, redirect);
	}

	@GetMapping("/{id}/edit")
	String initUpdateForm(@PathVariable long id, Model model) {
		model.addAttribute("slaPolicyForm", SlaPolicyForm.of(policies.get(id)));
		return form(model, id);
	}

	@PostMapping("/{id}/edit")
	String processUpdateForm(@PathVariable long id, @Valid SlaPolicyForm slaPolicyForm, BindingResult result,
			Model model, RedirectAttributes redirect) {
		return save(id, slaPolicyForm, result, model, redirect);
	}

	@PostMapping("/{id}/up")
	String moveUp(@PathVariable long id) {
		policies.move(id, -1);
		return LIST;
	}

	@PostMapping("/{id}/down")
	String moveDown(@PathVariable long id) {
		policies.move(id, 1);
		return LIST;
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		try {
			policies.delete(id);
			redirect.addFlashAttribute("flash", "admin.sla.flash.deleted");
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("refusal", messages.getMessage(ex.messageKey(), ex.arguments(), ex.getMessage(),
					LocaleContextHolder.getLocale()));
		}
		return LIST;
	}

	private String save(@Nullable Long id, SlaPolicyForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		List<String> targetKeys = new ArrayList<>();
		// The grid is read even when other fields were refused, so that every error shows at once.
		SlaPolicies.Definition definition = form.toDefinition(result, targetKeys);
		if (definition != null) {
			try {
				policies.save(id, id == null ? null : form.getVersion(), definition);
				redirect.addFlashAttribute("flash", "admin.flash.saved");
				return LIST;
			}
			catch (InvalidInputException ex) {
				reject(ex, targetKeys, result);
			}
			catch (VersionMismatchException | ObjectOptimisticLockingFailureException ex) {
				form.setVersion(policies.get(id).getVersion());
				result.reject("admin.conflict");
			}
		}
		return form(model, id);
	}

	/** Shows a refusal of the service next to the form's field: {@code targets[2].timeToResolve} is a cell of the grid. */
	private static void reject(InvalidInputException ex, List<String> targetKeys, BindingResult result) {
		String field = ex.field() == null ? "" : ex.field();
		Matcher target = TARGET_FIELD.matcher(field);
		String formField;
		if (target.matches()) {
			String key = targetKeys.get(Integer.parseInt(target.group(1)));
			formField = switch (target.group(2)) {
				case "timeToOwn" -> "tto[" + key + "]";
				case "timeToResolve" -> "ttr[" + key + "]";
				default -> target.group(2);
			};
		}
		else {
			formField = FIELDS.getOrDefault(field, field);
		}
		if (FORM_FIELDS.contains(formField.replaceFirst("\\[.*", ""))) {
			result.rejectValue(formField, ex.messageKey(), ex.arguments(), ex.getMessage());
		}
		else {
			result.reject(ex.messageKey(), ex.arguments(), ex.getMessage());
		}
	}

	private String form(Model model, @Nullable Long id) {
		model.addAttribute("policyId", id);
		model.addAttribute("calendars", calendars.list());
		model.addAttribute("categories", categories.findAllOrdered());
		model.addAttribute("types", TicketType.values());
		model.addAttribute("priorities", Priority.values());
		model.addAttribute("triggers", TtoTrigger.values());
		if (id != null) {
			model.addAttribute("policyName", policies.get(id).getName());
		}
		return FORM;
	}

}
