package org.guichet.tickets.web;

import java.util.List;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.UserRepository;
import org.guichet.tickets.CategoryRepository;
import org.guichet.tickets.EscalationKind;
import org.guichet.tickets.Ticket;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The lists the agent's forms choose from: categories, groups, the IT team, the caller picked.
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

	/** Every support group with its members ({@code groups}) and the IT team's people ({@code agents}). */
	void addTeam(Model model) {
		addTeam(model, groups.findAllWithMembers());
	}

	/**
	 * {@link #addTeam(Model)} and the reader's own support groups ({@code myGroups}), those a view
	 * can be shared with, from one read of the groups.
	 */
	void addTeamAndMyGroups(Model model, CurrentUser reader) {
		List<SupportGroup> all = groups.findAllWithMembers();
		addTeam(model, all);
		model.addAttribute("myGroups", all.stream().filter(g -> g.hasMember(reader.id())).toList());
	}

	private void addTeam(Model model, List<SupportGroup> all) {
		model.addAttribute("groups", all);
		model.addAttribute("agents", users.findByRoleInAndActiveTrue(AGENTS, Sort.by("fullName")));
	}

	/** The groups a functional escalation may move the ticket to: those above its level. */
	void addEscalationTargets(Model model, Ticket ticket) {
		SupportLevel current = ticket.getGroup() == null ? SupportLevel.N1 : ticket.getGroup().getLevel();
		model.addAttribute("escalationGroups", groups.findAllWithMembers()
			.stream()
			.filter(g -> g.getLevel().compareTo(current) > 0)
			.toList());
		model.addAttribute("escalationKinds", List.of(EscalationKind.FUNCTIONAL, EscalationKind.HIERARCHICAL));
	}

	/**
	 * The caller already picked on the new-ticket form ({@code caller}), to show their name when
	 * the form comes back; the others are searched as the agent types ({@link CallerController}).
	 */
	void addCaller(Model model) {
		if (model.getAttribute("ticket") instanceof NewTicketForm form && form.getRequesterId() != null) {
			users.findById(form.getRequesterId()).ifPresent(caller -> model.addAttribute("caller", caller));
		}
	}

}
