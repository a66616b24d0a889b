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
import org.guichet.sla.SlaPolicy;
import org.guichet.system.InvalidInputException;
import org.guichet.system.VersionMismatchException;
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
		return page(policyId, model);
	}

	/**
	 * Adds the level at the end, made on the policy's version the page was opened on; when
	 * someone changed the policy since, the form again as typed with the version now.
	 */
	@PostMapping
	String add(@PathVariable long policyId, @ModelAttribute("form") LevelForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		List<LevelDefinition> wanted = new ArrayList<>(levels.of(policyId).stream().map(EscalationLevel::definition).toList());
		wanted.add(form.toDefinition());
		try {
			levels.replace(policyId, form.getVersion(), wanted);
		}
		catch (VersionMismatchException ex) {
			form.setVersion(ex.currentVersion());
			result.reject("admin.conflict");
			return page(policyId, model);
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
	 * what fired for it. An order that could not work, or a list someone changed since the page
	 * showed it ({@code version}, the policy's), is refused above the list.
	 */
	@PostMapping("/{levelId}/move")
	String move(@PathVariable long policyId, @PathVariable long levelId, @RequestParam int by,
			@RequestParam long version, Model model, RedirectAttributes redirect) {
		List<LevelDefinition> wanted = new ArrayList<>(
				levels.of(policyId).stream().map(EscalationLevel::definition).toList());
		int from = wanted.stream().map(LevelDefinition::id).toList().indexOf(levelId);
		int to = from + Integer.signum(by);
		if (from >= 0 && to >= 0 && to < wanted.size()) {
			Collections.swap(wanted, from, to);
			try {
				levels.replace(policyId, version, wanted);
			}
			catch (VersionMismatchException ex) {
				return changedMeanwhile(policyId, model);
			}
			catch (InvalidInputException ex) {
				model.addAttribute("problem", messages.getMessage(ex.messageKey(), ex.arguments(), ex.getMessage(),
						LocaleContextHolder.getLocale()));
				return page(policyId, model);
			}
			redirect.addFlashAttribute("flash", "admin.escalation.saved");
		}
		return "redirect:/admin/sla-policies/" + policyId + "/escalation-levels";
	}

	/**
	 * Removes the level by its id, made on the policy's {@code version}: a page older than the
	 * list removes nothing and says so; a level already removed (from a page older than that
	 * removal) is said to be gone, the list shown as it is now.
	 */
	@PostMapping("/{levelId}/delete")
	String remove(@PathVariable long policyId, @PathVariable long levelId, @RequestParam long version, Model model,
			RedirectAttributes redirect) {
		List<LevelDefinition> current = levels.of(policyId).stream().map(EscalationLevel::definition).toList();
		List<LevelDefinition> wanted = current.stream()
			.filter(level -> level.id() == null || level.id() != levelId)
			.toList();
		if (wanted.size() < current.size()) {
			try {
				levels.replace(policyId, version, wanted);
			}
			catch (VersionMismatchException ex) {
				return changedMeanwhile(policyId, model);
			}
			redirect.addFlashAttribute("flash", "admin.escalation.saved");
		}
		else {
			redirect.addFlashAttribute("flash", "admin.escalation.already-removed");
		}
		return "redirect:/admin/sla-policies/" + policyId + "/escalation-levels";
	}

	/** The page again, the list as it is now, saying that it changed since it was shown. */
	private String changedMeanwhile(long policyId, Model model) {
		model.addAttribute("problem", messages.getMessage("admin.escalation.changed", null,
				LocaleContextHolder.getLocale()));
		return page(policyId, model);
	}

	/** The page; the form to add a level, blank on the policy's version now unless one was typed. */
	private String page(long policyId, Model model) {
		SlaPolicy policy = policies.get(policyId);
		if (!model.containsAttribute("form")) {
			LevelForm form = new LevelForm();
			form.setVersion(policy.getVersion());
			model.addAttribute("form", form);
		}
		model.addAttribute("policy", policy);
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
