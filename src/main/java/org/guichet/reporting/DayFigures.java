package org.guichet.reporting;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.guichet.reporting.KpiQueries.Closed;
import org.guichet.reporting.KpiQueries.Created;
import org.guichet.reporting.KpiQueries.Resolved;
import org.guichet.reporting.KpiQueries.Verdicts;

/**
 * The figures of one row of {@code kpi_day} (one local day, one value of one dimension), or the
 * sum of several: each field is the count or sum the facts' query of {@link KpiQueries} would
 * give over the same tickets, so that summing days gives exactly what that query gives over their
 * period. Mutable, confined to one thread.
 */
final class DayFigures {

	long created;

	long owned;

	long ownSeconds;

	long ownBusinessTimed;

	long ownBusinessSeconds;

	long responded;

	long responseSeconds;

	long escalated;

	long functional;

	long hierarchical;

	long automatic;

	/** Tickets created in each local hour, 0 to 23. */
	final long[] createdHours = new long[24];

	long resolved;

	long reopened;

	long firstContact;

	long firstLevel;

	long resolutionTimed;

	long resolutionSeconds;

	long businessTimed;

	long businessSeconds;

	/** The resolution durations, when read: as many as {@link #resolutionTimed}. */
	final DurationSample resolutionValues = new DurationSample();

	final DurationSample businessValues = new DurationSample();

	long closed;

	long rated;

	long satisfied;

	long ratingSum;

	long surveyed;

	long surveyedRated;

	long ttoMet;

	long ttoMissed;

	long ttrMet;

	long ttrMissed;

	long spansOpened;

	long spansEnded;

	Resolved resolvedFigures() {
		return new Resolved(resolved, resolutionTimed, resolutionSeconds, businessTimed, businessSeconds, resolutionValues.percentile(0.5), resolutionValues.percentile(0.9),
				businessValues.percentile(0.5), businessValues.percentile(0.9), reopened, firstContact, firstLevel);
	}

	Created createdFigures() {
		return new Created(created, owned, ownSeconds, ownBusinessTimed, ownBusinessSeconds, responded,
				responseSeconds, escalated, functional, hierarchical, automatic);
	}

	Closed closedFigures() {
		return new Closed(closed, rated, satisfied, ratingSum, surveyed, surveyedRated);
	}

	/** @param clock {@code tto} or {@code ttr} */
	Verdicts verdicts(String clock) {
		return switch (clock) {
			case "tto" -> new Verdicts(ttoMet, ttoMissed);
			case "ttr" -> new Verdicts(ttrMet, ttrMissed);
			default -> throw new IllegalArgumentException("No SLA clock " + clock);
		};
	}

	/** The hours as stored: 24 counts separated by commas. */
	String hoursText() {
		return Arrays.stream(createdHours).mapToObj(Long::toString).collect(Collectors.joining(","));
	}

	void addHoursText(String text) {
		String[] counts = text.split(",");
		for (int hour = 0; hour < 24; hour++) {
			createdHours[hour] += Long.parseLong(counts[hour]);
		}
	}

}
