package org.guichet.tickets.web;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.tickets.HistoryEntry;
import org.guichet.tickets.TaskStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The values of the history that the ticket stores in a form of its own, told in words for the
 * history table ({@code @historyValues}): a person by their full name instead of their user name,
 * a deadline as a date, an SLA policy by name with its targets in hours, a task's status by its
 * label. A value in a form it does not know is shown as it is stored. Enumerated values (status,
 * priority…) are told by the template from their message keys.
 */
@Component("historyValues")
public class HistoryValues {

	/** The fields whose values are user names. */
	static final Set<String> PERSON_FIELDS = Set.of("assignee", "observers");

	/** What {@code SlaManagement} records: "#3 Standard v2 · TTO PT4H · TTR PT24H · calendar #1 v1[ · routing]". */
	private static final Pattern SLA_POLICY = Pattern
		.compile("#\\d+ (.+) v(\\d+) · TTO (\\S+) · TTR (\\S+) · calendar #\\d+ v\\d+( · routing)?");

	private static final Pattern TASK = Pattern.compile("(.*): ([A-Z_]+)");

	private final UserRepository users;

	private final MessageSource messages;

	private final DateFormats dates;

	HistoryValues(UserRepository users, MessageSource messages, DateFormats dates) {
		this.users = users;
		this.messages = messages;
		this.dates = dates;
	}

	/**
	 * The full names of the people the entries name, read at once for the whole table.
	 *
	 * @return full name by user name; a user name nobody has any more is absent
	 */
	public Map<String, String> people(List<HistoryEntry> entries) {
		Set<String> names = new HashSet<>();
		for (HistoryEntry entry : entries) {
			if (PERSON_FIELDS.contains(entry.getField())) {
				addIfSet(names, entry.getOldValue());
				addIfSet(names, entry.getNewValue());
			}
		}
		Map<String, String> fullNames = new HashMap<>();
		if (!names.isEmpty()) {
			for (User user : users.findByUsernameIn(names)) {
				fullNames.put(user.getUsername(), user.getFullName());
			}
		}
		return fullNames;
	}

	/** A recorded instant (an SLA deadline) as a date in the desk's time zone; the value itself when it is none. */
	public String instant(String value) {
		try {
			return dates.format(Instant.parse(value));
		}
		catch (DateTimeParseException ex) {
			return value;
		}
	}

	/** The SLA policy applied, by name and version, with its targets in hours and minutes. */
	public String slaPolicy(String value) {
		Matcher matcher = SLA_POLICY.matcher(value);
		if (!matcher.matches()) {
			return value;
		}
		Locale locale = LocaleContextHolder.getLocale();
		String routing = matcher.group(5) == null ? "" : messages.getMessage("history.sla.routing", null, locale);
		return messages.getMessage("history.sla.policy", new Object[] { matcher.group(1), matcher.group(2),
				duration(matcher.group(3), locale), duration(matcher.group(4), locale), routing }, locale);
	}

	/** A task as "title: status" with the status's label. */
	public String task(String value) {
		Matcher matcher = TASK.matcher(value);
		if (!matcher.matches()) {
			return value;
		}
		try {
			TaskStatus status = TaskStatus.valueOf(matcher.group(2));
			Locale locale = LocaleContextHolder.getLocale();
			return messages.getMessage("history.task",
					new Object[] { matcher.group(1), messages.getMessage("task." + status.name(), null, locale) }, locale);
		}
		catch (IllegalArgumentException ex) {
			return value;
		}
	}

	private String duration(String iso, Locale locale) {
		try {
			Duration duration = Duration.parse(iso);
			return messages.getMessage("history.sla.duration",
					new Object[] { duration.toHours(), duration.toMinutesPart() }, locale);
		}
		catch (DateTimeParseException ex) {
			return iso;
		}
	}

	private static void addIfSet(Set<String> names, @Nullable String value) {
		if (value != null) {
			names.add(value);
		}
	}

}
