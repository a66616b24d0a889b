package org.guichet.tickets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.guichet.system.Pager;
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
 * the title or {@code #1042}, at most {@value #MAX_TEXT} characters, at least one word
 * ({@link org.guichet.search.SearchWords#hasWord}); {@code page} a zero-based page
 * number; {@code size} from 1 to {@value TicketQuery#MAX_SIZE}; and the drill-down criteria of
 * {@link DrillDown#PARAMETERS} ({@code from}, {@code to} dates {@code yyyy-MM-dd}, {@code from} not
 * after {@code to}; {@code weekday} 1 to 7; {@code hour} 0 to 23; {@code reopened},
 * {@code firstLevel}, {@code firstContact}, {@code owned}, {@code responded}, {@code subcategories}
 * {@code true} or {@code false}; {@code department} at most
 * {@value DrillDown#MAX_DEPARTMENT} characters; the others an enum's name). Each is optional, given at most once;
 * an empty value is the same as none. Other parameters are not the filter's and are left alone.
 * A value that does not fit is refused with an {@link Error} naming the parameter, never ignored.
 *
 * @param page zero-based, 0 when not given
 * @param size the page size, null for the list's default
 * @param drillDown the drill-down criteria, {@link DrillDown#NONE} for none (null is taken as none)
 */
public record TicketFilter(@Nullable Queue queue, @Nullable Status status, @Nullable TicketType type,
		@Nullable Priority priority, @Nullable Long groupId, @Nullable Long assigneeId, @Nullable Long requesterId,
		@Nullable Long categoryId, @Nullable String text, @Nullable TicketSort sort, int page, @Nullable Integer size,
		DrillDown drillDown) {

	/** The longest search text accepted, in characters. */
	public static final int MAX_TEXT = 200;

	/** The page size of a list that does not say one. */
	public static final int DEFAULT_SIZE = 25;

	/** The names of the filter's query parameters, in the order links write them. */
	public static final List<String> PARAMETERS = Stream
		.of(List.of("queue", "status", "type", "priority", "groupId", "assigneeId", "requesterId", "categoryId",
				"text"), DrillDown.PARAMETERS, List.of("sort", "page", "size"))
		.flatMap(List::stream)
		.toList();

	/** No criterion: every ticket the reader may see, in the list's default order. */
	public static final TicketFilter NONE = new TicketFilter(null, null, null, null, null, null, null, null, null,
			null, 0, null, DrillDown.NONE);

	/**
	 * Why a parameter's value was refused.
	 *
	 * @param field the parameter's name
	 * @param code the message key in the {@code errors} bundles; its arguments are {@code field},
	 * {@code value} and {@code allowed}
	 * @param value the value received, as sent
	 * @param allowed what the parameter accepts; where the message of {@code code} shows it
	 * ({@code {2}}), a value — a number (a {@link Number}, which the message prints in the reader's
	 * way), a date, the list of the enum's names — never words: the words are the message's, in the
	 * reader's language (one message key per kind of value)
	 */
	public record Error(String field, String code, String value, Object allowed) {

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
		if (drillDown == null) {
			drillDown = DrillDown.NONE;
		}
	}

	/**
	 * Reads the filter's parameters, as a servlet request holds them (name to the values sent);
	 * never refuses: a value that does not fit is left out of the filter and reported in
	 * {@link Reading#errors()}.
	 */
	public static Reading read(Map<String, String[]> parameters) {
		TicketFilterParser parser = new TicketFilterParser(parameters);
		TicketFilter filter = new TicketFilter(parser.choice("queue", Queue.class),
				parser.choice("status", Status.class), parser.choice("type", TicketType.class),
				parser.choice("priority", Priority.class), parser.id("groupId"), parser.id("assigneeId"),
				parser.id("requesterId"), parser.id("categoryId"), parser.words("text", MAX_TEXT),
				parser.choice("sort", TicketSort.class), page(parser), size(parser), DrillDown.read(parser));
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
				size == null ? DEFAULT_SIZE : size, null, drillDown);
	}

	/**
	 * The parameters that give this filter back, in the order of {@link #PARAMETERS}, without
	 * those not set (nor page 0), for links to the same list.
	 */
	public Map<String, String> toParameters() {
		Map<String, String> parameters = new LinkedHashMap<>();
		Object[] values = { queue, status, type, priority, groupId, assigneeId, requesterId, categoryId, text };
		for (int i = 0; i < values.length; i++) {
			if (values[i] != null) {
				parameters.put(PARAMETERS.get(i), values[i].toString());
			}
		}
		parameters.putAll(drillDown.toParameters());
		if (sort != null) {
			parameters.put("sort", sort.name());
		}
		if (page != 0) {
			parameters.put("page", String.valueOf(page));
		}
		if (size != null) {
			parameters.put("size", String.valueOf(size));
		}
		return parameters;
	}

	/** The same filter on another page (zero-based). */
	public TicketFilter onPage(int otherPage) {
		return new TicketFilter(queue, status, type, priority, groupId, assigneeId, requesterId, categoryId, text,
				sort, otherPage, size, drillDown);
	}

	/** The same criteria on another queue, from its first page. */
	public TicketFilter inQueue(@Nullable Queue otherQueue, @Nullable TicketSort otherSort) {
		return new TicketFilter(otherQueue, status, type, priority, groupId, assigneeId, requesterId, categoryId, text,
				otherSort, 0, size, drillDown);
	}

	private static int page(TicketFilterParser parser) {
		Integer page = parser.number("page", Integer::parseInt, n -> n >= 0 && n <= Pager.MAX_PAGE, "filter.page-invalid",
				"0 to " + Pager.MAX_PAGE);
		return page == null ? 0 : page;
	}

	private static @Nullable Integer size(TicketFilterParser parser) {
		return parser.number("size", Integer::parseInt, n -> n >= 1 && n <= TicketQuery.MAX_SIZE,
				"filter.size-invalid", "1 to " + TicketQuery.MAX_SIZE);
	}

}
