package org.guichet.tickets.web;

import java.util.List;

import org.guichet.directory.Role;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.directory.UserRepository;
import org.guichet.tickets.CategoryRepository;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The lists the agent's forms choose from: categories, groups, the IT team, requesters.
 */
@Component
class Choices {

	private static final List<Role> AGENTS = List.of(Role.TECHNICIAN, Role.SUPERVISOR, Role.ADMINISTRATOR);

	private final CategoryRepository categories;

	private final SupportGroupRepository groups;

	private final UserRepository users;

	Choices(CategoryRepository categories, SupportGroupRepository groups, UserRepository users) {
		this.categories = categories;
		this.groups = groups;
		this.users = users;
	}

	void addClassification(Model model) {
		model.addAttribute("categories", categories.findAllOrdered());
	}

	void addTeam(Model model) {
		model.addAttribute("groups", groups.findAllWithMembers());
		model.addAttribute("agents", users.findByRoleInAndActiveTrue(AGENTS, Sort.by("fullName")));
	}

	void addRequesters(Model model) {
		model.addAttribute("requesters", users.findByActiveTrue(Sort.by("fullName")));
	}

}
