package org.guichet.presentation.flowchart;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.guichet.system.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * The choices of a flowchart request (and of the module's other drawings: the tool page), from
 * the page's or the API's query parameters: the language ({@code lang=fr|en}, else the reader's) and whether to colour by actor
 * ({@code lanes=true|false}, false when absent).
 *
 * @param locale French or English
 * @param lanes whether each node is coloured by its actor
 */
public record FlowchartRequest(Locale locale, boolean lanes) {

	/**
	 * The formats a chart is exported in ({@code format=}), the first the default: the API
	 * accepts these and the pages offer a download for each.
	 */
	static final List<String> FORMATS = List.of("svg", "png", "pdf");

	/**
	 * @param reader the reader's language, used when {@code lang} is absent (not French: English)
	 * @throws InvalidInputException on {@code lang} or {@code lanes} for a value other than those above
	 */
	public static FlowchartRequest of(@Nullable String lang, @Nullable String lanes, Locale reader) {
		Locale locale = blank(lang) ? language(reader.getLanguage()) : switch (lang.strip().toLowerCase(Locale.ROOT)) {
			case "fr" -> Locale.FRENCH;
			case "en" -> Locale.ENGLISH;
			default -> throw unknown("lang", lang, List.of("fr", "en"));
		};
		boolean byActor = !blank(lanes) && switch (lanes.strip().toLowerCase(Locale.ROOT)) {
			case "true" -> true;
			case "false" -> false;
			default -> throw unknown("lanes", lanes, List.of("true", "false"));
		};
		return new FlowchartRequest(locale, byActor);
	}

	/**
	 * The period of the measured lifecycle from the {@code from} and {@code to} parameters
	 * ({@code YYYY-MM-DD}, local days, both included), null when both are absent.
	 *
	 * @throws InvalidInputException naming the field when one is given without the other, is no
	 * date, or when {@code to} is before {@code from}
	 */
	public static Flowcharts.@Nullable Period period(@Nullable String from, @Nullable String to) {
		if (blank(from) && blank(to)) {
			return null;
		}
		if (blank(from) || blank(to)) {
			String missing = blank(from) ? "from" : "to";
			throw new InvalidInputException(missing, "flowchart.period.both",
					missing + ": give both from and to (YYYY-MM-DD) for the measured lifecycle, or neither", missing);
		}
		LocalDate start = date("from", from);
		LocalDate end = date("to", to);
		if (end.isBefore(start)) {
			throw new InvalidInputException("to", "flowchart.period.order",
					"to: " + end + " is before from " + start + "; give a last day on or after the first", end, start,
					"to");
		}
		return new Flowcharts.Period(start, end);
	}

	private static LocalDate date(String field, String value) {
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, "flowchart.period.date",
					field + ": \"" + value + "\" is not a date; write it YYYY-MM-DD", field, value);
		}
	}

	private static Locale language(String language) {
		return language.equals("fr") ? Locale.FRENCH : Locale.ENGLISH;
	}

	public static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	/** A 400 refusal of {@code value} for {@code field}, naming the values allowed. */
	public static InvalidInputException unknown(String field, String value, List<String> allowed) {
		return new InvalidInputException(field, "filter.choice-unknown",
				field + ": \"" + value + "\" is not a known value; choose one of " + String.join(", ", allowed), field,
				value, String.join(", ", allowed));
	}

}
