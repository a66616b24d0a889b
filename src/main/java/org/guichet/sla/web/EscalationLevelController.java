package org.guichet.sla.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.guichet.directory.Role;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.directory.UserRepository;
import org.guichet.sla.EscalationLevel;
import org.guichet.sla.EscalationLevels;
import org.guichet.sla.EscalationLevels.LevelDefinition;
import org.guichet.sla.EscalationTrigger;
import org.guichet.sla.SlaClock;
import org.guichet.sla.SlaPolicies;
import org.guichet.system.InvalidInputException;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Sort;
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
 * The administrator's page of a policy's automatic escalation levels: the ordered list, a
 * form that adds a level at the end, buttons that move a level up or down or remove it. Every
 * level but the one added or removed is saved again with its id, so it keeps what already fired
 * for it.
 */
@Controller
@RequestMapping("/admin/sla-policies/{policyId}/escalation-levels")
class EscalationLevelController {

	private static final String PAGE = "admin/escalation/levels";

	private final EscalationLevels levels;

	private final SlaPolicies policies;

	private final SupportGroupRepository groups;

	private final UserRepository users;

	private final MessageSource messages;

	EscalationLevelController(EscalationLevels levels, SlaPolicies policies, SupportGroupRepository groups,
			UserRepository users, MessageSource messages) {
		this.levels = levels;
		this.policies = policies;
		this.groups = groups;
		this.users = users;
		this.messages = messages;
	}

	@GetMapping
	String show(@PathVariable long policyId, Model model) {
		model.addAttribute("form", new LevelForm());
		return page(policyId, model);
	}

	@PostMapping
	String add(@PathVariable long policyId, @ModelAttribute("form") LevelForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		List<LevelDefinition> wanted = new ArrayList<>(levels.of(policyId).stream().map(EscalationLevel::definition).toList());
		wanted.add(form.toDefinition());
		try {
			levels.replace(policyId, wanted);
		}
		catch (InvalidInputException ex) {
			String property = LevelForm.property(ex.field());
			if (new BeanWrapperImpl(form).isReadableProperty(property)) {
				result.rejectValue(property, ex.messageKey(), ex.arguments(), ex.getMessage());
			}
			else {
				result.reject(ex.messageKey(), ex.arguments(), ex.getMessage());
			}
			return page(policyId, model);
		}
		redirect.addFlashAttribute("flash", "admin.escalation.saved");
		return "redirect:/admin/sla-policies/" + policyId + "/escalation-levels";
	}

	/**
	 * Moves the level one place up ({@code by} = -1) or down (1), every level keeping its id and
	 * what fired for it. An order that could not work is refused above the list.
	 */
	@PostMapping("/{levelId}/move")
	String move(@PathVariable long policyId, @PathVariable long levelId, @RequestParam int by, Model model,
			RedirectAttributes redirect) {
		List<LevelDefinition> wanted = new ArrayList<>(
				levels.of(policyId).stream().map(EscalationLevel::definition).toList());
		int from = wanted.stream().map(LevelDefinition::id).toList().indexOf(levelId);
		int to = from + Integer.signum(by);
		if (from >= 0 && to >= 0 && to < wanted.size()) {
			Collections.swap(wanted, from, to);
			try {
				levels.replace(policyId, wanted);
			}
			catch (InvalidInputException ex) {
				model.addAttribute("problem", messages.getMessage(ex.messageKey(), ex.arguments(), ex.getMessage(),
						LocaleContextHolder.getLocale()));
				model.addAttribute("form", new LevelForm());
				return page(policyId, model);
			}
			redirect.addFlashAttribute("flash", "admin.escalation.saved");
		}
		return "redirect:/admin/sla-policies/" + policyId + "/escalation-levels";
	}

	/** Removes the level by its id, so that a page older than the list never removes another one. */
	@PostMapping("/{levelId}/delete")
	String remove(@PathVariable long policyId, @PathVariable long levelId, RedirectAttributes redirect) {
		List<LevelDefinition> current = levels.of(policyId).stream().map(EscalationLevel::definition).toList();
		List<LevelDefinition> wanted = current.stream()
			.filter(level -> level.id() == null || level.id() != levelId)
			.toList();
		if (wanted.size() < current.size()) {
			levels.replace(policyId, wanted);
			redirect.addFlashAttribute("flash", "admin.escalation.saved");
		}
		return "redirect:/admin/sla-policies/" + policyId + "/escalation-levels";
	}

	private String page(long policyId, Model model) {
		model.addAttribute("policy", policies.get(policyId));
		model.addAttribute("levels", levels.of(policyId));
		model.addAttribute("clocks", SlaClock.values());
		model.addAttribute("triggers", EscalationTrigger.values());
		model.addAttribute("groups", groups.findAll(Sort.by("level", "name")));
		model.addAttribute("agents",
				users.findByRoleInAndActiveTrue(List.of(Role.TECHNICIAN, Role.SUPERVISOR, Role.ADMINISTRATOR),
						Sort.by("fullName")));
		return PAGE;
	}

}
