package org.guichet.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.system.ForbiddenException;
import org.guichet.system.InputChecks;
import org.guichet.system.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The administrators' targets of the KPIs (at most one per KPI name), in table {@code kpi_target}. */
@Service
@Transactional
public class KpiTargets {

	/** The largest target value the table holds (numeric(14, 4)). */
	static final double MAX_VALUE = 9_999_999_999.0;

	private final JdbcClient jdbc;

	private final KpiCache cache;

	KpiTargets(JdbcClient jdbc, KpiCache cache) {
		this.jdbc = jdbc;
		this.cache = cache;
	}

	/**
	 * Every target set, in the order of {@link Kpi#UNITS}.
	 *
	 * @throws ForbiddenException for a requester
	 */
	@Transactional(readOnly = true)
	public List<KpiTarget> list(CurrentUser user) {
		if (!user.isAgent()) {
			throw new ForbiddenException("kpis.agents-only", "Only the IT team sees the desk's figures");
		}
		return List.copyOf(byName().values());
	}

	/** Every target by KPI name, in the order of {@link Kpi#UNITS}; for the reports. */
	@Transactional(readOnly = true)
	Map<String, KpiTarget> byName() {
		Map<String, KpiTarget> found = new LinkedHashMap<>();
		jdbc.sql("select kpi, comparison, target_value from kpi_target")
			.query((rs, row) -> new KpiTarget(rs.getString("kpi"), KpiComparison.valueOf(rs.getString("comparison")),
					rs.getBigDecimal("target_value").doubleValue()))
			.list()
			.forEach(target -> found.put(target.kpi(), target));
		Map<String, KpiTarget> ordered = new LinkedHashMap<>();
		Kpi.UNITS.keySet().forEach(name -> {
			if (found.containsKey(name)) {
				ordered.put(name, found.get(name));
			}
		});
		return ordered;
	}

	/**
	 * Replaces every target by these (none: no target at all).
	 *
	 * @return the targets now set, in the order of {@link Kpi#UNITS}
	 * @throws ForbiddenException for anyone but an administrator
	 * @throws InvalidInputException for an unknown KPI name, a KPI named twice, a ratio outside
	 * 0–1, a rating outside 1–5, a negative duration or count; every target refused is named (field
	 * {@code targets[i].kpi} or {@code targets[i].value}), and nothing is changed
	 */
	public List<KpiTarget> replace(List<KpiTarget> targets, CurrentUser user) {
		if (!user.has(Role.ADMINISTRATOR)) {
			throw new ForbiddenException("kpis.targets.administrators-only",
					"Only an administrator sets the KPIs' targets");
		}
		InputChecks checks = new InputChecks();
		Set<String> named = new HashSet<>();
		for (int i = 0; i < targets.size(); i++) {
			KpiTarget target = targets.get(i);
			String field = "targets[" + i + "]";
			KpiUnit unit = Kpi.UNITS.get(target.kpi());
			if (unit == null) {
				refuse(checks, field + ".kpi", "kpis.targets.unknown-kpi",
						"No KPI is named " + target.kpi() + "; use one of " + String.join(", ", Kpi.UNITS.keySet()),
						target.kpi());
				continue;
			}
			if (!named.add(target.kpi())) {
				refuse(checks, field + ".kpi", "kpis.targets.repeated",
						"The KPI " + target.kpi() + " has two targets: keep one", target.kpi());
			}
			double value = target.value();
			boolean fits = switch (unit) {
				case RATIO -> value >= 0 && value <= 1;
				case RATING -> value >= 1 && value <= 5;
				case DURATION, COUNT -> value >= 0 && value <= MAX_VALUE;
			};
			if (!fits || Double.isNaN(value)) {
				refuse(checks, field + ".value", "kpis.targets.value-" + unit.name().toLowerCase(java.util.Locale.ROOT),
						"The target of " + target.kpi() + " does not fit its unit " + unit + ": " + value,
						target.kpi(), value);
			}
		}
		checks.refuseIfAny();
		jdbc.sql("delete from kpi_target").update();
		for (KpiTarget target : targets) {
			jdbc.sql("insert into kpi_target (kpi, comparison, target_value) values (?, ?, ?)")
				.params(target.kpi(), target.comparison().name(), BigDecimal.valueOf(target.value()))
				.update();
		}
		cache.clear();
		return List.copyOf(byName().values());
	}

	private static void refuse(InputChecks checks, String field, String code, String message, Object... arguments) {
		checks.check(() -> {
			throw new InvalidInputException(field, code, message, arguments);
		});
	}

}
