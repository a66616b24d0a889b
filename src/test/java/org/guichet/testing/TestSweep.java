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
	 * Skips a test that kills a real Guichet process unless its database is this sweep's: H2 in the
	 * everyday build, PostgreSQL in the full sweep. Each such test thus runs once per database in
	 * CI, and the everyday build does not wait for two processes to be killed.
	 */
	public static void assumeCrashRunsOnThisDatabase() {
		assumeTrue(TestDatabase.isPostgres() == full(),
				"crash tests run on H2 in the everyday build and on PostgreSQL in the full sweep (-Pfull)");
	}

}
