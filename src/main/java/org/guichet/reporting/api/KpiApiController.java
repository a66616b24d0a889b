package org.guichet.reporting.api;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.guichet.directory.CurrentUser;
import org.guichet.reporting.BacklogTrend;
import org.guichet.reporting.DeflectionKpi;
import org.guichet.reporting.Granularity;
import org.guichet.reporting.Kpi;
import org.guichet.reporting.KpiComparison;
import org.guichet.reporting.KpiFilter;
import org.guichet.reporting.KpiReport;
import org.guichet.reporting.KpiTarget;
import org.guichet.reporting.KpiTargets;
import org.guichet.reporting.KpiUnit;
import org.guichet.reporting.PeriodPreset;
import org.guichet.reporting.Kpis;
import org.guichet.reporting.VolumeDimension;
import org.guichet.reporting.Volumes;
import org.guichet.system.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The KPIs under {@code /api/v1/kpis}, filtered by {@link KpiFilter}'s query parameters (400
 * naming every parameter at fault): every KPI, the backlog trend, the volumes, each table also as
 * CSV ({@code format=csv} or {@code Accept: text/csv}), and the targets. Supervisors and
 * administrators see every figure, a technician their own and their groups' (403 for another
 * technician or group), a requester nothing (403). Targets: agents read, administrators write.
 */
@RestController
@RequestMapping(path = "/api/v1/kpis", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("isAuthenticated()")
class KpiApiController {

	/** The tables of {@code GET /api/v1/kpis} as CSV. */
	enum ReportTable {

		KPIS, BREACHES, COMMENTS

	}

	private final Kpis kpis;

	private final KpiTargets targets;

	private final DeflectionKpi deflection;

	KpiApiController(Kpis kpis, KpiTargets targets, DeflectionKpi deflection) {
		this.kpis = kpis;
		this.targets = targets;
		this.deflection = deflection;
	}

	/**
	 * Every KPI by its name; as CSV, the table {@code table} ({@code KPIS} by default,
	 * {@code BREACHES}, {@code COMMENTS}).
	 */
	@GetMapping(produces = { MediaType.APPLICATION_JSON_VALUE, KpiCsv.TEXT_CSV })
	@KpiFilterParameters
	KpiJson.@Nullable Report report(HttpServletRequest request, HttpServletResponse response,
			@RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) @Nullable String table,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept,
			@AuthenticationPrincipal CurrentUser user) throws IOException {
		boolean csv = wantsCsv(format, accept);
		ReportTable chosen = choice("table", table, ReportTable.class, ReportTable.KPIS);
		KpiReport report = kpis.report(filter(request), user);
		if (!csv) {
			return KpiJson.report(report);
		}
		Writer out = KpiCsv.download(response, csvName(chosen, report));
		switch (chosen) {
			case KPIS -> KpiCsv.kpis(report, out);
			case BREACHES -> KpiCsv.breaches(report, out);
			case COMMENTS -> KpiCsv.comments(report, out);
		}
		return null;
	}

	/**
	 * The CSV file's name without extension: {@code kpis-<from>-<to>} for the KPIs,
	 * {@code kpis-breaches-…} and {@code kpis-comments-…} for the other tables.
	 */
	static String csvName(ReportTable table, KpiReport report) {
		String which = table == ReportTable.KPIS ? "" : table.name().toLowerCase(Locale.ROOT) + "-";
		return "kpis-" + which + report.period().from() + "-" + report.period().to();
	}

	/** The tickets open at the end of each day of the period, up to today. */
	@GetMapping(path = "/backlog/trend", produces = { MediaType.APPLICATION_JSON_VALUE, KpiCsv.TEXT_CSV })
	@KpiFilterParameters
	KpiJson.@Nullable Trend backlogTrend(HttpServletRequest request, HttpServletResponse response,
			@RequestParam(required = false) @Nullable String format,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept,
			@AuthenticationPrincipal CurrentUser user) throws IOException {
		boolean csv = wantsCsv(format, accept);
		BacklogTrend trend = kpis.backlogTrend(filter(request), user);
		if (!csv) {
			return KpiJson.trend(trend);
		}
		KpiCsv.trend(trend, KpiCsv.download(response,
				"backlog-trend-" + trend.period().from() + "-" + trend.period().to()));
		return null;
	}

	/**
	 * Created, resolved and closed per {@code granularity} ({@code DAY} by default, {@code WEEK}),
	 * by dimension and by weekday and hour; as CSV, the table {@code table} ({@code SERIES} by
	 * default, a dimension's name, or {@code HEATMAP}).
	 */
	@GetMapping(path = "/volumes", produces = { MediaType.APPLICATION_JSON_VALUE, KpiCsv.TEXT_CSV })
	@KpiFilterParameters
	KpiJson.@Nullable VolumesView volumes(HttpServletRequest request, HttpServletResponse response,
			@RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) @Nullable String granularity,
			@RequestParam(required = false) @Nullable String table,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept,
			@AuthenticationPrincipal CurrentUser user) throws IOException {
		boolean csv = wantsCsv(format, accept);
		Granularity step = choice("granularity", granularity, Granularity.class, Granularity.DAY);
		String chosen = table == null || table.isBlank() ? "SERIES" : table.strip().toUpperCase(Locale.ROOT);
		List<String> tables = new ArrayList<>(List.of("SERIES", "HEATMAP"));
		for (VolumeDimension dimension : VolumeDimension.values()) {
			tables.add(dimension.name());
		}
		if (!tables.contains(chosen)) {
			throw unknown("table", table, tables);
		}
		Volumes volumes = kpis.volumes(filter(request), step, user);
		if (!csv) {
			return KpiJson.volumes(volumes);
		}
		Writer out = KpiCsv.download(response, "volumes-" + chosen.toLowerCase(Locale.ROOT) + "-"
				+ volumes.period().from() + "-" + volumes.period().to());
		switch (chosen) {
			case "SERIES" -> KpiCsv.series(volumes, out);
			case "HEATMAP" -> KpiCsv.heatmap(volumes, out);
			default -> KpiCsv.dimension(volumes, VolumeDimension.valueOf(chosen), out);
		}
		return null;
	}

	/**
	 * The self-service deflection rate of the filter's period (docs/KPIS.md "Deflection"): counted
	 * over suggestion sessions, not tickets, so only the period applies; any other parameter
	 * ({@code technician=3}…) is refused (400 {@code request.parameter-unknown}, as for every
	 * operation) rather than ignored, which would answer a figure that does not say what was asked.
	 */
	@GetMapping("/deflection")
	@Parameters({
			@Parameter(name = "period", in = ParameterIn.QUERY, description = "a preset, not with from/to; default LAST_30_DAYS",
					schema = @Schema(implementation = PeriodPreset.class)),
			@Parameter(name = "from", in = ParameterIn.QUERY, description = "first day, local, included",
					schema = @Schema(type = "string", format = "date")),
			@Parameter(name = "to", in = ParameterIn.QUERY, description = "last day, local, included",
					schema = @Schema(type = "string", format = "date")) })
	KpiJson.DeflectionView deflection(HttpServletRequest request, @AuthenticationPrincipal CurrentUser user) {
		KpiFilter filter = filter(request);
		return new KpiJson.DeflectionView(KpiJson.Period.of(filter.period()), KpiJson.Period.of(filter.previousPeriod()),
				KpiJson.view(deflection.of(filter, user)));
	}

	/** The targets set, each with its value written in its KPI's unit. */
	@GetMapping("/targets")
	List<KpiJson.TargetView> targets(@AuthenticationPrincipal CurrentUser user) {
		return targets.list(user).stream().map(KpiApiController::view).toList();
	}

	/**
	 * Replaces every target (administrators): {@code {"targets": [{"kpi": "slaCompliance",
	 * "comparison": "AT_LEAST", "value": 0.95}, {"kpi": "meanResolutionTime", "comparison":
	 * "AT_MOST", "value": "PT8H"}]}}; a duration as an ISO-8601 duration or a number of seconds.
	 */
	@PutMapping(path = "/targets", consumes = MediaType.APPLICATION_JSON_VALUE)
	List<KpiJson.TargetView> replaceTargets(@RequestBody TargetsBody body, @AuthenticationPrincipal CurrentUser user) {
		List<KpiTarget> wanted = new ArrayList<>();
		List<TargetBody> given = body.targets();
		for (int i = 0; i < given.size(); i++) {
			wanted.add(target(given.get(i), "targets[" + i + "]"));
		}
		return targets.replace(wanted, user).stream().map(KpiApiController::view).toList();
	}

	/** The body of {@code PUT /api/v1/kpis/targets}: every target, empty for none. */
	record TargetsBody(List<TargetBody> targets) {
	}

	/** @param value a number in the KPI's unit, or for a duration an ISO-8601 duration */
	record TargetBody(String kpi, String comparison, Object value) {
	}

	private static KpiTarget target(TargetBody body, String field) {
		if (body.kpi().isBlank()) {
			throw new InvalidInputException(field + ".kpi", "field.required", "Name the KPI of each target");
		}
		KpiComparison comparison = choice(field + ".comparison", body.comparison(), KpiComparison.class, null);
		if (comparison == null) {
			throw new InvalidInputException(field + ".comparison", "field.required",
					"Give each target its comparison: AT_LEAST or AT_MOST");
		}
		Object value = body.value();
		if (value instanceof Number number) {
			return new KpiTarget(body.kpi(), comparison, number.doubleValue());
		}
		if (value instanceof String text && Kpi.UNITS.get(body.kpi()) == KpiUnit.DURATION) {
			try {
				return new KpiTarget(body.kpi(), comparison, Duration.parse(text.strip()).getSeconds());
			}
			catch (DateTimeParseException ex) {
				// refused below
			}
		}
		throw new InvalidInputException(field + ".value", "kpis.targets.value-invalid",
				"Give the target's value as a number in the KPI's unit (0 to 1 for a rate), or an ISO-8601 duration such as PT8H for a time",
				String.valueOf(value));
	}

	private static KpiJson.TargetView view(KpiTarget target) {
		return KpiJson.target(target, Kpi.UNITS.get(target.kpi()));
	}

	private KpiFilter filter(HttpServletRequest request) {
		return kpis.parse(request.getParameterMap());
	}

	/** CSV when {@code format=csv}, or when the client names text/csv and not JSON. */
	private static boolean wantsCsv(@Nullable String format, @Nullable String accept) {
		if (format != null && !format.isBlank()) {
			String chosen = format.strip().toLowerCase(Locale.ROOT);
			if (!chosen.equals("csv") && !chosen.equals("json")) {
				throw unknown("format", format, List.of("json", "csv"));
			}
			return chosen.equals("csv");
		}
		if (accept == null) {
			return false;
		}
		List<MediaType> types = MediaType.parseMediaTypes(accept);
		return types.stream().anyMatch(type -> type.equalsTypeAndSubtype(MediaType.parseMediaType(KpiCsv.TEXT_CSV)))
				&& types.stream().noneMatch(type -> type.equalsTypeAndSubtype(MediaType.APPLICATION_JSON));
	}

	private static <E extends Enum<E>> @Nullable E choice(String field, @Nullable String value, Class<E> type,
			@Nullable E absent) {
		if (value == null || value.isBlank()) {
			return absent;
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equalsIgnoreCase(value.strip())) {
				return constant;
			}
		}
		throw unknown(field, value, java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
	}

	private static InvalidInputException unknown(String field, @Nullable String value, List<String> allowed) {
		return new InvalidInputException(field, "filter.choice-unknown",
				field + ": \"" + value + "\" is not a known value; choose one of " + String.join(", ", allowed), field,
				value, String.join(", ", allowed));
	}

}
