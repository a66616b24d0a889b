package org.guichet.reporting;

import org.guichet.directory.SupportGroupRepository;
import org.guichet.directory.UserRepository;
import org.guichet.tickets.Categories;
import org.springframework.stereotype.Component;

/** The ids a KPI filter may name: the directory's groups and users, the tickets' categories. */
@Component
class KnownIds implements KpiFilter.Known {

	private final SupportGroupRepository groups;

	private final UserRepository users;

	private final Categories categories;

	KnownIds(SupportGroupRepository groups, UserRepository users, Categories categories) {
		this.groups = groups;
		this.users = users;
		this.categories = categories;
	}

	@Override
	public boolean group(long id) {
		return groups.existsById(id);
	}

	@Override
	public boolean user(long id) {
		return users.existsById(id);
	}

	@Override
	public boolean category(long id) {
		return categories.tree().find(id).isPresent();
	}

}
