package org.guichet.directory.web;

import java.util.Arrays;
import java.util.List;

import org.guichet.directory.Role;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.directory.SupportGroups;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.UserRepository;
import org.guichet.system.FormRefusals;
import org.guichet.system.InvalidInputException;
import org.guichet.system.VersionMismatchException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
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
 * Support groups: their level (N1, N2, N3) and their members, who must be agents.
 */
@Controller
@RequestMapping("/admin/groups")
class GroupController {

	private static final String FORM = "admin/groups/form";

	private static final List<Role> AGENT_ROLES = Arrays.stream(Role.values()).filter(Role::isAgent).toList();

	private final SupportGroupRepository groups;

	private final UserRepository users;

	private final SupportGroups administration;

	GroupController(SupportGroupRepository groups, UserRepository users, SupportGroups administration) {
		this.groups = groups;
		this.users = users;
		this.administration = administration;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("groups", groups.findAllWithMembers());
		return "admin/groups/list";
	}

	@GetMapping("/new")
	String initCreationForm(Model model) {
		model.addAttribute("groupForm", new GroupForm());
		return form(model, null);
	}

	/** The rules are {@link SupportGroups#create}'s. */
	@PostMapping("/new")
	String processCreationForm(GroupForm groupForm, BindingResult result, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				administration.create(groupForm.details());
				redirect.addFlashAttribute("flash", "admin.flash.saved");
				return "redirect:/admin/groups";
			}
			catch (InvalidInputException ex) {
				FormRefusals.reject(ex, result);
			}
		}
		return form(model, null);
	}

	@GetMapping("/{id}/edit")
	String initUpdateForm(@PathVariable long id, Model model) {
		model.addAttribute("groupForm", GroupForm.of(administration.get(id)));
		return form(model, id);
	}

	/** The rules are {@link SupportGroups#update}'s. */
	@PostMapping("/{id}/edit")
	String processUpdateForm(@PathVariable long id, GroupForm groupForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				administration.update(id, groupForm.getVersion(), groupForm.details());
				redirect.addFlashAttribute("flash", "admin.flash.saved");
				return "redirect:/admin/groups";
			}
			catch (VersionMismatchException | ObjectOptimisticLockingFailureException ex) {
				groupForm.setVersion(administration.get(id).getVersion());
				result.reject("admin.conflict");
			}
			catch (InvalidInputException ex) {
				FormRefusals.reject(ex, result);
			}
		}
		return form(model, id);
	}

	/** A refusal (a routing rule, a webhook or tickets use the group) is shown as a page that names what uses it. */
	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		administration.delete(id);
		redirect.addFlashAttribute("flash", "admin.flash.saved");
		return "redirect:/admin/groups";
	}

	private String form(Model model, @Nullable Long id) {
		model.addAttribute("groupId", id);
		model.addAttribute("levels", SupportLevel.values());
		model.addAttribute("agents", users.findByRoleInAndActiveTrue(AGENT_ROLES, Sort.by("fullName")));
		return FORM;
	}

}
