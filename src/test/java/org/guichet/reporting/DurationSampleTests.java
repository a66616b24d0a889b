package org.guichet.reporting;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DurationSampleTests {

	@Test
	void anEmptySampleHasNoPercentileAndNoByte() {
		DurationSample sample = new DurationSample();
		assertThat(sample.percentile(0.5)).isNull();
		assertThat(sample.encode()).isEmpty();
	}

	@Test
	void percentilesInterpolateBetweenNeighboursAsPercentileContDoes() {
		DurationSample sample = sampleOf(40, 10, 30, 20);
		// positions 0.5 × 3 = 1.5 and 0.9 × 3 = 2.7 of 10, 20, 30, 40
		assertThat(sample.percentile(0.5)).isEqualTo(25.0);
		assertThat(sample.percentile(0.9)).isCloseTo(37.0, within(1e-9));
		assertThat(sample.percentile(0.0)).isEqualTo(10.0);
		assertThat(sample.percentile(1.0)).isEqualTo(40.0);
		assertThat(sampleOf(7).percentile(0.9)).isEqualTo(7.0);
	}

	@Test
	void encodedSamplesMergeBackIntoTheSameValuesNegativeAndHugeIncluded() {
		Random random = new Random(17);
		for (int round = 0; round < 200; round++) {
			DurationSample merged = new DurationSample();
			long[] all = new long[0];
			for (int part = 0; part < 1 + random.nextInt(5); part++) {
				long[] values = random.longs(random.nextInt(300), -5_000, 40_000_000).toArray();
				if (random.nextInt(10) == 0) {
					values = new long[] { Long.MAX_VALUE / 4, -Long.MAX_VALUE / 4, 0 };
				}
				merged.addEncoded(sampleOf(values).encode());
				all = concat(all, values);
			}
			assertThat(merged.size()).isEqualTo(all.length);
			for (double fraction : new double[] { 0, 0.1, 0.5, 0.9, 0.99, 1 }) {
				assertThat(merged.percentile(fraction)).isEqualTo(naivePercentile(all, fraction));
			}
		}
	}

	@Test
	void percentilesOfRandomSamplesWithManyTiesEqualTheSortedDefinition() {
		Random random = new Random(5);
		for (int round = 0; round < 500; round++) {
			long[] values = random.longs(1 + random.nextInt(2_000), 0, 1 + random.nextInt(50)).toArray();
			for (double fraction : new double[] { 0.5, 0.9 }) {
				assertThat(sampleOf(values).percentile(fraction)).isEqualTo(naivePercentile(values, fraction));
			}
		}
	}

	private static DurationSample sampleOf(long... values) {
		DurationSample sample = new DurationSample();
		for (long value : values) {
			sample.add(value);
		}
		return sample;
	}

	private static Double naivePercentile(long[] values, double fraction) {
		if (values.length == 0) {
			return null;
		}
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		double position = fraction * (sorted.length - 1);
		int lower = (int) Math.floor(position);
		if (lower + 1 >= sorted.length || position == lower) {
			return (double) sorted[lower];
		}
		return sorted[lower] + (position - lower) * (sorted[lower + 1] - sorted[lower]);
	}

	private static long[] concat(long[] a, long[] b) {
		long[] all = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}

}
