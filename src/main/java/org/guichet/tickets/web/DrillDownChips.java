package org.guichet.tickets.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.guichet.tickets.DrillDown;
import org.guichet.tickets.TicketFilter;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A ticket list's drill-down criteria ({@link DrillDown}) in words, one chip each, with the link
 * to the same list without it, so that a supervisor arriving from a KPI reads what the list is
 * and can widen it.
 */
@Component
class DrillDownChips {

	/**
	 * One criterion in words, and the link to the list without it.
	 *
	 * @param parameter the first of the parameters the chip stands for (the period stands for
	 * {@code from}, {@code to} and {@code periodBy})
	 */
	record Chip(String parameter, String label, String removeUrl) {
	}

	private final MessageSource messages;

	private final ZoneId zone;

	private final Clock clock;

	DrillDownChips(MessageSource messages, @Value("${guichet.time-zone:Europe/Paris}") ZoneId zone, Clock clock) {
		this.messages = messages;
		this.zone = zone;
		this.clock = clock;
	}

	/**
	 * The chips of the filter's drill-down criteria, in the order of {@link DrillDown#PARAMETERS};
	 * none without drill-down. Each removal link keeps the rest of the filter, from its first
	 * page, in the saved view {@code viewId} (null for none).
	 */
	List<Chip> of(TicketFilter filter, @Nullable Long viewId, Locale locale) {
		DrillDown drill = filter.drillDown();
		Map<String, String> parameters = filter.onPage(0).toParameters();
		List<Chip> chips = new ArrayList<>();
		if (drill.from() != null || drill.to() != null || drill.periodBy() != null) {
			chips.add(chip(parameters, viewId, period(drill, locale), "from", "to", "periodBy"));
		}
		if (drill.channel() != null) {
			chips.add(chip(parameters, viewId, text("drill.channel", locale, text("channel." + drill.channel(), locale)),
					"channel"));
		}
		if (drill.department() != null) {
			chips.add(chip(parameters, viewId, text("drill.department", locale, drill.department()), "department"));
		}
		if (drill.tto() != null) {
			chips.add(chip(parameters, viewId, text("drill.tto." + drill.tto(), locale), "tto"));
		}
		if (drill.ttr() != null) {
			chips.add(chip(parameters, viewId, text("drill.ttr." + drill.ttr(), locale), "ttr"));
		}
		if (drill.reopened() != null) {
			chips.add(chip(parameters, viewId, text("drill.reopened." + drill.reopened(), locale), "reopened"));
		}
		if (drill.escalated() != null) {
			chips.add(chip(parameters, viewId, text("drill.escalated." + drill.escalated(), locale), "escalated"));
		}
		if (drill.firstLevel() != null) {
			chips.add(chip(parameters, viewId, text("drill.firstLevel." + drill.firstLevel(), locale), "firstLevel"));
		}
		if (drill.firstContact() != null) {
			chips.add(chip(parameters, viewId, text("drill.firstContact." + drill.firstContact(), locale),
					"firstContact"));
		}
		if (drill.age() != null) {
			chips.add(chip(parameters, viewId, text("drill.age." + drill.age(), locale), "age"));
		}
		if (drill.rating() != null) {
			chips.add(chip(parameters, viewId, text("drill.rating." + drill.rating(), locale), "rating"));
		}
		if (drill.weekday() != null) {
			String day = DayOfWeek.of(drill.weekday()).getDisplayName(TextStyle.FULL, locale);
			chips.add(chip(parameters, viewId, text("drill.weekday", locale, day), "weekday"));
		}
		if (drill.hour() != null) {
			chips.add(chip(parameters, viewId, text("drill.hour", locale, String.format("%02d", drill.hour())),
					"hour"));
		}
		if (drill.sla() != null) {
			chips.add(chip(parameters, viewId, text("drill.sla." + drill.sla(), locale), "sla"));
		}
		if (drill.owned() != null) {
			chips.add(chip(parameters, viewId, text("drill.owned." + drill.owned(), locale), "owned"));
		}
		if (drill.responded() != null) {
			chips.add(chip(parameters, viewId, text("drill.responded." + drill.responded(), locale), "responded"));
		}
		if (drill.statusGroup() != null) {
			chips.add(chip(parameters, viewId, text("drill.statusGroup." + drill.statusGroup(), locale),
					"statusGroup"));
		}
		if (drill.subcategories() != null) {
			chips.add(chip(parameters, viewId, text("drill.subcategories." + drill.subcategories(), locale),
					"subcategories"));
		}
		return chips;
	}

	/** The link to the same list without any drill-down criterion. */
	String clearUrl(TicketFilter filter, @Nullable Long viewId) {
		Map<String, String> parameters = new LinkedHashMap<>(filter.onPage(0).toParameters());
		parameters.keySet().removeAll(DrillDown.PARAMETERS);
		return QueueLinks.to("/agent", parameters, viewId);
	}

	private static Chip chip(Map<String, String> parameters, @Nullable Long viewId, String label,
			String... removed) {
		Map<String, String> without = new LinkedHashMap<>(parameters);
		without.keySet().removeAll(List.of(removed));
		return new Chip(removed[0], label, QueueLinks.to("/agent", without, viewId));
	}

	/** "Resolved between 1 Oct and 31 Oct", with the years when they are not this year's. */
	private String period(DrillDown drill, Locale locale) {
		String key = "drill.period." + drill.periodOn() + "."
				+ (drill.from() != null && drill.to() != null ? "between"
						: drill.from() != null ? "from" : drill.to() != null ? "to" : "any");
		int thisYear = LocalDate.ofInstant(clock.instant(), zone).getYear();
		boolean withYears = (drill.from() != null && drill.from().getYear() != thisYear)
				|| (drill.to() != null && drill.to().getYear() != thisYear);
		DateTimeFormatter days = DateTimeFormatter.ofPattern(withYears ? "d MMM yyyy" : "d MMM", locale);
		return text(key, locale, drill.from() == null ? "" : days.format(drill.from()),
				drill.to() == null ? "" : days.format(drill.to()));
	}

	private String text(String key, Locale locale, Object... arguments) {
		return messages.getMessage(key, arguments, locale);
	}

}
