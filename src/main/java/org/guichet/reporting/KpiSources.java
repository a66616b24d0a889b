package org.guichet.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.guichet.reporting.KpiDays.Dimension;
import org.guichet.reporting.KpiDays.Slice;
import org.guichet.tickets.Categories;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Chooses where a filter's figures come from: the daily figures ({@link KpiDays}) when the filter
 * narrows by at most one dimension and they are current, the facts ticket by ticket otherwise
 * (several dimensions at once, or days not computed yet after an upgrade, a restore or a change
 * of time zone).
 */
@Component
class KpiSources {

	private final KpiQueries queries;

	private final KpiDays days;

	private final KpiDaysKeeper keeper;

	private final Categories categories;

	private final ZoneId zone;

	KpiSources(KpiQueries queries, KpiDays days, KpiDaysKeeper keeper, Categories categories,
			@Value("${guichet.time-zone:Europe/Paris}") ZoneId zone) {
		this.queries = queries;
		this.days = days;
		this.keeper = keeper;
		this.categories = categories;
		this.zone = zone;
	}

	/** The figures of the filter's tickets, from the daily figures whenever they can give them. */
	KpiSource of(KpiFilter filter) {
		Slice slice = slice(filter);
		return slice != null && keeper.ready() ? new Daily(days, slice, directOf(filter), zone) : directOf(filter);
	}

	/** The figures of the filter's tickets from the facts, ticket by ticket. */
	KpiSource direct(KpiFilter filter) {
		return directOf(filter);
	}

	private Direct directOf(KpiFilter filter) {
		return new Direct(queries, FactConditions.of(filter, categories), zone);
	}

	/**
	 * The figures of the filter's tickets from the daily figures as they are stored, current or not.
	 *
	 * @throws IllegalArgumentException when the filter narrows by more than one dimension
	 */
	KpiSource daily(KpiFilter filter) {
		Slice slice = slice(filter);
		if (slice == null) {
			throw new IllegalArgumentException("The daily figures are kept by one dimension at a time: " + filter);
		}
		return new Daily(days, slice, directOf(filter), zone);
	}

	/** The rows of the daily figures the filter reads, or null when it narrows by several dimensions. */
	private @Nullable Slice slice(KpiFilter filter) {
		List<Slice> slices = new ArrayList<>();
		if (filter.type() != null) {
			slices.add(new Slice(Dimension.TYPE, List.of(filter.type().name())));
		}
		if (filter.group() != null) {
			slices.add(new Slice(Dimension.GROUP, List.of(filter.group().toString())));
		}
		if (filter.technician() != null) {
			slices.add(new Slice(Dimension.TECHNICIAN, List.of(filter.technician().toString())));
		}
		if (filter.category() != null) {
			Set<Long> subtree = categories.subtree(filter.category());
			if (subtree.isEmpty()) {
				return null;
			}
			slices.add(new Slice(Dimension.CATEGORY, subtree.stream().map(String::valueOf).toList()));
		}
		if (filter.channel() != null) {
			slices.add(new Slice(Dimension.CHANNEL, List.of(filter.channel().name())));
		}
		if (filter.priority() != null) {
			slices.add(new Slice(Dimension.PRIORITY, List.of(filter.priority().name())));
		}
		if (filter.department() != null) {
			slices.add(new Slice(Dimension.DEPARTMENT, List.of(filter.department())));
		}
		return switch (slices.size()) {
			case 0 -> Slice.ALL;
			case 1 -> slices.get(0);
			default -> null;
		};
	}

	/** The facts' queries over instants of the zone. */
	private record Direct(KpiQueries queries, FactConditions on, ZoneId zone) implements KpiSource {

		@Override
		public Figures figures(DateRange period) {
			Instant start = period.start(zone);
			Instant end = period.end(zone);
			return new Figures(queries.resolved(on, start, end), queries.created(on, start, end),
					queries.closed(on, start, end), queries.verdicts("tto", on, start, end),
					queries.verdicts("ttr", on, start, end));
		}

		@Override
		public List<Long> openAt(List<Instant> instants) {
			return queries.openAt(on, instants);
		}

		@Override
		public DayCounts dayCounts(DateRange period) {
			Instant start = period.start(zone);
			Instant end = period.end(zone);
			return new DayCounts(queries.perDay("created", on, start, end), queries.perDay("resolved", on, start, end),
					queries.perDay("closed", on, start, end), queries.heatmap(on, start, end));
		}

		@Override
		public List<Map.Entry<String, Long>> createdBy(VolumeDimension dimension, DateRange period) {
			return queries.createdBy(dimension, on, period.start(zone), period.end(zone));
		}

	}

	/** Sums of the slice's daily rows; volumes by another dimension than the slice's come from the facts. */
	private record Daily(KpiDays days, Slice slice, Direct direct, ZoneId zone) implements KpiSource {

		@Override
		public Figures figures(DateRange period) {
			DayFigures sum = days.sum(slice, period, true);
			return new Figures(sum.resolvedFigures(), sum.createdFigures(), sum.closedFigures(), sum.verdicts("tto"),
					sum.verdicts("ttr"));
		}

		/**
		 * A span begun or ended at an instant counts as open at it, so the backlog at a local
		 * midnight is the sum of the days before it; at another instant, that of its day's
		 * midnight plus the spans begun and ended since, counted from the facts.
		 */
		@Override
		public List<Long> openAt(List<Instant> instants) {
			Instant lastInstant = instants.get(instants.size() - 1);
			Map<LocalDate, Long> perDay = days.openedMinusEnded(slice, lastInstant.atZone(zone).toLocalDate());
			List<Long> open = new ArrayList<>();
			long running = 0;
			var dayCounts = perDay.entrySet().iterator();
			Map.Entry<LocalDate, Long> next = dayCounts.hasNext() ? dayCounts.next() : null;
			for (Instant instant : instants) {
				LocalDate day = instant.atZone(zone).toLocalDate();
				while (next != null && next.getKey().isBefore(day)) {
					running += next.getValue();
					next = dayCounts.hasNext() ? dayCounts.next() : null;
				}
				Instant midnight = day.atStartOfDay(zone).toInstant();
				open.add(midnight.equals(instant) ? running
						: running + direct.queries().spanBalance(direct.on(), midnight, instant));
			}
			return open;
		}

		/** The slice's rows of the period, read once: each day's three counts and its creations per hour. */
		@Override
		public DayCounts dayCounts(DateRange period) {
			Map<LocalDate, Long> created = new HashMap<>();
			Map<LocalDate, Long> resolved = new HashMap<>();
			Map<LocalDate, Long> closed = new HashMap<>();
			long[][] cells = new long[8][24];
			days.perDay(slice, period).forEach((day, figures) -> {
				putIfAny(created, day, figures.created);
				putIfAny(resolved, day, figures.resolved);
				putIfAny(closed, day, figures.closed);
				for (int hour = 0; hour < 24; hour++) {
					cells[day.getDayOfWeek().getValue()][hour] += figures.createdHours[hour];
				}
			});
			List<long[]> heatmap = new ArrayList<>();
			for (int weekday = 1; weekday <= 7; weekday++) {
				for (int hour = 0; hour < 24; hour++) {
					if (cells[weekday][hour] > 0) {
						heatmap.add(new long[] { weekday, hour, cells[weekday][hour] });
					}
				}
			}
			return new DayCounts(created, resolved, closed, heatmap);
		}

		private static void putIfAny(Map<LocalDate, Long> counts, LocalDate day, long count) {
			if (count > 0) {
				counts.put(day, count);
			}
		}

		@Override
		public List<Map.Entry<String, Long>> createdBy(VolumeDimension dimension, DateRange period) {
			if (slice != Slice.ALL) {
				return direct.createdBy(dimension, period);
			}
			return days.createdBy(Dimension.valueOf(dimension.name()), period);
		}

	}

}
