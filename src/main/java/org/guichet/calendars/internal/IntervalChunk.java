package org.guichet.calendars.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;

/**
 * The working intervals that fall within one fixed span of {@link #LENGTH} seconds of the
 * timeline, as offsets from the span's first second. Intervals are sorted, disjoint and not
 * touching; one that crosses the span's edge is cut there and continues in the next chunk.
 * {@code cumulativeEnds[i]} is the business time from the span's start to the end of interval i.
 */
final class IntervalChunk {

	static final int SHIFT = 24;

	static final long LENGTH = 1L << SHIFT;

	private static final int SECONDS_PER_DAY = 86_400;

	final long origin;

	final int[] starts;

	final int[] ends;

	final int[] cumulativeEnds;

	final int total;

	private IntervalChunk(long origin, int[] starts, int[] ends) {
		this.origin = origin;
		this.starts = starts;
		this.ends = ends;
		this.cumulativeEnds = new int[starts.length];
		int sum = 0;
		for (int i = 0; i < starts.length; i++) {
			sum += ends[i] - starts[i];
			this.cumulativeEnds[i] = sum;
		}
		this.total = sum;
	}

	/**
	 * Converts each local range bound with the zone rules, as {@code ZonedDateTime.of} does: a time
	 * in a daylight-saving gap moves later by the gap's length, a time in an overlap takes the
	 * earlier offset. Ranges that a gap shifts onto each other are merged.
	 */
	static IntervalChunk build(long index, ZoneId zone, DaySchedule schedule) {
		long origin = index << SHIFT;
		long end = origin + LENGTH;
		LocalDate first = LocalDate.ofEpochDay(Math.floorDiv(origin, SECONDS_PER_DAY) - 2);
		LocalDate last = LocalDate.ofEpochDay(Math.floorDiv(end, SECONDS_PER_DAY) + 1);
		long[] packed = new long[64];
		int count = 0;
		for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
			int[] seconds = schedule.secondsOfDay(date);
			for (int i = 0; i < seconds.length; i += 2) {
				long from = Math.max(epochSecond(date, seconds[i], zone), origin) - origin;
				long to = Math.min(epochSecond(date, seconds[i + 1], zone), end) - origin;
				if (from < to) {
					if (count == packed.length) {
						packed = Arrays.copyOf(packed, count * 2);
					}
					packed[count++] = from << 32 | to;
				}
			}
		}
		Arrays.sort(packed, 0, count);
		int[] starts = new int[count];
		int[] ends = new int[count];
		int merged = -1;
		for (int i = 0; i < count; i++) {
			int from = (int) (packed[i] >>> 32);
			int to = (int) packed[i];
			if (merged >= 0 && from <= ends[merged]) {
				ends[merged] = Math.max(ends[merged], to);
			}
			else {
				merged++;
				starts[merged] = from;
				ends[merged] = to;
			}
		}
		return new IntervalChunk(origin, Arrays.copyOf(starts, merged + 1), Arrays.copyOf(ends, merged + 1));
	}

	/** The index of the last interval starting at or before {@code offset}, or -1. */
	int lastStartingAtOrBefore(int offset) {
		int found = Arrays.binarySearch(this.starts, offset);
		return (found >= 0) ? found : -found - 2;
	}

	/**
	 * Business seconds from the chunk's start to {@code offset}, times two, plus one if the second
	 * at {@code offset} is working time.
	 */
	long position(int offset) {
		int i = lastStartingAtOrBefore(offset);
		if (i < 0) {
			return 0;
		}
		int inside = offset - this.starts[i];
		int length = this.ends[i] - this.starts[i];
		if (inside < length) {
			return (long) (this.cumulativeEnds[i] - length + inside) << 1 | 1;
		}
		return (long) this.cumulativeEnds[i] << 1;
	}

	/**
	 * The offset at which {@code business} seconds from the chunk's start are reached: the end of an
	 * interval when they are exactly used up there, unless {@code resumed}, which asks for the
	 * offset where counting goes on (the next interval's start).
	 */
	int offsetAfter(int business, boolean resumed) {
		int i = Arrays.binarySearch(this.cumulativeEnds, business);
		if (i < 0) {
			i = -i - 1;
		}
		else if (resumed) {
			i++;
		}
		return this.ends[i] - (this.cumulativeEnds[i] - business);
	}

	private static long epochSecond(LocalDate date, int secondOfDay, ZoneId zone) {
		LocalDateTime local = date.atStartOfDay().plusSeconds(secondOfDay);
		return local.atZone(zone).toEpochSecond();
	}

}
