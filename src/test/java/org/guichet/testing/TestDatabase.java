package org.guichet.testing;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The database the integration tests run on, chosen by the system property
 * {@code guichet.test.database}: {@code h2} (default, in memory) or {@code postgresql}, a real
 * PostgreSQL server started once per test JVM, without Docker.
 */
public final class TestDatabase {

	private static EmbeddedPostgres postgres;

	private TestDatabase() {
	}

	public static boolean isPostgres() {
		return "postgresql".equals(System.getProperty("guichet.test.database", "h2"));
	}

	public static synchronized String jdbcUrl() {
		if (!isPostgres()) {
			return "jdbc:h2:mem:guichet-test;DB_CLOSE_DELAY=-1";
		}
		if (postgres == null) {
			try {
				postgres = EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start the embedded PostgreSQL", ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ignored) {
					// the JVM is going away
				}
			}));
		}
		return postgres.getJdbcUrl("postgres", "postgres");
	}

	public static String username() {
		return isPostgres() ? "postgres" : "sa";
	}

}
