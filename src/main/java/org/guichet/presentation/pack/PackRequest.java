package org.guichet.presentation.pack;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.guichet.presentation.flowchart.FlowchartRequest;
import org.guichet.presentation.flowchart.Flowcharts.Period;
import org.guichet.system.InputChecks;
import org.guichet.system.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * What a presentation pack asks, read from its parameters: {@code format=zip|pdf} (zip by
 * default), the period {@code from}/{@code to} ({@code YYYY-MM-DD}, both or neither: the last 30
 * days to {@code today} by default, at most {@value #MAX_DAYS} days), {@code anonymize=true|false}
 * (false by default), {@code examples} the example tickets' ids to put in, comma-separated (none
 * given: every example the reader may see, newest first, at most {@value #MAX_EXAMPLES}), and
 * {@code lang=fr|en} (the reader's language by default). Every parameter that does not fit is
 * refused at once, naming it.
 *
 * @param examples the chosen tickets' ids in the order given, each once; empty for "every example"
 */
record PackRequest(boolean pdf, Period period, boolean anonymize, List<Long> examples, Locale locale) {

	/** The most examples a pack holds. */
	static final int MAX_EXAMPLES = 30;

	/** The longest period, in days. */
	static final int MAX_DAYS = 732;

	static PackRequest of(@Nullable String format, @Nullable String from, @Nullable String to,
			@Nullable String anonymize, @Nullable String examples, @Nullable String lang, Locale reader,
			LocalDate today) {
		InputChecks checks = new InputChecks();
		Boolean pdf = checks.check(() -> pdf(format));
		Period period = checks.check(() -> period(from, to, today));
		Boolean anonymised = checks.check(() -> flag("anonymize", anonymize));
		List<Long> ids = checks.check(() -> ids(examples));
		FlowchartRequest language = checks.check(() -> FlowchartRequest.of(lang, null, reader));
		checks.refuseIfAny();
		return new PackRequest(Boolean.TRUE.equals(pdf), Objects.requireNonNull(period),
				Boolean.TRUE.equals(anonymised), Objects.requireNonNull(ids),
				Objects.requireNonNull(language).locale());
	}

	private static boolean pdf(@Nullable String format) {
		if (FlowchartRequest.blank(format)) {
			return false;
		}
		String chosen = format.strip().toLowerCase(Locale.ROOT);
		if (!chosen.equals("zip") && !chosen.equals("pdf")) {
			throw FlowchartRequest.unknown("format", format, List.of("zip", "pdf"));
		}
		return chosen.equals("pdf");
	}

	private static Period period(@Nullable String from, @Nullable String to, LocalDate today) {
		Period asked = FlowchartRequest.period(from, to);
		Period period = asked != null ? asked : new Period(today.minusDays(29), today);
		if (ChronoUnit.DAYS.between(period.from(), period.to()) + 1 > MAX_DAYS) {
			throw new InvalidInputException("to", "pack.period.too-long",
					"to: a pack covers at most " + MAX_DAYS + " days; choose a shorter period", MAX_DAYS);
		}
		return period;
	}

	private static boolean flag(String name, @Nullable String value) {
		if (FlowchartRequest.blank(value)) {
			return false;
		}
		String chosen = value.strip().toLowerCase(Locale.ROOT);
		if (!chosen.equals("true") && !chosen.equals("false")) {
			throw FlowchartRequest.unknown(name, value, List.of("true", "false"));
		}
		return chosen.equals("true");
	}

	private static List<Long> ids(@Nullable String examples) {
		if (FlowchartRequest.blank(examples)) {
			return List.of();
		}
		Set<Long> ids = new LinkedHashSet<>();
		for (String part : examples.split("[,\\s]+")) {
			String id = part.strip().replaceFirst("^#", "");
			if (id.isEmpty()) {
				continue;
			}
			try {
				ids.add(Long.parseLong(id));
			}
			catch (NumberFormatException ex) {
				throw new InvalidInputException("examples", "pack.examples.invalid",
						"examples: \"" + part + "\" is not a ticket number; give numbers separated by commas", part);
			}
		}
		if (ids.size() > MAX_EXAMPLES) {
			throw new InvalidInputException("examples", "pack.examples.too-many",
					"examples: at most " + MAX_EXAMPLES + " tickets in one pack", MAX_EXAMPLES);
		}
		return List.copyOf(new ArrayList<>(ids));
	}

}
