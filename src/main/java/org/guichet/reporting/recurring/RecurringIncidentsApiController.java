package org.guichet.reporting.recurring;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.system.ForbiddenException;
import org.guichet.tickets.Channel;
import org.guichet.tickets.InvalidTicketFilterException;
import org.guichet.tickets.Priority;
import org.guichet.tickets.TicketFilter;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code GET /api/v1/kpis/recurring-incidents}: the incidents that came back in a period, as
 * clusters (see {@link RecurringIncidents}). Parameters, all optional: {@code from}, {@code to}
 * (local dates {@code yyyy-MM-dd}, inclusive, in {@code guichet.time-zone}; by default the last
 * 30 days up to today), {@code minOccurrences} (2 to 1000, by default
 * {@code guichet.kpis.recurring.min-occurrences}), {@code group}, {@code technician},
 * {@code category} (ids; the category with its sub-categories), {@code channel},
 * {@code priority} (names, any case), {@code department} (exact text). A value that does not fit
 * is refused (400, problem+json listing each parameter under {@code errors}).
 * <p>
 * Supervisors and administrators see every incident; a technician sees those of their groups and
 * those assigned to them, and a {@code group} outside their groups is refused (403); a requester
 * is refused (403).
 */
@RestController
class RecurringIncidentsApiController {

	/** The days of the default period, today included. */
	static final int DEFAULT_DAYS = 30;

	private static final int MAX_DEPARTMENT = 120;

	private final RecurringIncidents recurring;

	private final SupportGroupRepository groups;

	private final Clock clock;

	private final ZoneId zone;

	RecurringIncidentsApiController(RecurringIncidents recurring, SupportGroupRepository groups, Clock clock,
			@Value("${guichet.time-zone:Europe/Paris}") ZoneId zone) {
		this.recurring = recurring;
		this.groups = groups;
		this.clock = clock;
		this.zone = zone;
	}

	@GetMapping(path = "/api/v1/kpis/recurring-incidents", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAnyRole('TECHNICIAN','SUPERVISOR','ADMINISTRATOR')")
	RecurringIncidentsReport recurringIncidents(@AuthenticationPrincipal CurrentUser caller,
			HttpServletRequest request) {
		Parameters parameters = new Parameters(request.getParameterMap());
		LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
		LocalDate to = parameters.date("to");
		LocalDate from = parameters.date("from");
		Integer minOccurrences = parameters.number("minOccurrences", Integer::parseInt, "2 to 1000");
		Long group = parameters.number("group", Long::parseLong, null);
		Long technician = parameters.number("technician", Long::parseLong, null);
		Long category = parameters.number("category", Long::parseLong, null);
		Channel channel = parameters.choice("channel", Channel.class);
		Priority priority = parameters.choice("priority", Priority.class);
		String department = parameters.department();
		parameters.refuseIfAny();
		LocalDate end = to == null ? (from == null ? today : from.plusDays(DEFAULT_DAYS - 1)) : to;
		LocalDate start = from == null ? end.minusDays(DEFAULT_DAYS - 1) : from;
		RecurringFilter filter = new RecurringFilter(group, technician, category, channel, priority, department,
				scopeOf(caller, group));
		return recurring.find(start, end, filter,
				minOccurrences == null ? recurring.defaultMinOccurrences() : minOccurrences);
	}

	/** Null for supervisors and administrators; a technician's groups and own incidents otherwise. */
	private RecurringFilter.@Nullable Scope scopeOf(CurrentUser caller, @Nullable Long group) {
		if (caller.has(Role.SUPERVISOR)) {
			return null;
		}
		Set<Long> own = new HashSet<>(groups.findGroupIdsOfMember(caller.id()));
		if (group != null && !own.contains(group)) {
			throw new ForbiddenException("kpis.scope.group-forbidden",
					"A technician sees the figures of their own groups only: choose one of them or leave the group out");
		}
		return new RecurringFilter.Scope(own, caller.id());
	}

	/** The query parameters, read with the refusals of the ticket lists' filter. */
	private static final class Parameters {

		private final Map<String, String[]> values;

		private final List<TicketFilter.Error> errors = new ArrayList<>();

		Parameters(Map<String, String[]> values) {
			this.values = values;
		}

		private @Nullable String single(String field) {
			String[] sent = values.get(field);
			if (sent == null) {
				return null;
			}
			List<String> given = Arrays.stream(sent).filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
			if (given.size() > 1) {
				errors.add(new TicketFilter.Error(field, "filter.repeated", String.join(", ", given), "one value"));
				return null;
			}
			return given.isEmpty() ? null : given.get(0);
		}

		@Nullable LocalDate date(String field) {
			String value = single(field);
			if (value == null) {
				return null;
			}
			try {
				return LocalDate.parse(value);
			}
			catch (DateTimeParseException ex) {
				errors.add(new TicketFilter.Error(field, "kpis.recurring.date-invalid", value, "yyyy-MM-dd"));
				return null;
			}
		}

		/** A positive number; {@code range} names a bounded one, checked by the service, null an id. */
		<N extends Number> @Nullable N number(String field, Function<String, N> parse, @Nullable String range) {
			String value = single(field);
			if (value == null) {
				return null;
			}
			try {
				N number = parse.apply(value);
				if (number.longValue() > 0) {
					return number;
				}
			}
			catch (NumberFormatException ex) {
				// refused below
			}
			errors.add(range == null ? new TicketFilter.Error(field, "filter.id-invalid", value, "a positive number")
					: new TicketFilter.Error(field, "kpis.recurring.min-occurrences-invalid", value, range));
			return null;
		}

		<E extends Enum<E>> @Nullable E choice(String field, Class<E> type) {
			String value = single(field);
			if (value == null) {
				return null;
			}
			for (E constant : type.getEnumConstants()) {
				if (constant.name().equalsIgnoreCase(value)) {
					return constant;
				}
			}
			errors.add(new TicketFilter.Error(field, "filter.choice-unknown", value,
					String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
			return null;
		}

		@Nullable String department() {
			String value = single("department");
			if (value != null && value.length() > MAX_DEPARTMENT) {
				errors.add(new TicketFilter.Error("department", "filter.text-too-long", value,
						String.valueOf(MAX_DEPARTMENT)));
				return null;
			}
			return value;
		}

		void refuseIfAny() {
			if (!errors.isEmpty()) {
				throw new InvalidTicketFilterException(errors);
			}
		}

	}

}
