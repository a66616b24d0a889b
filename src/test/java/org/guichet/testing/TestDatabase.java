package org.guichet.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.SpringApplication;

/**
 * The database the integration tests run on, chosen by the system property
 * {@code guichet.test.database}: {@code h2} (default, in memory) or {@code postgresql}, a real
 * PostgreSQL server started once per test JVM, without Docker.
 */
public final class TestDatabase {

	/** An in-memory H2 database lives until the JVM ends. */
	private static final String H2_SETTINGS = ";DB_CLOSE_DELAY=-1";

	private static EmbeddedPostgres postgres;

	private TestDatabase() {
	}

	public static boolean isPostgres() {
		return "postgresql".equals(System.getProperty("guichet.test.database", "h2"));
	}

	public static synchronized String jdbcUrl() {
		return isPostgres() ? server().getJdbcUrl("postgres", "postgres") : "jdbc:h2:mem:guichet-test" + H2_SETTINGS;
	}

	/**
	 * A database apart from the shared one, created empty on first use, for a test that needs
	 * the application to start on an empty database.
	 * @param database a lower-case SQL identifier
	 */
	public static synchronized String jdbcUrl(String database) {
		if (!isPostgres()) {
			return "jdbc:h2:mem:" + database + H2_SETTINGS;
		}
		try (Connection connection = server().getPostgresDatabase().getConnection();
				PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
			exists.setString(1, database);
			try (ResultSet found = exists.executeQuery(); Statement create = connection.createStatement()) {
				if (!found.next()) {
					create.execute("create database " + database);
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the database " + database, ex);
		}
		return server().getJdbcUrl("postgres", database);
	}

	private static synchronized EmbeddedPostgres server() {
		if (postgres == null) {
			try {
				// a test database is thrown away with its JVM: nothing it holds needs to reach the disk
				postgres = EmbeddedPostgres.builder()
					.setRegisterShutdownHook(false)
					.setServerConfig("fsync", "off")
					.setServerConfig("full_page_writes", "off")
					.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start the embedded PostgreSQL", ex);
			}
			// Stopped once the test applications are closed, not alongside them as a JVM hook of its
			// own would: a closing application still reading (Hibernate Search's outbox processor)
			// would otherwise wait out its pool's 30-second connection timeout, and the test JVM with it.
			SpringApplication.getShutdownHandlers().add(() -> {
				try {
					postgres.close();
				}
				catch (IOException ignored) {
					// the JVM is going away
				}
			});
		}
		return postgres;
	}

	public static String username() {
		return isPostgres() ? "postgres" : "sa";
	}

}
