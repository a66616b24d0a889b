package org.guichet.reporting.presentation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.reporting.KpiFilter;
import org.guichet.tickets.Category;
import org.guichet.tickets.CategoryRepository;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Says whose figures a KPI filter selects, for a heading: the whole desk, a group, a technician
 * or both, then the other criteria set (type, category, channel, priority, department) by their
 * labels and values in the reader's language — {@code Group N1 support — Priority: High}. The
 * period is not part of it: each page writes its period its own way.
 */
@Component
public class FilterScope {

	private final MessageSource messages;

	private final SupportGroupRepository groups;

	private final UserRepository users;

	private final CategoryRepository categories;

	public FilterScope(MessageSource messages, SupportGroupRepository groups, UserRepository users,
			CategoryRepository categories) {
		this.messages = messages;
		this.groups = groups;
		this.users = users;
		this.categories = categories;
	}

	/**
	 * @param filter a filter already narrowed to the reader's scope (its ids exist)
	 * @return the description, never empty ({@code The whole desk} when nothing narrows it)
	 */
	public String describe(KpiFilter filter, Locale locale) {
		String who;
		if (filter.group() != null && filter.technician() != null) {
			who = text("reports.scope.group-technician", locale, groupName(filter.group()),
					technicianName(filter.technician()));
		}
		else if (filter.group() != null) {
			who = text("reports.scope.group", locale, groupName(filter.group()));
		}
		else if (filter.technician() != null) {
			who = text("reports.scope.technician", locale, technicianName(filter.technician()));
		}
		else {
			who = text("reports.scope.desk", locale);
		}
		List<String> criteria = new ArrayList<>();
		if (filter.type() != null) {
			criteria.add(criterion("type", text("type." + filter.type(), locale), locale));
		}
		if (filter.category() != null) {
			criteria.add(criterion("category", categoryPath(filter.category()), locale));
		}
		if (filter.channel() != null) {
			criteria.add(criterion("channel", text("channel." + filter.channel(), locale), locale));
		}
		if (filter.priority() != null) {
			criteria.add(criterion("priority", text("level." + filter.priority(), locale), locale));
		}
		if (filter.department() != null) {
			criteria.add(criterion("department", filter.department(), locale));
		}
		return criteria.isEmpty() ? who : text("reports.scope.with", locale, who, String.join("; ", criteria));
	}

	private String criterion(String field, String value, Locale locale) {
		return text("reports.scope.criterion", locale, text("reports.filter." + field, locale), value);
	}

	private String groupName(long id) {
		return groups.findById(id).map(SupportGroup::getName).orElse("#" + id);
	}

	private String technicianName(long id) {
		return users.findById(id).map(User::getFullName).orElse("#" + id);
	}

	private String categoryPath(long id) {
		return categories.findAllOrdered()
			.stream()
			.filter(category -> Objects.equals(category.getId(), id))
			.map(Category::getPath)
			.findFirst()
			.orElse("#" + id);
	}

	private String text(String key, Locale locale, Object... arguments) {
		return messages.getMessage(key, arguments, locale);
	}

}
