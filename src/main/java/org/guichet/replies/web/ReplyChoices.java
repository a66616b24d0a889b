package org.guichet.replies.web;

import java.util.List;
import java.util.stream.Collectors;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportGroupRepository;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The support groups the management pages offer and name. */
@Component
class ReplyChoices {

	private final SupportGroupRepository groups;

	ReplyChoices(SupportGroupRepository groups) {
		this.groups = groups;
	}

	/**
	 * Adds {@code groupNames} (id to name, every group), {@code allGroups} and
	 * {@code managedGroups}: the groups whose shared ones the person manages (every group for an
	 * administrator, their own for a supervisor, none for a technician).
	 */
	void addGroups(Model model, CurrentUser me) {
		List<SupportGroup> all = groups.findAll(Sort.by("name", "id"));
		List<Long> mine = groups.findGroupIdsOfMember(me.id());
		model.addAttribute("allGroups", all);
		model.addAttribute("groupNames",
				all.stream().collect(Collectors.toMap(SupportGroup::getId, SupportGroup::getName)));
		model.addAttribute("managedGroups", me.has(Role.ADMINISTRATOR) ? all
				: me.has(Role.SUPERVISOR) ? all.stream().filter(g -> mine.contains(g.getId())).toList() : List.of());
	}

}
