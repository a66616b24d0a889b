package org.guichet.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Which sweep runs: the everyday build ({@code ./mvnw verify}) samples the long sweeps that the
 * full one ({@code ./mvnw -Pfull verify}, which {@code .ci/run} runs after it) covers whole. The
 * build says which through the system property {@code guichet.test.sweep} ({@code full} or unset).
 */
public final class TestSweep {

	private TestSweep() {
	}

	/** True in the full sweep, false in the everyday build. */
	public static boolean full() {
		return "full".equals(System.getProperty("guichet.test.sweep"));
	}

	/**
	 * Skips a test that starts real Guichet processes (a minute or more each: killing one, or
	 * several nodes with their OpenSearch) outside the full sweep, which runs it on each database
	 * it applies to: CI runs both sweeps, so it still runs there, and the everyday build keeps to
	 * its time.
	 */
	public static void assumeProcessTestsRun() {
		assumeTrue(full(), "tests that start real Guichet processes run in the full sweep (-Pfull)");
	}

}
