package org.guichet.calendars;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A span of wall-clock time within one day, start inclusive, end exclusive, on whole seconds.
 * <p>
 * An end of {@code 00:00} means midnight at the end of the day (24:00): {@code 00:00-00:00} is
 * the whole day. A range cannot cross midnight: an overnight shift is two ranges, e.g. 22:00-24:00
 * on Monday and 00:00-06:00 on Tuesday, which the calendar counts as one continuous span.
 */
public record TimeRange(LocalTime from, LocalTime to) {

	static final int SECONDS_PER_DAY = 86_400;

	public TimeRange {
		validate(from, to);
	}

	static void validate(LocalTime from, LocalTime to) {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		if (from.getNano() != 0 || to.getNano() != 0) {
			throw new InvalidCalendarException("ranges", "calendar.invalid.sub-second-bound",
					"A working range must start and end on a whole second (use 00:00 for midnight at the end of the day): "
							+ from + "-" + to,
					from + "-" + to);
		}
		if (endSecond(to) <= from.toSecondOfDay()) {
			throw new InvalidCalendarException("ranges", "calendar.invalid.range-order",
					"A working range must start before it ends: " + from + "-" + format(to)
							+ " (split a range that crosses midnight into two)",
					from + "-" + format(to));
		}
	}

	/** The range between two times written {@code HH:mm} or {@code HH:mm:ss}; {@code 24:00} is accepted as an end. */
	public static TimeRange of(String from, String to) {
		return new TimeRange(LocalTime.parse(from), "24:00".equals(to) ? LocalTime.MIDNIGHT : LocalTime.parse(to));
	}

	/** The second of the day the range starts at, from 0. */
	public int startSecond() {
		return this.from.toSecondOfDay();
	}

	/** The second of the day the range ends at (excluded), up to 86,400 for midnight at the end of the day. */
	public int endSecond() {
		return endSecond(this.to);
	}

	/** The wall-clock length of the range; a range across a daylight-saving change lasts longer or shorter in real time. */
	public Duration length() {
		return Duration.ofSeconds(endSecond() - startSecond());
	}

	@Override
	public String toString() {
		return this.from + "-" + format(this.to);
	}

	/** Sorts the ranges and merges those that overlap or touch (08:00-10:00 and 10:00-12:00 make 08:00-12:00). */
	static List<TimeRange> merge(Collection<TimeRange> ranges) {
		List<TimeRange> sorted = new ArrayList<>(ranges);
		sorted.sort(Comparator.comparing(TimeRange::from));
		List<TimeRange> merged = new ArrayList<>();
		for (TimeRange range : sorted) {
			int last = merged.size() - 1;
			if (last >= 0 && range.startSecond() <= merged.get(last).endSecond()) {
				TimeRange previous = merged.get(last);
				if (range.endSecond() > previous.endSecond()) {
					merged.set(last, new TimeRange(previous.from, range.to));
				}
			}
			else {
				merged.add(range);
			}
		}
		return List.copyOf(merged);
	}

	private static int endSecond(LocalTime to) {
		return to.equals(LocalTime.MIDNIGHT) ? SECONDS_PER_DAY : to.toSecondOfDay();
	}

	private static String format(LocalTime to) {
		return to.equals(LocalTime.MIDNIGHT) ? "24:00" : to.toString();
	}

}
