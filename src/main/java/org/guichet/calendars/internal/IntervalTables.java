package org.guichet.calendars.internal;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Business-time arithmetic on the timeline, on precomputed working intervals in epoch seconds.
 * <p>
 * The timeline is cut into chunks of 2<sup>24</sup> seconds (about 194 days), each holding its
 * working intervals with their running sums of business time, so that an operation is two binary
 * searches plus one step per chunk crossed, with no time-zone computation. Chunks are built on
 * first use; those between 1902 and 2174 are kept, others are rebuilt each time. Range bounds are
 * whole seconds, so the nanoseconds of an instant only count when its second is working time.
 * <p>
 * Supported instants run from 0001-01-01T00:00Z to 9999-12-31T23:59:59Z.
 */
public final class IntervalTables {

	private static final long MIN_SECOND = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();

	private static final long MAX_SECOND = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

	private static final long LAST_CHUNK = MAX_SECOND >> IntervalChunk.SHIFT;

	private static final long FIRST_CACHED_CHUNK = -128;

	private static final int CACHED_CHUNKS = 512;

	private static final int NANOS_PER_SECOND = 1_000_000_000;

	private final ZoneId zone;

	private final DaySchedule schedule;

	private final AtomicReferenceArray<IntervalChunk> cache = new AtomicReferenceArray<>(CACHED_CHUNKS);

	public IntervalTables(ZoneId zone, DaySchedule schedule) {
		this.zone = zone;
		this.schedule = schedule;
	}

	public boolean isWorking(Instant instant) {
		long second = checked(instant);
		long index = second >> IntervalChunk.SHIFT;
		return (chunk(index).position(offset(second, index)) & 1) != 0;
	}

	public Instant nextOpening(Instant instant) {
		long second = checked(instant);
		long index = second >> IntervalChunk.SHIFT;
		IntervalChunk chunk = chunk(index);
		int offset = offset(second, index);
		int i = chunk.lastStartingAtOrBefore(offset);
		if (i >= 0 && offset < chunk.ends[i]) {
			return instant;
		}
		i++;
		while (i == chunk.starts.length) {
			index = next(index);
			chunk = chunk(index);
			i = 0;
		}
		return Instant.ofEpochSecond(chunk.origin + chunk.starts[i]);
	}

	public Instant add(Instant start, Duration business) {
		if (business.isNegative()) {
			throw new IllegalArgumentException("A business duration cannot be negative: " + business);
		}
		long second = checked(start);
		if (business.isZero()) {
			return start;
		}
		if (business.getSeconds() > MAX_SECOND - second) {
			throw new DateTimeException("No deadline before the year 10000: " + business + " from " + start);
		}
		long index = second >> IntervalChunk.SHIFT;
		IntervalChunk chunk = chunk(index);
		long position = chunk.position(offset(second, index));
		boolean working = (position & 1) != 0;
		long nanos = business.getNano() + (working ? start.getNano() : 0L);
		long target = Math.addExact(position >> 1, Math.addExact(business.getSeconds(), nanos / NANOS_PER_SECOND));
		int nano = (int) (nanos % NANOS_PER_SECOND);
		boolean resumed = nano != 0;
		while (target > chunk.total || (resumed && target == chunk.total)) {
			target -= chunk.total;
			index = next(index);
			chunk = chunk(index);
		}
		return Instant.ofEpochSecond(chunk.origin + chunk.offsetAfter((int) target, resumed), nano);
	}

	public Duration between(Instant from, Instant to) {
		int order = from.compareTo(to);
		if (order > 0) {
			return between(to, from).negated();
		}
		if (order == 0) {
			return Duration.ZERO;
		}
		long fromSecond = checked(from);
		long toSecond = checked(to);
		long index = fromSecond >> IntervalChunk.SHIFT;
		long lastIndex = toSecond >> IntervalChunk.SHIFT;
		long fromPosition = chunk(index).position(offset(fromSecond, index));
		long toPosition = chunk(lastIndex).position(offset(toSecond, lastIndex));
		long seconds = (toPosition >> 1) - (fromPosition >> 1);
		for (; index < lastIndex; index++) {
			seconds += chunk(index).total;
		}
		long nanos = ((toPosition & 1) * to.getNano()) - ((fromPosition & 1) * from.getNano());
		return Duration.ofSeconds(seconds, nanos);
	}

	private IntervalChunk chunk(long index) {
		long slot = index - FIRST_CACHED_CHUNK;
		if (slot < 0 || slot >= CACHED_CHUNKS) {
			return IntervalChunk.build(index, this.zone, this.schedule);
		}
		IntervalChunk chunk = this.cache.get((int) slot);
		if (chunk == null) {
			chunk = IntervalChunk.build(index, this.zone, this.schedule);
			this.cache.set((int) slot, chunk);
		}
		return chunk;
	}

	private static long next(long index) {
		if (index >= LAST_CHUNK) {
			throw new DateTimeException("No working time left before the year 10000");
		}
		return index + 1;
	}

	private static int offset(long second, long index) {
		return (int) (second - (index << IntervalChunk.SHIFT));
	}

	private static long checked(Instant instant) {
		long second = instant.getEpochSecond();
		if (second < MIN_SECOND || second > MAX_SECOND) {
			throw new DateTimeException("Business calendars work from year 1 to year 9999: " + instant);
		}
		return second;
	}

}
