package org.guichet.reporting;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.tickets.Categories;
import org.guichet.tickets.CategoryTree;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The series of a filter already narrowed to the reader's scope: the backlog at each day's end,
 * and the volumes per day or week, by dimension and by weekday and hour.
 */
@Component
@Transactional(readOnly = true)
class KpiSeries {

	private final KpiSources sources;

	private final Categories categories;

	private final SupportGroupRepository groups;

	private final UserRepository users;

	private final ZoneId zone;

	KpiSeries(KpiSources sources, Categories categories, SupportGroupRepository groups, UserRepository users,
			@Value("${guichet.time-zone:Europe/Paris}") ZoneId zone) {
		this.sources = sources;
		this.categories = categories;
		this.groups = groups;
		this.users = users;
		this.zone = zone;
	}

	/**
	 * The tickets open at the end of each day of the period up to today (the next day's 00:00
	 * local); today's point is the backlog now. Days after today have no point.
	 */
	BacklogTrend backlogTrend(KpiFilter filter, Instant now) {
		return backlogTrend(sources.of(filter), filter, now);
	}

	/** The backlog trend with its figures from that source ({@link KpiSources}). */
	BacklogTrend backlogTrend(KpiSource source, KpiFilter filter, Instant now) {
		DateRange period = filter.period();
		LocalDate today = now.atZone(zone).toLocalDate();
		List<LocalDate> days = new ArrayList<>();
		List<Instant> ends = new ArrayList<>();
		for (LocalDate day = period.from(); !day.isAfter(period.to()) && !day.isAfter(today); day = day.plusDays(1)) {
			Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
			days.add(day);
			ends.add(end.isAfter(now) ? now : end);
		}
		if (days.isEmpty()) {
			return new BacklogTrend(period, List.of());
		}
		List<Long> open = source.openAt(ends);
		List<BacklogTrend.Point> points = new ArrayList<>();
		for (int i = 0; i < days.size(); i++) {
			points.add(new BacklogTrend.Point(days.get(i), open.get(i)));
		}
		return new BacklogTrend(period, points);
	}

	Volumes volumes(KpiFilter filter, Granularity granularity) {
		return volumes(sources.of(filter), filter, granularity);
	}

	/** The volumes with their figures from that source ({@link KpiSources}). */
	Volumes volumes(KpiSource source, KpiFilter filter, Granularity granularity) {
		DateRange period = filter.period();
		KpiSource.DayCounts perDay = source.dayCounts(period);
		Map<LocalDate, Long> created = perDay.created();
		Map<LocalDate, Long> resolved = perDay.resolved();
		Map<LocalDate, Long> closed = perDay.closed();
		List<Volumes.Point> series = new ArrayList<>();
		LocalDate stepStart = period.from();
		while (!stepStart.isAfter(period.to())) {
			LocalDate stepEnd = granularity == Granularity.DAY ? stepStart
					: stepStart.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
			if (stepEnd.isAfter(period.to())) {
				stepEnd = period.to();
			}
			series.add(new Volumes.Point(stepStart, stepEnd, sum(created, stepStart, stepEnd),
					sum(resolved, stepStart, stepEnd), sum(closed, stepStart, stepEnd),
					Map.of("created", between(filter, stepStart, stepEnd, "CREATED"), "resolved",
							between(filter, stepStart, stepEnd, "RESOLVED"), "closed",
							between(filter, stepStart, stepEnd, "CLOSED"))));
			stepStart = stepEnd.plusDays(1);
		}
		Map<VolumeDimension, List<Volumes.DimensionCount>> byDimension = new LinkedHashMap<>();
		for (VolumeDimension dimension : VolumeDimension.values()) {
			List<Map.Entry<String, Long>> counts = source.createdBy(dimension, period);
			Map<String, String> labels = labels(dimension, counts.stream().map(Map.Entry::getKey).toList());
			byDimension.put(dimension, counts.stream()
				.map(count -> new Volumes.DimensionCount(count.getKey(), labels.getOrDefault(count.getKey(), count.getKey()),
						count.getValue(), created(filter, dimension, count.getKey())))
				.toList());
		}
		List<Volumes.HeatmapCell> heatmap = perDay.heatmap()
			.stream()
			.map(cell -> {
				Map<String, String> drill = between(filter, period.from(), period.to(), "CREATED");
				drill.put("weekday", String.valueOf(cell[0]));
				drill.put("hour", String.valueOf(cell[1]));
				return new Volumes.HeatmapCell((int) cell[0], (int) cell[1], cell[2], drill);
			})
			.toList();
		return new Volumes(period, granularity, series, byDimension, heatmap);
	}

	private static long sum(Map<LocalDate, Long> perDay, LocalDate from, LocalDate to) {
		long total = 0;
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			total += perDay.getOrDefault(day, 0L);
		}
		return total;
	}

	/**
	 * The tickets created in the filter's period with that value of the dimension (replacing the
	 * filter's own); a category's own tickets only, since each category is counted apart from its
	 * sub-categories.
	 */
	private static Map<String, String> created(KpiFilter filter, VolumeDimension dimension, String value) {
		Map<String, String> parameters = between(filter, filter.period().from(), filter.period().to(), "CREATED");
		parameters.put(dimension.parameter(), value);
		if (dimension == VolumeDimension.CATEGORY) {
			parameters.put("subcategories", "false");
		}
		return parameters;
	}

	/** The filter's tickets whose {@code periodBy} instant falls in the local days [from, to]. */
	private static Map<String, String> between(KpiFilter filter, LocalDate from, LocalDate to, String periodBy) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("from", from.toString());
		parameters.put("to", to.toString());
		parameters.put("periodBy", periodBy);
		parameters.putAll(filter.toTicketParameters());
		return parameters;
	}

	/** The names to show for the dimension's ids; enum values are shown by their key (translated by the page). */
	private Map<String, String> labels(VolumeDimension dimension, List<String> keys) {
		if (keys.isEmpty()) {
			return Map.of();
		}
		Set<Long> ids = switch (dimension) {
			case CATEGORY, GROUP, TECHNICIAN -> keys.stream().map(Long::valueOf).collect(Collectors.toSet());
			default -> Set.of();
		};
		Map<String, String> labels = new HashMap<>();
		switch (dimension) {
			case CATEGORY -> {
				CategoryTree tree = categories.tree();
				ids.forEach(id -> {
					String path = tree.path(id);
					if (!path.isEmpty()) {
						labels.put(id.toString(), path);
					}
				});
			}
			case GROUP -> {
				for (SupportGroup group : groups.findAllById(ids)) {
					labels.put(String.valueOf(group.getId()), group.getName());
				}
			}
			case TECHNICIAN -> {
				for (User user : users.findAllById(ids)) {
					labels.put(String.valueOf(user.getId()), user.getFullName());
				}
			}
			default -> {
			}
		}
		return labels;
	}

}
