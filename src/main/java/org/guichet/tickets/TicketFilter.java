package org.guichet.tickets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * The one filter of every ticket list: the agent's queues and saved views, the API's list, the
 * CSV export (and the reports' drill-downs and search facets to come) read the same query
 * parameters with the same rules, through {@link #read} or {@link #parse}.
 *
 * <p>
 * Parameters ({@link #PARAMETERS}): {@code queue}, {@code status}, {@code type}, {@code priority},
 * {@code sort} take the name of a value of their enum (any case); {@code groupId},
 * {@code assigneeId}, {@code requesterId}, {@code categoryId} a positive id; {@code text} words of
 * the title or {@code #1042}, at most {@value #MAX_TEXT} characters; {@code page} a zero-based page
 * number; {@code size} from 1 to {@value TicketQuery#MAX_SIZE}. Each is optional, given at most once;
 * an empty value is the same as none. Other parameters are not the filter's and are left alone.
 * A value that does not fit is refused with an {@link Error} naming the parameter, never ignored.
 *
 * @param page zero-based, 0 when not given
 * @param size the page size, null for the list's default
 */
public record TicketFilter(@Nullable Queue queue, @Nullable Status status, @Nullable TicketType type,
		@Nullable Priority priority, @Nullable Long groupId, @Nullable Long assigneeId, @Nullable Long requesterId,
		@Nullable Long categoryId, @Nullable String text, @Nullable TicketSort sort, int page, @Nullable Integer size) {

	/** The longest search text accepted, in characters. */
	public static final int MAX_TEXT = 200;

	/** The page size of a list that does not say one. */
	public static final int DEFAULT_SIZE = 25;

	/** The names of the filter's query parameters, in the order links write them. */
	public static final List<String> PARAMETERS = List.of("queue", "status", "type", "priority", "groupId",
			"assigneeId", "requesterId", "categoryId", "text", "sort", "page", "size");

	/** No criterion: every ticket the reader may see, in the list's default order. */
	public static final TicketFilter NONE = new TicketFilter(null, null, null, null, null, null, null, null, null,
			null, 0, null);

	/**
	 * Why a parameter's value was refused.
	 *
	 * @param field the parameter's name
	 * @param code the message key in the {@code errors} bundles; its arguments are {@code field},
	 * {@code value} and {@code allowed}
	 * @param value the value received, as sent
	 * @param allowed what the parameter accepts, in words or as the list of its values
	 */
	public record Error(String field, String code, String value, String allowed) {

		/** The arguments of {@link #code}'s message. */
		public Object[] arguments() {
			return new Object[] { field, value, allowed };
		}

		/** The refusal in English, for logs and as the fallback of the bundles. */
		public String englishMessage() {
			return "The parameter " + field + " does not accept \"" + value + "\": " + allowed;
		}

	}

	/**
	 * What a request's parameters say: the filter made of the values that fit, the refusals of
	 * those that do not, and each parameter's value as sent (to show it again in a form).
	 */
	public record Reading(TicketFilter filter, List<Error> errors, Map<String, String> sent) {

		public boolean isValid() {
			return errors.isEmpty();
		}

		/** The filter, or the refusal of every value that did not fit. */
		public TicketFilter orThrow() {
			if (!errors.isEmpty()) {
				throw new InvalidTicketFilterException(errors);
			}
			return filter;
		}

	}

	public TicketFilter {
		if (text != null && text.isBlank()) {
			text = null;
		}
	}

	/**
	 * Reads the filter's parameters, as a servlet request holds them (name to the values sent);
	 * never refuses: a value that does not fit is left out of the filter and reported in
	 * {@link Reading#errors()}.
	 */
	public static Reading read(Map<String, String[]> parameters) {
		Parser parser = new Parser(parameters);
		TicketFilter filter = new TicketFilter(parser.choice("queue", Queue.class),
				parser.choice("status", Status.class), parser.choice("type", TicketType.class),
				parser.choice("priority", Priority.class), parser.id("groupId"), parser.id("assigneeId"),
				parser.id("requesterId"), parser.id("categoryId"), parser.text(), parser.choice("sort", TicketSort.class),
				parser.page(), parser.size());
		return new Reading(filter, List.copyOf(parser.errors), Map.copyOf(parser.sent));
	}

	/**
	 * Reads the filter's parameters.
	 *
	 * @throws InvalidTicketFilterException naming every parameter whose value does not fit
	 */
	public static TicketFilter parse(Map<String, String[]> parameters) {
		return read(parameters).orThrow();
	}

	/**
	 * The query of this filter.
	 *
	 * @param defaultQueue the list's queue when the filter names none; null for every ticket the
	 * reader may see
	 * @param defaultSort the list's order when the filter names none
	 */
	public TicketQuery toQuery(@Nullable Queue defaultQueue, TicketSort defaultSort) {
		return new TicketQuery(queue == null ? defaultQueue : queue, status, type, priority, groupId, assigneeId,
				requesterId, categoryId, text, sort == null ? defaultSort : sort, page,
				size == null ? DEFAULT_SIZE : size);
	}

	/**
	 * The parameters that give this filter back, in the order of {@link #PARAMETERS}, without
	 * those not set (nor page 0), for links to the same list.
	 */
	public Map<String, String> toParameters() {
		Object[] values = { queue, status, type, priority, groupId, assigneeId, requesterId, categoryId, text, sort,
				page == 0 ? null : page, size };
		Map<String, String> parameters = new LinkedHashMap<>();
		for (int i = 0; i < values.length; i++) {
			if (values[i] != null) {
				parameters.put(PARAMETERS.get(i), values[i].toString());
			}
		}
		return parameters;
	}

	/** The same filter on another page (zero-based). */
	public TicketFilter onPage(int otherPage) {
		return new TicketFilter(queue, status, type, priority, groupId, assigneeId, requesterId, categoryId, text,
				sort, otherPage, size);
	}

	/** The same criteria on another queue, from its first page. */
	public TicketFilter inQueue(@Nullable Queue otherQueue, @Nullable TicketSort otherSort) {
		return new TicketFilter(otherQueue, status, type, priority, groupId, assigneeId, requesterId, categoryId, text,
				otherSort, 0, size);
	}

	private static final class Parser {

		private final Map<String, String[]> parameters;

		private final List<Error> errors = new ArrayList<>();

		private final Map<String, String> sent = new LinkedHashMap<>();

		Parser(Map<String, String[]> parameters) {
			this.parameters = parameters;
		}

		/** The one non-empty value of the parameter, or null; two values are refused. */
		private @Nullable String single(String field) {
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
				errors.add(new Error(field, "filter.repeated", String.join(", ", given), "one value"));
				return null;
			}
			return given.get(0);
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
			errors.add(new Error(field, "filter.choice-unknown", value,
					String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
			return null;
		}

		@Nullable Long id(String field) {
			return number(field, Long::parseLong, n -> n > 0, "filter.id-invalid", "a positive number");
		}

		int page() {
			Integer page = number("page", Integer::parseInt, n -> n >= 0, "filter.page-invalid", "0 or more");
			return page == null ? 0 : page;
		}

		@Nullable Integer size() {
			return number("size", Integer::parseInt, n -> n >= 1 && n <= TicketQuery.MAX_SIZE, "filter.size-invalid",
					"1 to " + TicketQuery.MAX_SIZE);
		}

		@Nullable String text() {
			String value = single("text");
			if (value != null && value.length() > MAX_TEXT) {
				errors.add(new Error("text", "filter.text-too-long", value, String.valueOf(MAX_TEXT)));
				return null;
			}
			return value;
		}

		private <N extends Number> @Nullable N number(String field, Function<String, N> parse,
				Predicate<N> fits, String code, String allowed) {
			String value = single(field);
			if (value == null) {
				return null;
			}
			N number;
			try {
				number = parse.apply(value.strip());
			}
			catch (NumberFormatException ex) {
				errors.add(new Error(field, code, value, allowed));
				return null;
			}
			if (!fits.test(number)) {
				errors.add(new Error(field, code, value, allowed));
				return null;
			}
			return number;
		}

	}

}
