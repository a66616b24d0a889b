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
	 * Skips a test that kills a real Guichet process (a minute or more each) outside the full
	 * sweep, which runs it on H2 and on PostgreSQL: CI runs both sweeps, so it still runs there on
	 * each database, and the everyday build keeps to its time.
	 */
	public static void assumeCrashTestsRun() {
		assumeTrue(full(), "tests that kill a real process run in the full sweep (-Pfull), on both databases");
	}

}
