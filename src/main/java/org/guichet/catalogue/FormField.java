package org.guichet.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

import org.guichet.system.InputChecks;
import org.guichet.system.InvalidInputException;
import org.guichet.system.OneLine;
import org.jspecify.annotations.Nullable;

/**
 * One field of a catalogue form, as administrators define it. Every rule of its answer is here
 * ({@link #check}); the definition itself is checked when built, each refusal naming
 * {@code fields.<key>.<property>}.
 *
 * @param key the name of the answer in the API and in title templates: a lower-case letter then
 *        letters, digits or hyphens, at most 40
 * @param defaultValue the answer given when none is sent (for a multiple choice, values separated
 *        by commas); null for none. Checked like an answer
 * @param minLength text kinds: the shortest answer, in characters; null for none
 * @param maxLength text kinds: the longest answer, in characters; null for the kind's own limit
 * @param min number: the smallest value (a whole number for a whole-number field); date: the
 *        earliest day, as an ISO day ({@code 2026-12-24}), a day relative to the day of filing
 *        ({@code today}, {@code today+7}, {@code today-30}) or the answer of an earlier date field
 *        ({@code {start}}); multiple choice: the fewest options ticked (when any is required).
 *        Null for none
 * @param max as {@code min}, the largest, latest or most
 * @param pattern short text: a Java regular expression the whole answer must match; null for none
 * @param options choice kinds: at least one, values unique; other kinds: none
 * @param shownWhen null when always shown
 */
public record FormField(String key, FieldKind kind, String labelFr, String labelEn, @Nullable String helpFr,
		@Nullable String helpEn, boolean required, @Nullable String defaultValue, @Nullable Integer minLength,
		@Nullable Integer maxLength, @Nullable String min, @Nullable String max, @Nullable String pattern,
		List<FieldOption> options, @Nullable FieldCondition shownWhen) {

	/** The longest answer of a short text, in characters, when the field says no less. */
	public static final int SHORT_TEXT_MAX = 200;

	/** The longest answer of a long text, in characters, when the field says no less. */
	public static final int LONG_TEXT_MAX = 4000;

	/** The longest label, help text, default or pattern, in characters. */
	public static final int LABEL_MAX = 500;

	private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{0,39}");

	private static final Pattern RELATIVE_DAY = Pattern.compile("today(?:([+-])(\\d{1,4}))?");

	private static final Pattern OTHER_FIELD = Pattern.compile("\\{([a-z][a-z0-9-]{0,39})}");

	private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d{1,30}(?:[.,]\\d{1,30})?");

	/** @throws InvalidInputException naming every property that does not hold, at once */
	public FormField {
		options = options == null ? List.of() : List.copyOf(options);
		helpFr = blankToNull(helpFr);
		helpEn = blankToNull(helpEn);
		defaultValue = blankToNull(defaultValue);
		min = blankToNull(min);
		max = blankToNull(max);
		pattern = blankToNull(pattern);
		checkDefinition(key, kind, labelFr, labelEn, helpFr, helpEn, minLength, maxLength, min, max, pattern, options);
	}

	/** The field's label in French for a French reader, else in English. */
	public String label(Locale reader) {
		return french(reader) ? labelFr : labelEn;
	}

	/** The field's help in the reader's language, or null when it has none. */
	public @Nullable String help(Locale reader) {
		return french(reader) ? helpFr : helpEn;
	}

	/** The name under which this field's answer is refused: {@code answers.<key>}. */
	public String answerName() {
		return "answers." + key;
	}

	/** The option with this value, or null when there is none. */
	public @Nullable FieldOption option(String value) {
		return options.stream().filter(o -> o.value().equals(value)).findFirst().orElse(null);
	}

	/**
	 * Checks the answer of this field, shown to the person filing.
	 *
	 * @param values what was sent, blank values left out by the caller's form or not; null when
	 *        nothing was sent, which gives the default
	 * @param people who may be named in a user field
	 * @return the answer as kept: trimmed, numbers and yes/no in one spelling, empty when not answered
	 * @throws InvalidInputException (field {@link #answerName()}) saying what to enter instead
	 */
	public List<String> check(@Nullable List<String> values, People people) {
		return check(values, people, null, Map.of());
	}

	/**
	 * Checks the answer of this field as {@link #check(List, People)}, a date's bounds relative to
	 * the day of filing or to an earlier answer included.
	 *
	 * @param today the day of filing, in the service's time zone; null to leave relative bounds unchecked
	 * @param earlier the answers kept so far, by key: a bound naming a field not answered is no bound
	 */
	public List<String> check(@Nullable List<String> values, People people, @Nullable LocalDate today,
			Map<String, List<String>> earlier) {
		List<String> given = new ArrayList<>();
		List<String> sent = values == null ? defaultValues() : values;
		for (String value : sent) {
			if (value != null && !value.isBlank()) {
				given.add(kind == FieldKind.LONG_TEXT ? value.strip() : value.strip().replaceAll("\\s+", " "));
			}
		}
		if (given.isEmpty()) {
			if (required) {
				throw switch (kind) {
					case CHOICE, YES_NO, USER -> refused("catalogue.answer.required-choice", "An answer is required: choose one");
					case MULTIPLE_CHOICE -> refused("catalogue.answer.required-ticks", "An answer is required: tick at least one");
					case ATTACHMENT -> refused("catalogue.answer.required-file", "A file is required: choose one");
					default -> refused("catalogue.answer.required", "An answer is required");
				};
			}
			return List.of();
		}
		if (kind != FieldKind.MULTIPLE_CHOICE && given.size() > 1) {
			throw refused("catalogue.answer.one-value", "Give one answer only");
		}
		String value = given.get(0);
		return switch (kind) {
			case SHORT_TEXT, LONG_TEXT -> List.of(checkedText(value));
			case NUMBER, WHOLE_NUMBER -> List.of(checkedNumber(value));
			case DATE -> List.of(checkedDate(value, today, earlier));
			case CHOICE -> List.of(checkedOption(value));
			case MULTIPLE_CHOICE -> checkedOptions(given);
			case YES_NO -> List.of(checkedYesNo(value));
			case USER -> List.of(checkedUser(value, people));
			case ATTACHMENT -> List.of(checkedFileName(value));
		};
	}

	/** The default as a list of values: a multiple choice's default lists values separated by commas. */
	public List<String> defaultValues() {
		if (defaultValue == null) {
			return List.of();
		}
		if (kind == FieldKind.MULTIPLE_CHOICE) {
			return List.of(defaultValue.split(",")).stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
		}
		return List.of(defaultValue);
	}

	private String checkedText(String value) {
		int longest = maxLength != null ? maxLength : kind == FieldKind.LONG_TEXT ? LONG_TEXT_MAX : SHORT_TEXT_MAX;
		if (value.length() > longest) {
			throw refused("catalogue.answer.too-long", "Too long: enter at most " + longest + " characters", longest);
		}
		if (minLength != null && value.length() < minLength) {
			throw refused("catalogue.answer.too-short", "Too short: enter at least " + minLength + " characters",
					minLength);
		}
		if (pattern != null && !Pattern.compile(pattern).matcher(value).matches()) {
			throw refused("catalogue.answer.pattern", "This answer does not have the expected form");
		}
		return value;
	}

	private String checkedNumber(String value) {
		BigDecimal number = number(value);
		if (number == null && kind == FieldKind.WHOLE_NUMBER) {
			throw refused("catalogue.answer.not-whole", "Enter a whole number, e.g. 2");
		}
		if (number == null) {
			throw refused("catalogue.answer.not-a-number", "Enter a number, e.g. 2 or 1.5");
		}
		if (kind == FieldKind.WHOLE_NUMBER && number.stripTrailingZeros().scale() > 0) {
			throw refused("catalogue.answer.not-whole", "Enter a whole number, e.g. 2");
		}
		BigDecimal low = min == null ? null : number(min);
		if (low != null && number.compareTo(low) < 0) {
			throw refused("catalogue.answer.too-small", "Enter at least " + min, min);
		}
		BigDecimal high = max == null ? null : number(max);
		if (high != null && number.compareTo(high) > 0) {
			throw refused("catalogue.answer.too-large", "Enter at most " + max, max);
		}
		return number.stripTrailingZeros().toPlainString();
	}

	private String checkedDate(String value, @Nullable LocalDate today, Map<String, List<String>> earlier) {
		LocalDate day = date(value);
		if (day == null) {
			throw refused("catalogue.answer.not-a-date", "Enter a day as yyyy-mm-dd, e.g. 2026-12-24");
		}
		LocalDate earliest = min == null ? null : day(min, today, earlier);
		if (earliest != null && day.isBefore(earliest)) {
			throw refused("catalogue.answer.too-early", "Enter " + earliest + " or later", shownDay(earliest));
		}
		LocalDate latest = max == null ? null : day(max, today, earlier);
		if (latest != null && day.isAfter(latest)) {
			throw refused("catalogue.answer.too-late", "Enter " + latest + " or earlier", shownDay(latest));
		}
		return day.toString();
	}

	/**
	 * The day a date bound stands for (see {@code min}); null when it cannot be told: a relative
	 * bound without {@code today}, an earlier field not answered.
	 */
	private static @Nullable LocalDate day(String bound, @Nullable LocalDate today, Map<String, List<String>> earlier) {
		Matcher relative = RELATIVE_DAY.matcher(bound);
		if (relative.matches()) {
			if (today == null) {
				return null;
			}
			long days = relative.group(2) == null ? 0 : Long.parseLong(relative.group(2));
			return "-".equals(relative.group(1)) ? today.minusDays(days) : today.plusDays(days);
		}
		Matcher other = OTHER_FIELD.matcher(bound);
		if (other.matches()) {
			List<String> answer = earlier.getOrDefault(other.group(1), List.of());
			return answer.isEmpty() ? null : date(answer.get(0));
		}
		return date(bound);
	}

	/** The key of the earlier date field a date bound names ({@code {start}}), or null when it names none. */
	static @Nullable String boundField(@Nullable String bound) {
		if (bound == null) {
			return null;
		}
		Matcher other = OTHER_FIELD.matcher(bound);
		return other.matches() ? other.group(1) : null;
	}

	/** The bound as an ISO day for the browser's date picker, or null when it is relative or another field's answer. */
	public @Nullable String fixedDay(@Nullable String bound) {
		return bound != null && kind == FieldKind.DATE && date(bound) != null ? bound : null;
	}

	private String checkedOption(String value) {
		if (option(value) == null) {
			throw refused("catalogue.answer.not-an-option", "Choose one of the options offered");
		}
		return value;
	}

	private List<String> checkedOptions(List<String> values) {
		LinkedHashSet<String> ticked = new LinkedHashSet<>();
		for (String value : values) {
			ticked.add(checkedOption(value));
		}
		if (min != null && ticked.size() < Integer.parseInt(min)) {
			throw refused("catalogue.answer.too-few", "Tick at least " + min + " options", min);
		}
		if (max != null && ticked.size() > Integer.parseInt(max)) {
			throw refused("catalogue.answer.too-many", "Tick at most " + max + " options", max);
		}
		return List.copyOf(ticked);
	}

	private String checkedYesNo(String value) {
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "yes", "true", "oui" -> "yes";
			case "no", "false", "non" -> "no";
			default -> throw refused("catalogue.answer.yes-no", "Answer yes or no");
		};
	}

	private String checkedUser(String value, People people) {
		long id;
		try {
			id = Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw refused("catalogue.answer.unknown-user", "Choose someone of the directory");
		}
		if (!people.isActive(id)) {
			throw refused("catalogue.answer.unknown-user", "Choose someone of the directory");
		}
		return Long.toString(id);
	}

	private String checkedFileName(String value) {
		if (value.length() > 255) {
			throw refused("catalogue.answer.too-long", "Too long: enter at most 255 characters", 255);
		}
		return value;
	}

	private InvalidInputException refused(String messageKey, String englishMessage, Object... arguments) {
		return new InvalidInputException(answerName(), messageKey, englishMessage, arguments);
	}

	/** A number as people write it, {@code 12}, {@code -3}, {@code 1.5} or {@code 1,5}; null for anything else ({@code 1e2}, {@code 0x1F}). */
	private static @Nullable BigDecimal number(String value) {
		return DECIMAL.matcher(value).matches() ? new BigDecimal(value.replace(',', '.')) : null;
	}

	/**
	 * A day as a message argument, for {@code {0,date,long}} to write it in the reader's language:
	 * noon of that day in the JVM's time zone, the zone message formats write dates in.
	 */
	private static Date shownDay(LocalDate day) {
		return Date.from(day.atTime(LocalTime.NOON).atZone(ZoneId.systemDefault()).toInstant());
	}

	private static @Nullable LocalDate date(String value) {
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static boolean french(Locale reader) {
		return "fr".equals(reader.getLanguage());
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static void checkDefinition(String key, FieldKind kind, String labelFr, String labelEn,
			@Nullable String helpFr, @Nullable String helpEn, @Nullable Integer minLength, @Nullable Integer maxLength,
			@Nullable String min, @Nullable String max, @Nullable String pattern, List<FieldOption> options) {
		String at = "fields." + key + ".";
		if (key == null || !KEY.matcher(key).matches()) {
			throw new InvalidInputException("fields.key", "catalogue.field.key",
					"A field's key is a lower-case letter then letters, digits or hyphens (at most 40)",
					String.valueOf(key));
		}
		InputChecks checks = new InputChecks();
		if (kind == null) {
			checks.check(() -> {
				throw new InvalidInputException(at + "kind", "field.required", "Choose the field's kind");
			});
			checks.refuseIfAny();
			return;
		}
		checks.check(() -> {
			label(at + "labelFr", labelFr, true);
			OneLine.Check.check(at + "labelFr", labelFr);
		});
		checks.check(() -> {
			label(at + "labelEn", labelEn, true);
			OneLine.Check.check(at + "labelEn", labelEn);
		});
		checks.check(() -> label(at + "helpFr", helpFr, false));
		checks.check(() -> label(at + "helpEn", helpEn, false));
		boolean text = kind == FieldKind.SHORT_TEXT || kind == FieldKind.LONG_TEXT;
		int longest = kind == FieldKind.LONG_TEXT ? LONG_TEXT_MAX : SHORT_TEXT_MAX;
		checks.check(() -> {
			if (!text && (minLength != null || maxLength != null)) {
				throw new InvalidInputException(at + "maxLength", "catalogue.field.no-length",
						"Only a text field has a length");
			}
			if ((minLength != null && (minLength < 0 || minLength > longest))
					|| (maxLength != null && (maxLength < 1 || maxLength > longest))
					|| (minLength != null && maxLength != null && minLength > maxLength)) {
				throw new InvalidInputException(at + "maxLength", "catalogue.field.length",
						"Lengths go from 0 to " + longest + ", the shortest first", longest);
			}
		});
		checks.check(() -> checkRange(at, kind, min, max));
		checks.check(() -> {
			if (pattern == null) {
				return;
			}
			if (kind != FieldKind.SHORT_TEXT) {
				throw new InvalidInputException(at + "pattern", "catalogue.field.no-pattern",
						"Only a short text has a pattern");
			}
			label(at + "pattern", pattern, false);
			try {
				Pattern.compile(pattern);
			}
			catch (PatternSyntaxException ex) {
				throw new InvalidInputException(at + "pattern", "catalogue.field.bad-pattern",
						"This pattern is not a regular expression: " + ex.getDescription(), ex.getDescription());
			}
		});
		checks.check(() -> checkOptions(at, kind, options));
		checks.refuseIfAny();
	}

	private static void label(String field, @Nullable String value, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				throw new InvalidInputException(field, "field.required", "This field is required: fill it in.");
			}
			return;
		}
		if (value.length() > LABEL_MAX) {
			throw new InvalidInputException(field, "field.too-long", "Too long", LABEL_MAX);
		}
	}

	private static void checkRange(String at, FieldKind kind, @Nullable String min, @Nullable String max) {
		if (min == null && max == null) {
			return;
		}
		switch (kind) {
			case NUMBER, WHOLE_NUMBER -> {
				BigDecimal low = min == null ? null : number(min);
				BigDecimal high = max == null ? null : number(max);
				if ((min != null && low == null) || (max != null && high == null)
						|| (low != null && high != null && low.compareTo(high) > 0)) {
					throw new InvalidInputException(at + "min", "catalogue.field.number-range",
							"The range is two numbers, the smallest first");
				}
				if (kind == FieldKind.WHOLE_NUMBER && Stream.of(low, high)
					.anyMatch(bound -> bound != null && bound.stripTrailingZeros().scale() > 0)) {
					throw new InvalidInputException(at + "min", "catalogue.field.whole-range",
							"The range of a whole number is two whole numbers, e.g. 1 and 12");
				}
			}
			case DATE -> {
				boolean readable = Stream.of(min, max).allMatch(bound -> bound == null || date(bound) != null
						|| RELATIVE_DAY.matcher(bound).matches() || OTHER_FIELD.matcher(bound).matches());
				LocalDate low = min == null ? null : date(min);
				LocalDate high = max == null ? null : date(max);
				if (!readable || (low != null && high != null && low.isAfter(high))) {
					throw new InvalidInputException(at + "min", "catalogue.field.date-range",
							"Each bound is a day as yyyy-mm-dd, today, today+7, today-30 or {key} of an earlier date field, the earliest first");
				}
			}
			case MULTIPLE_CHOICE -> {
				Integer low = count(min);
				Integer high = count(max);
				if ((min != null && low == null) || (max != null && high == null)
						|| (low != null && high != null && low > high)) {
					throw new InvalidInputException(at + "min", "catalogue.field.count-range",
							"The range is two whole numbers of options, the smallest first");
				}
			}
			default -> throw new InvalidInputException(at + "min", "catalogue.field.no-range",
					"Only a number, a date or a multiple choice has a range");
		}
	}

	private static @Nullable Integer count(@Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			int count = Integer.parseInt(value);
			return count < 0 ? null : count;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static void checkOptions(String at, FieldKind kind, List<FieldOption> options) {
		if (!kind.hasOptions()) {
			if (!options.isEmpty()) {
				throw new InvalidInputException(at + "options", "catalogue.field.no-options",
						"Only a choice field has options");
			}
			return;
		}
		if (options.isEmpty()) {
			throw new InvalidInputException(at + "options", "catalogue.field.options-required",
					"A choice field needs at least one option");
		}
		LinkedHashSet<String> values = new LinkedHashSet<>();
		for (FieldOption option : options) {
			if (option.value() == null || option.value().isBlank() || option.value().length() > 200
					|| !OneLine.Check.holds(option.value()) || option.value().contains(",")
					|| option.labelFr() == null || option.labelFr().isBlank() || option.labelEn() == null
					|| option.labelEn().isBlank() || option.labelFr().length() > 200 || option.labelEn().length() > 200
					|| !OneLine.Check.holds(option.labelFr()) || !OneLine.Check.holds(option.labelEn())) {
				throw new InvalidInputException(at + "options", "catalogue.field.option",
						"Each option has a value (no comma) and a French and an English label, each one line of at most 200 characters");
			}
			if (!values.add(option.value())) {
				throw new InvalidInputException(at + "options", "catalogue.field.option-twice",
						"The option " + option.value() + " is given twice", option.value());
			}
		}
	}

}
