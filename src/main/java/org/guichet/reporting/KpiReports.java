package org.guichet.reporting;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.guichet.reporting.KpiQueries.Closed;
import org.guichet.reporting.KpiQueries.Created;
import org.guichet.reporting.KpiQueries.Resolved;
import org.guichet.reporting.KpiQueries.Verdicts;
import org.guichet.reporting.KpiSource.Figures;
import org.guichet.tickets.Categories;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes a {@link KpiReport} for a filter already narrowed to the reader's scope: the figures
 * of the period and the previous one from the filter's {@link KpiSource}, turned into KPIs with
 * their targets and drill-down parameters (definitions: docs/KPIS.md "KPIs"); the open tickets
 * now, the breaches and the comments from {@link KpiQueries}.
 */
@Component
@Transactional(readOnly = true)
class KpiReports {

	private final KpiQueries queries;

	private final KpiSources sources;

	private final Categories categories;

	private final ZoneId zone;

	KpiReports(KpiQueries queries, KpiSources sources, Categories categories,
			@Value("${guichet.time-zone:Europe/Paris}") ZoneId zone) {
		this.queries = queries;
		this.sources = sources;
		this.categories = categories;
		this.zone = zone;
	}

	/**
	 * @param filter narrowed to the reader's scope
	 * @param now the report's "as of" instant
	 * @param targets by KPI name
	 */
	KpiReport report(KpiFilter filter, Instant now, Map<String, KpiTarget> targets) {
		return report(sources.of(filter), filter, now, targets);
	}

	/**
	 * The report with its figures from that source.
	 *
	 * @param source the filter's source ({@link KpiSources})
	 */
	KpiReport report(KpiSource source, KpiFilter filter, Instant now, Map<String, KpiTarget> targets) {
		FactConditions on = FactConditions.of(filter, categories);
		DateRange period = filter.period();
		DateRange previousPeriod = filter.previousPeriod();
		Figures current = source.figures(period);
		Figures previous = source.figures(previousPeriod);
		Drill drill = new Drill(filter);
		Builder kpis = new Builder(targets);

		Resolved r = current.resolved();
		Map<String, String> withSla = drill.on("RESOLVED", "sla", "WITH");
		Resolved pr = previous.resolved();
		kpis.add(Kpi.MEAN_RESOLUTION_TIME, KpiUnit.DURATION, mean(r.secondsSum(), r.timed()), r.timed(),
				mean(pr.secondsSum(), pr.timed()), drill.on("RESOLVED"),
				kpis.detail("meanResolutionTime.business", KpiUnit.DURATION, mean(r.businessSecondsSum(), r.businessTimed()),
						r.businessTimed(), mean(pr.businessSecondsSum(), pr.businessTimed()), withSla));
		kpis.add(Kpi.MEDIAN_RESOLUTION_TIME, KpiUnit.DURATION, seconds(r.p50()), r.timed(), seconds(pr.p50()),
				drill.on("RESOLVED"),
				kpis.detail("medianResolutionTime.p90", KpiUnit.DURATION, seconds(r.p90()), r.timed(), seconds(pr.p90()),
						drill.on("RESOLVED")),
				kpis.detail("medianResolutionTime.business", KpiUnit.DURATION, seconds(r.businessP50()),
						r.businessTimed(), seconds(pr.businessP50()), withSla),
				kpis.detail("medianResolutionTime.businessP90", KpiUnit.DURATION, seconds(r.businessP90()),
						r.businessTimed(), seconds(pr.businessP90()), withSla));

		Created c = current.created();
		Created pc = previous.created();
		kpis.add(Kpi.MEAN_TIME_TO_OWN, KpiUnit.DURATION, mean(c.ownSecondsSum(), c.owned()), c.owned(),
				mean(pc.ownSecondsSum(), pc.owned()), drill.on("CREATED", "owned", "true"),
				kpis.detail("meanTimeToOwn.business", KpiUnit.DURATION, mean(c.ownBusinessSecondsSum(), c.ownBusinessTimed()),
						c.ownBusinessTimed(), mean(pc.ownBusinessSecondsSum(), pc.ownBusinessTimed()),
						drill.on("CREATED", "owned", "true", "sla", "WITH")));
		kpis.add(Kpi.MEAN_TIME_TO_FIRST_RESPONSE, KpiUnit.DURATION, mean(c.responseSecondsSum(), c.responded()),
				c.responded(), mean(pc.responseSecondsSum(), pc.responded()),
				drill.on("CREATED", "responded", "true"));

		Verdicts ttr = current.ttr();
		Verdicts tto = current.tto();
		kpis.add(Kpi.SLA_COMPLIANCE, KpiUnit.RATIO, ratio(ttr.met(), ttr.count()), ttr.count(),
				ratio(previous.ttr().met(), previous.ttr().count()), drill.on("TTR_DUE", "ttr", "GIVEN"),
				kpis.detail("slaCompliance.tto", KpiUnit.RATIO, ratio(tto.met(), tto.count()), tto.count(),
						ratio(previous.tto().met(), previous.tto().count()),
						drill.on("TTO_DUE", "tto", "GIVEN")),
				kpis.detail("slaCompliance.ttrBreaches", KpiUnit.COUNT, (double) ttr.missed(), ttr.missed(),
						(double) previous.ttr().missed(), drill.on("TTR_DUE", "ttr", "MISSED")),
				kpis.detail("slaCompliance.ttoBreaches", KpiUnit.COUNT, (double) tto.missed(), tto.missed(),
						(double) previous.tto().missed(), drill.on("TTO_DUE", "tto", "MISSED")));

		kpis.add(Kpi.REOPEN_RATE, KpiUnit.RATIO, ratio(r.reopened(), r.count()), r.count(),
				ratio(pr.reopened(), pr.count()), drill.on("RESOLVED"),
				kpis.count("reopenRate.reopened", r.reopened(), pr.reopened(), drill.on("RESOLVED", "reopened", "true")));

		kpis.kpis.put(Kpi.BACKLOG, backlog(on, source, period, previousPeriod, now, drill, kpis));

		Closed cl = current.closed();
		Closed pcl = previous.closed();
		Map<String, String> rated = drill.on("CLOSED", "rating", "RATED");
		kpis.add(Kpi.SATISFACTION, KpiUnit.RATIO, ratio(cl.satisfied(), cl.rated()), cl.rated(),
				ratio(pcl.satisfied(), pcl.rated()), rated,
				kpis.detail("satisfaction.average", KpiUnit.RATING, average(cl.ratingSum(), cl.rated()), cl.rated(),
						average(pcl.ratingSum(), pcl.rated()), rated),
				kpis.detail("satisfaction.responseRate", KpiUnit.RATIO, ratio(cl.surveyedRated(), cl.surveyed()),
						cl.surveyed(), ratio(pcl.surveyedRated(), pcl.surveyed()), drill.on("CLOSED", "rating", "SURVEYED")),
				kpis.count("satisfaction.satisfied", cl.satisfied(), pcl.satisfied(),
						drill.on("CLOSED", "rating", "SATISFIED")));

		kpis.add(Kpi.FIRST_CONTACT_RESOLUTION, KpiUnit.RATIO, ratio(r.firstContact(), r.count()), r.count(),
				ratio(pr.firstContact(), pr.count()), drill.on("RESOLVED"),
				kpis.count("firstContactResolution.resolved", r.firstContact(), pr.firstContact(),
						drill.on("RESOLVED", "firstContact", "true")));
		kpis.add(Kpi.FIRST_LEVEL_RESOLUTION, KpiUnit.RATIO, ratio(r.firstLevel(), r.count()), r.count(),
				ratio(pr.firstLevel(), pr.count()), drill.on("RESOLVED"),
				kpis.count("firstLevelResolution.resolved", r.firstLevel(), pr.firstLevel(),
						drill.on("RESOLVED", "firstLevel", "true")));

		kpis.add(Kpi.ESCALATION_RATE, KpiUnit.RATIO, ratio(c.escalated(), c.count()), c.count(),
				ratio(pc.escalated(), pc.count()), drill.on("CREATED"),
				kpis.count("escalationRate.escalated", c.escalated(), pc.escalated(),
						drill.on("CREATED", "escalated", "ANY")),
				kpis.count("escalationRate.functional", c.functional(), pc.functional(),
						drill.on("CREATED", "escalated", "FUNCTIONAL")),
				kpis.count("escalationRate.hierarchical", c.hierarchical(), pc.hierarchical(),
						drill.on("CREATED", "escalated", "HIERARCHICAL")),
				kpis.count("escalationRate.automatic", c.automatic(), pc.automatic(),
						drill.on("CREATED", "escalated", "AUTOMATIC")));

		KpiQueries.Approvals a = queries.approvals(on, period.start(zone), period.end(zone));
		KpiQueries.Approvals pa = queries.approvals(on, previousPeriod.start(zone), previousPeriod.end(zone));
		kpis.add(Kpi.APPROVAL_DELAY, KpiUnit.DURATION, mean(a.secondsSum(), a.decided()), a.decided(),
				mean(pa.secondsSum(), pa.decided()), drill.on("APPROVAL_DECIDED"),
				kpis.count("approvalDelay.refused", a.refused(), pa.refused(), drill.on("APPROVAL_REFUSED")));

		kpis.add(Kpi.VOLUMES, KpiUnit.COUNT, (double) c.count(), c.count(), (double) pc.count(), drill.on("CREATED"),
				kpis.count("volumes.resolved", r.count(), pr.count(), drill.on("RESOLVED")),
				kpis.count("volumes.closed", cl.count(), pcl.count(), drill.on("CLOSED")));

		Instant start = period.start(zone);
		Instant end = period.end(zone);
		List<Breach> breaches = new ArrayList<>(queries.breaches("ttr", on, start, end, listed(ttr.missed())));
		breaches.addAll(queries.breaches("tto", on, start, end, listed(tto.missed())));
		breaches.sort(Comparator.comparing(Breach::deadline).reversed().thenComparing(Breach::ticketId,
				Comparator.reverseOrder()));
		List<SatisfactionComment> comments = queries.comments(on, start, end, listed(cl.rated()));
		return new KpiReport(now, filter, period, previousPeriod, kpis.kpis,
				breaches.subList(0, Math.min(breaches.size(), KpiReport.MAX_LISTED)), comments);
	}

	/**
	 * The backlog at the period's end: the tickets open then, counted from the open spans as the
	 * backlog trend counts its days, or the backlog now when the period reaches now (so the card,
	 * the trend's last point and the review agree); compared with the tickets open at the previous
	 * period's end. Its details {@code backlog.now}, {@code backlog.status.*}, {@code backlog.age.*}
	 * are the open tickets now whatever the period (nothing says how old or in which status a ticket
	 * was at a past instant). A past backlog has no drill-down: no list criterion says "open at".
	 */
	private Kpi backlog(FactConditions on, KpiSource source, DateRange period, DateRange previousPeriod, Instant now,
			Drill drill, Builder kpis) {
		KpiQueries.Backlog open = queries.backlog(on, now);
		List<Kpi> details = new ArrayList<>();
		details.add(kpis.count("backlog.now", open.open(), null, drill.now("statusGroup", "OPEN")));
		open.byStatus().forEach((status, count) -> details
			.add(kpis.count("backlog.status." + status, count, null, drill.now("status", status))));
		open.byAge().forEach((age, count) -> details
			.add(kpis.count("backlog.age." + age, count, null, drill.now("age", age))));
		long openBefore = source.openAt(List.of(previousPeriod.end(zone))).get(0);
		Instant end = period.end(zone);
		if (end.isAfter(now)) {
			return kpis.detail(Kpi.BACKLOG, KpiUnit.COUNT, (double) open.open(), open.open(), (double) openBefore,
					drill.now("statusGroup", "OPEN"), details.toArray(Kpi[]::new));
		}
		long openAtEnd = source.openAt(List.of(end)).get(0);
		return kpis.detail(Kpi.BACKLOG, KpiUnit.COUNT, (double) openAtEnd, openAtEnd, (double) openBefore, null,
				details.toArray(Kpi[]::new));
	}

	/**
	 * How many of a list to read: at most {@link KpiReport#MAX_LISTED}, and no more than the report
	 * counted (the breaches of a clock are its missed verdicts; the comments, some of the rated
	 * tickets), so that a filter with few of them stops reading at its last one and one with none
	 * reads nothing.
	 */
	private static int listed(long counted) {
		return (int) Math.min(KpiReport.MAX_LISTED, counted);
	}

	/** A mean duration in whole seconds (half up), null over nothing. */
	static @Nullable Double mean(long sum, long count) {
		return count == 0 ? null : (double) Math.round((double) sum / count);
	}

	static @Nullable Double seconds(@Nullable Double value) {
		return value == null ? null : (double) Math.round(value);
	}

	static @Nullable Double ratio(long part, long whole) {
		return whole == 0 ? null : (double) part / whole;
	}

	static @Nullable Double average(long sum, long count) {
		return count == 0 ? null : (double) sum / count;
	}

	/** The drill-down parameters of a filter's tickets (DESIGN9 §2). */
	private static final class Drill {

		private final KpiFilter filter;

		Drill(KpiFilter filter) {
			this.filter = filter;
		}

		/** The tickets whose {@code periodBy} instant falls in the period, with more criteria (name, value…). */
		Map<String, String> on(String periodBy, String... criteria) {
			Map<String, String> parameters = new LinkedHashMap<>();
			parameters.put("from", filter.period().from().toString());
			parameters.put("to", filter.period().to().toString());
			parameters.put("periodBy", periodBy);
			parameters.putAll(filter.toTicketParameters());
			for (int i = 0; i < criteria.length; i += 2) {
				parameters.put(criteria[i], criteria[i + 1]);
			}
			return parameters;
		}

		/** The tickets of the filter's dimensions as they are now, whatever the period, with one more criterion. */
		Map<String, String> now(String name, String value) {
			Map<String, String> parameters = new LinkedHashMap<>(filter.toTicketParameters());
			parameters.put(name, value);
			return parameters;
		}

	}

	/** The report's KPIs in order, each with its target. */
	private static final class Builder {

		private final Map<String, KpiTarget> targets;

		private final Map<String, Kpi> kpis = new LinkedHashMap<>();

		Builder(Map<String, KpiTarget> targets) {
			this.targets = targets;
		}

		void add(String name, KpiUnit unit, @Nullable Double value, long count, @Nullable Double previous,
				@Nullable Map<String, String> drillDown, Kpi... details) {
			kpis.put(name, detail(name, unit, value, count, previous, drillDown, details));
		}

		Kpi detail(String name, KpiUnit unit, @Nullable Double value, long count, @Nullable Double previous,
				@Nullable Map<String, String> drillDown, Kpi... details) {
			KpiTarget target = targets.get(name);
			Boolean met = target == null || value == null ? null : target.metBy(value);
			return new Kpi(name, unit, value, count, previous, target, met, drillDown, List.of(details));
		}

		Kpi count(String name, long count, @Nullable Long previous, Map<String, String> drillDown) {
			return detail(name, KpiUnit.COUNT, (double) count, count, previous == null ? null : (double) previous,
					drillDown);
		}

	}

}
