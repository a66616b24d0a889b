package org.guichet.reporting;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * A growing multiset of durations in whole seconds, kept so that a day's durations can be stored
 * and the durations of many days merged into exact percentiles: stored ascending as LEB128 varints,
 * the smallest value zigzag-encoded (it may be negative), then the differences between neighbours
 * (a day's thousand resolution times take two or three kilobytes).
 */
final class DurationSample {

	private long[] values = new long[16];

	private int size;

	void add(long seconds) {
		if (size == values.length) {
			values = Arrays.copyOf(values, size * 2);
		}
		values[size++] = seconds;
	}

	/** Adds every duration of a sample written by {@link #encode}. */
	void addEncoded(byte[] encoded) {
		long previous = 0;
		boolean first = true;
		int i = 0;
		while (i < encoded.length) {
			long varint = 0;
			int shift = 0;
			byte b;
			do {
				b = encoded[i++];
				varint |= (long) (b & 0x7f) << shift;
				shift += 7;
			}
			while (b < 0);
			previous = first ? (varint >>> 1) ^ -(varint & 1) : previous + varint;
			first = false;
			add(previous);
		}
	}

	int size() {
		return size;
	}

	/** The durations ascending, as {@link #addEncoded} reads them; no byte for an empty sample. */
	byte[] encode() {
		long[] sorted = Arrays.copyOf(values, size);
		Arrays.sort(sorted);
		ByteArrayOutputStream out = new ByteArrayOutputStream(size * 2);
		for (int i = 0; i < sorted.length; i++) {
			long delta = i == 0 ? (sorted[0] << 1) ^ (sorted[0] >> 63) : sorted[i] - sorted[i - 1];
			while ((delta & ~0x7fL) != 0) {
				out.write((int) ((delta & 0x7f) | 0x80));
				delta >>>= 7;
			}
			out.write((int) delta);
		}
		return out.toByteArray();
	}

	/**
	 * The continuous percentile, as SQL's {@code percentile_cont(fraction)} computes it: the value
	 * at position {@code fraction × (n − 1)} of the ascending values, interpolated linearly between
	 * its two neighbours. Reorders the values it keeps.
	 *
	 * @param fraction between 0 and 1
	 * @return null for an empty sample
	 */
	@Nullable Double percentile(double fraction) {
		if (size == 0) {
			return null;
		}
		double position = fraction * (size - 1);
		int lower = (int) Math.floor(position);
		long low = select(lower);
		if (lower + 1 >= size || position == lower) {
			return (double) low;
		}
		long high = Long.MAX_VALUE;
		for (int i = lower + 1; i < size; i++) {
			high = Math.min(high, values[i]);
		}
		return low + (position - lower) * (high - low);
	}

	/**
	 * The k-th smallest value (from 0), leaving the smaller values before index k and the larger
	 * after it (quickselect, median of three).
	 */
	private long select(int k) {
		int left = 0;
		int right = size - 1;
		while (right > left) {
			int middle = (left + right) >>> 1;
			long pivot = medianOfThree(values[left], values[middle], values[right]);
			int i = left;
			int j = right;
			while (i <= j) {
				while (values[i] < pivot) {
					i++;
				}
				while (values[j] > pivot) {
					j--;
				}
				if (i <= j) {
					long swap = values[i];
					values[i] = values[j];
					values[j] = swap;
					i++;
					j--;
				}
			}
			if (k <= j) {
				right = j;
			}
			else if (k >= i) {
				left = i;
			}
			else {
				return values[k];
			}
		}
		return values[k];
	}

	private static long medianOfThree(long a, long b, long c) {
		return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
	}

}
