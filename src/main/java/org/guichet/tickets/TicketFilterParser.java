package org.guichet.tickets;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import org.guichet.search.SearchWords;
import org.jspecify.annotations.Nullable;

/**
 * Reads the values of {@link TicketFilter}'s parameters one by one, keeping each value as sent
 * and a {@link TicketFilter.Error} for each that does not fit (the value is then null).
 */
final class TicketFilterParser {

	private final Map<String, String[]> parameters;

	final List<TicketFilter.Error> errors = new ArrayList<>();

	final Map<String, String> sent = new LinkedHashMap<>();

	TicketFilterParser(Map<String, String[]> parameters) {
		this.parameters = parameters;
	}

	/** The one non-empty value of the parameter, or null; two values are refused. */
	@Nullable String single(String field) {
		String[] values = parameters.get(field);
		if (values == null) {
			return null;
		}
		List<String> given = Arrays.stream(values).filter(v -> v != null && !v.isBlank()).toList();
		if (given.isEmpty()) {
			return null;
		}
		sent.put(field, given.get(0));
		if (given.size() > 1) {
			errors.add(new TicketFilter.Error(field, "filter.repeated", String.join(", ", given), "one value"));
			return null;
		}
		return given.get(0);
	}

	void refuse(String field, String code, String value, Object allowed) {
		errors.add(new TicketFilter.Error(field, code, value, allowed));
	}

	<E extends Enum<E>> @Nullable E choice(String field, Class<E> type) {
		String value = single(field);
		if (value == null) {
			return null;
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equalsIgnoreCase(value.strip())) {
				return constant;
			}
		}
		refuse(field, "filter.choice-unknown", value,
				String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
		return null;
	}

	@Nullable Long id(String field) {
		return number(field, Long::parseLong, n -> n > 0, "filter.id-invalid", "a positive number");
	}

	/** {@code true} or {@code false}, in any case. */
	@Nullable Boolean yesNo(String field) {
		String value = single(field);
		if (value == null) {
			return null;
		}
		if (value.strip().equalsIgnoreCase("true") || value.strip().equalsIgnoreCase("false")) {
			return Boolean.valueOf(value.strip().equalsIgnoreCase("true"));
		}
		refuse(field, "filter.yes-no-invalid", value, "true, false");
		return null;
	}

	/** A local date {@code yyyy-MM-dd}. */
	@Nullable LocalDate date(String field) {
		String value = single(field);
		if (value == null) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			refuse(field, "filter.date-invalid", value, "a date yyyy-MM-dd");
			return null;
		}
	}

	/** A whole number from {@code min} to {@code max}. */
	@Nullable Integer between(String field, int min, int max) {
		return number(field, Integer::parseInt, n -> n >= min && n <= max, "filter.number-invalid",
				min + "–" + max);
	}

	/** Text of at most {@code maxLength} characters, as sent. */
	@Nullable String text(String field, int maxLength) {
		String value = single(field);
		if (value != null && value.length() > maxLength) {
			refuse(field, "filter.text-too-long", value, maxLength);
			return null;
		}
		return value;
	}

	/**
	 * Words to search for ({@link #text}) that hold at least one word or are a ticket number
	 * ({@link SearchWords#hasWord}): only wildcards, punctuation, common words or single letters
	 * are refused.
	 */
	@Nullable String words(String field, int maxLength) {
		String value = text(field, maxLength);
		if (value != null && !SearchWords.hasWord(value)) {
			refuse(field, "filter.text-no-word", value, "");
			return null;
		}
		return value;
	}

	<N extends Number> @Nullable N number(String field, Function<String, N> parse, Predicate<N> fits, String code,
			String allowed) {
		String value = single(field);
		if (value == null) {
			return null;
		}
		N number;
		try {
			number = parse.apply(value.strip());
		}
		catch (NumberFormatException ex) {
			refuse(field, code, value, allowed);
			return null;
		}
		if (!fits.test(number)) {
			refuse(field, code, value, allowed);
			return null;
		}
		return number;
	}

}
