package org.guichet.reporting.recurring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.guichet.directory.CurrentUser;
import org.guichet.reporting.InvalidKpiFilterException;
import org.guichet.reporting.KpiFilter;
import org.guichet.reporting.Kpis;
import org.guichet.tickets.TicketFilter;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import org.guichet.reporting.api.KpiFilterParameters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code GET /api/v1/kpis/recurring-incidents}: the incidents that came back in a period, as
 * clusters (see {@link RecurringIncidents}). Reads the same {@link KpiFilter} as
 * {@code GET /api/v1/kpis} ({@code period} or {@code from}/{@code to}, {@code type}, {@code group},
 * {@code technician}, {@code category}, {@code channel}, {@code priority}, {@code department}), with
 * the same scope ({@link Kpis#scoped}: 403 {@code kpis.agents-only}, {@code kpis.other-technician},
 * {@code kpis.other-group}), and one more optional parameter, {@code minOccurrences} (2 to 1000, by
 * default {@code guichet.kpis.recurring.min-occurrences}). Values that do not fit are refused
 * together (400, problem+json listing each parameter under {@code errors}).
 */
@RestController
class RecurringIncidentsApiController {

	private final Kpis kpis;

	private final RecurringIncidents recurring;

	RecurringIncidentsApiController(Kpis kpis, RecurringIncidents recurring) {
		this.kpis = kpis;
		this.recurring = recurring;
	}

	@GetMapping(path = "/api/v1/kpis/recurring-incidents", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("isAuthenticated()")
	@KpiFilterParameters
	@Parameter(name = "minOccurrences", in = ParameterIn.QUERY,
			description = "how many tickets of the same kind make a recurring incident",
			schema = @Schema(type = "integer", minimum = "" + RecurringIncidents.MIN_MIN_OCCURRENCES,
					maximum = "" + RecurringIncidents.MAX_MIN_OCCURRENCES))
	RecurringIncidentsReport recurringIncidents(@AuthenticationPrincipal CurrentUser caller,
			HttpServletRequest request) {
		KpiFilter.Reading reading = kpis.read(request.getParameterMap());
		List<TicketFilter.Error> errors = new ArrayList<>(reading.errors());
		int minOccurrences = recurring.defaultMinOccurrences();
		String[] sent = request.getParameterValues("minOccurrences");
		List<String> given = sent == null ? List.of()
				: Arrays.stream(sent).filter(value -> value != null && !value.isBlank()).map(String::strip).toList();
		if (given.size() > 1) {
			errors.add(new TicketFilter.Error("minOccurrences", "filter.repeated", String.join(", ", given),
					"one value"));
		}
		else if (given.size() == 1) {
			Integer parsed = wholeNumber(given.get(0));
			if (parsed == null || !RecurringIncidents.accepts(parsed)) {
				errors.add(new TicketFilter.Error("minOccurrences", "kpis.recurring.min-occurrences-invalid",
						given.get(0), RecurringIncidents.MIN_MIN_OCCURRENCES + "–" + RecurringIncidents.MAX_MIN_OCCURRENCES));
			}
			else {
				minOccurrences = parsed;
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidKpiFilterException(errors);
		}
		return kpis.recurringIncidents(reading.filter(), minOccurrences, caller);
	}

	private static @org.jspecify.annotations.Nullable Integer wholeNumber(String value) {
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
