package org.guichet.reporting.recurring;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a location's burst is measured against: how long the period is, how long the baseline just
 * before it is, and how many incidents each (category, location) had in that baseline. The usual
 * rate of a category at a location is its incidents in the baseline and the period together,
 * divided by their length (docs/KPIS.md, "Recurring incidents").
 *
 * @param before the baseline's length, zero or more (zero: the period's own rate is the usual one)
 * @param period the period's length, positive
 * @param counts the incidents of each (category, location as written) in the baseline, in any order;
 * rows without a category or a location count for nothing
 */
record SiteBaseline(Duration before, Duration period, List<Count> counts) {

	/**
	 * @param categoryId the category, null for none
	 * @param location the requester's location as written, null for none
	 * @param incidents how many incidents, 1 or more
	 */
	record Count(@Nullable Long categoryId, @Nullable String location, long incidents) {
	}

	SiteBaseline {
		if (before.isNegative() || period.isNegative() || period.isZero()) {
			throw new IllegalArgumentException("the baseline must be zero or more and the period positive; got "
					+ before + " and " + period);
		}
		counts = List.copyOf(counts);
	}

	/** No baseline before a period of this length, positive: the period's own rate is the usual one. */
	static SiteBaseline none(Duration period) {
		return new SiteBaseline(Duration.ZERO, period, List.of());
	}

}
