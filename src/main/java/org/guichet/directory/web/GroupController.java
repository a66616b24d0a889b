package org.guichet.directory.web;

import java.util.Arrays;
import java.util.List;

import jakarta.validation.Valid;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.directory.SupportGroups;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
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

	private final SupportGroups groupDeletion;

	GroupController(SupportGroupRepository groups, UserRepository users, SupportGroups groupDeletion) {
		this.groups = groups;
		this.users = users;
		this.groupDeletion = groupDeletion;
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

	@PostMapping("/new")
	String processCreationForm(@Valid GroupForm groupForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		rejectTakenName(groupForm, null, result);
		List<User> members = members(groupForm, result);
		if (result.hasErrors()) {
			return form(model, null);
		}
		SupportGroup group = new SupportGroup(groupForm.getName().trim(), groupForm.getLevel());
		groupForm.applyTo(group, members);
		groups.save(group);
		redirect.addFlashAttribute("flash", "admin.flash.saved");
		return "redirect:/admin/groups";
	}

	@GetMapping("/{id}/edit")
	String initUpdateForm(@PathVariable long id, Model model) {
		model.addAttribute("groupForm", GroupForm.of(find(id)));
		return form(model, id);
	}

	@PostMapping("/{id}/edit")
	String processUpdateForm(@PathVariable long id, @Valid GroupForm groupForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		SupportGroup group = find(id);
		if (group.getVersion() != groupForm.getVersion()) {
			return conflict(groupForm, group, result, model);
		}
		rejectTakenName(groupForm, id, result);
		List<User> members = members(groupForm, result);
		if (result.hasErrors()) {
			return form(model, id);
		}
		groupForm.applyTo(group, members);
		try {
			groups.save(group);
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			return conflict(groupForm, find(id), result, model);
		}
		redirect.addFlashAttribute("flash", "admin.flash.saved");
		return "redirect:/admin/groups";
	}

	/** A refusal (a routing rule or tickets use the group) is shown as a page that names what uses it. */
	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		groupDeletion.delete(id);
		redirect.addFlashAttribute("flash", "admin.flash.saved");
		return "redirect:/admin/groups";
	}

	private String conflict(GroupForm groupForm, SupportGroup current, BindingResult result, Model model) {
		groupForm.setVersion(current.getVersion());
		result.reject("admin.conflict");
		return form(model, current.getId());
	}

	private void rejectTakenName(GroupForm groupForm, @Nullable Long id, BindingResult result) {
		if (groupForm.getName() != null && !result.hasFieldErrors("name") && groups.findByName(groupForm.getName().trim())
			.filter(other -> !other.getId().equals(id))
			.isPresent()) {
			result.rejectValue("name", "admin.groups.name.taken", new Object[] { groupForm.getName().trim() }, null);
		}
	}

	private List<User> members(GroupForm groupForm, BindingResult result) {
		List<Long> ids = groupForm.getMemberIds().stream().distinct().toList();
		List<User> members = users.findAllById(ids);
		if (members.size() != ids.size()
				|| members.stream().anyMatch(member -> !member.getRole().isAgent())) {
			result.rejectValue("memberIds", "admin.groups.members.agents-only");
		}
		return members;
	}

	private SupportGroup find(long id) {
		return groups.findWithMembersById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private String form(Model model, @Nullable Long id) {
		model.addAttribute("groupId", id);
		model.addAttribute("levels", SupportLevel.values());
		model.addAttribute("agents", users.findByRoleInAndActiveTrue(AGENT_ROLES, Sort.by("fullName")));
		return FORM;
	}

}
