package org.guichet.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.reporting.recurring.RecurringIncidents;
import org.guichet.reporting.recurring.RecurringIncidentsReport;
import org.guichet.system.ForbiddenException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The desk's KPIs over a filter, for the people allowed to see them: supervisors and
 * administrators see every ticket's figures; a technician sees their own figures and their
 * groups'; a requester sees none (403). Results are kept {@code guichet.kpis.max-age} per
 * (filter, scope). Read-only: computed over the tickets module's published read model.
 */
@Service
public class Kpis {

	private final KpiReports reports;

	private final KpiSeries series;

	private final KpiTargets targets;

	private final KpiCache cache;

	private final RecurringIncidents recurring;

	private final SupportGroupRepository groups;

	private final KnownIds known;

	private final Clock clock;

	private final ZoneId zone;

	Kpis(KpiReports reports, KpiSeries series, KpiTargets targets, KpiCache cache, RecurringIncidents recurring,
			SupportGroupRepository groups, KnownIds known, Clock clock, @Value("${guichet.time-zone:Europe/Paris}") ZoneId zone) {
		this.reports = reports;
		this.recurring = recurring;
		this.series = series;
		this.targets = targets;
		this.cache = cache;
		this.groups = groups;
		this.known = known;
		this.clock = clock;
		this.zone = zone;
	}

	private record Key(String what, KpiFilter filter, Object detail) {
	}

	/** Today in {@code guichet.time-zone}: the date the filters' presets count from. */
	public LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), zone);
	}

	/**
	 * Reads a request's filter parameters ({@link KpiFilter#read}) as of today, refusing the ids
	 * of groups, users and categories that do not exist.
	 */
	public KpiFilter.Reading read(Map<String, String[]> parameters) {
		return KpiFilter.read(parameters, today(), known);
	}

	/**
	 * The filter a request's parameters give, as of today.
	 *
	 * @throws InvalidKpiFilterException naming every parameter whose value does not fit, an id that
	 * names nothing included
	 */
	public KpiFilter parse(Map<String, String[]> parameters) {
		return read(parameters).orThrow();
	}

	/**
	 * The filter narrowed to what the user may see: unchanged for a supervisor or an
	 * administrator; for a technician, their own figures ({@code technician} = themselves) when it
	 * names neither a group nor a technician.
	 *
	 * @throws ForbiddenException for a requester, and for a technician whose filter names another
	 * technician or a group they are not a member of
	 */
	public KpiFilter scoped(KpiFilter filter, CurrentUser user) {
		if (!user.isAgent()) {
			throw new ForbiddenException("kpis.agents-only", "Only the IT team sees the desk's figures");
		}
		if (user.has(Role.SUPERVISOR)) {
			return filter;
		}
		if (filter.technician() != null && filter.technician() != user.id()) {
			throw new ForbiddenException("kpis.other-technician",
					"A technician sees only their own figures and their groups': ask for your own or one of your groups",
					filter.technician());
		}
		if (filter.group() != null) {
			List<Long> mine = groups.findGroupIdsOfMember(user.id());
			if (!mine.contains(filter.group())) {
				throw new ForbiddenException("kpis.other-group",
						"A technician sees only their own figures and their groups': you are not a member of group "
								+ filter.group(),
						filter.group());
			}
			return filter;
		}
		return filter.technician() == null ? filter.forTechnician(user.id()) : filter;
	}

	/**
	 * Every KPI over the filter's period, each with its previous-period value and target.
	 *
	 * @throws ForbiddenException as {@link #scoped}
	 */
	public KpiReport report(KpiFilter filter, CurrentUser user) {
		KpiFilter scoped = scoped(filter, user);
		return cache.get(new Key("report", scoped, ""),
				now -> reports.report(scoped, now, targets.byName()));
	}

	/**
	 * The tickets open at the end of each day of the filter's period, up to today.
	 *
	 * @throws ForbiddenException as {@link #scoped}
	 */
	public BacklogTrend backlogTrend(KpiFilter filter, CurrentUser user) {
		KpiFilter scoped = scoped(filter, user);
		return cache.get(new Key("backlog", scoped, ""), now -> series.backlogTrend(scoped, now));
	}

	/**
	 * The volumes of the filter's period per day or week, by dimension, and the heatmap.
	 *
	 * @throws ForbiddenException as {@link #scoped}
	 */
	public Volumes volumes(KpiFilter filter, Granularity granularity, CurrentUser user) {
		KpiFilter scoped = scoped(filter, user);
		return cache.get(new Key("volumes", scoped, granularity), now -> series.volumes(scoped, granularity));
	}

	/**
	 * The incidents of the filter's period that came back at least
	 * {@code guichet.kpis.recurring.min-occurrences} times, as {@link #recurringIncidents(KpiFilter, int, CurrentUser)}.
	 *
	 * @throws ForbiddenException as {@link #scoped}
	 */
	public RecurringIncidentsReport recurringIncidents(KpiFilter filter, CurrentUser user) {
		return recurringIncidents(filter, recurring.defaultMinOccurrences(), user);
	}

	/**
	 * The incidents of the filter's period that came back, as clusters (docs/KPIS.md "Recurring
	 * incidents"); kept like the other results.
	 *
	 * @param minOccurrences the fewest incidents a cluster holds, accepted by
	 * {@link RecurringIncidents#accepts}
	 * @throws ForbiddenException as {@link #scoped}
	 * @throws IllegalArgumentException for a threshold not accepted
	 */
	public RecurringIncidentsReport recurringIncidents(KpiFilter filter, int minOccurrences, CurrentUser user) {
		KpiFilter scoped = scoped(filter, user);
		return cache.get(new Key("recurring", scoped, minOccurrences), now -> recurring.find(scoped, minOccurrences));
	}

}
