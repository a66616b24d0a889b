package org.guichet.system;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Checks at start, before anything is served, that the database writes a commit to disk before
 * it answers it: otherwise an answer such as {@code 201 Created} could be lost by a crash.
 * <p>
 * On an H2 database kept in files, every commit must reach the file at once ({@code WRITE_DELAY=0}
 * in the database URL; H2 waits 500 ms by default): the application refuses to start otherwise,
 * with {@link NotDurableException}. An in-memory H2 database has nothing to lose to a crash and is
 * not checked. On PostgreSQL, {@code fsync} or {@code synchronous_commit} switched off is the
 * database administrator's choice: it is reported as a warning.
 */
@Component
class CommitDurability implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(CommitDurability.class);

	private final DataSource dataSource;

	CommitDurability(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void afterPropertiesSet() throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			DatabaseMetaData database = connection.getMetaData();
			switch (database.getDatabaseProductName()) {
				case "H2" -> checkH2(connection, database.getURL());
				case "PostgreSQL" -> checkPostgres(connection);
				default -> log.warn("Cannot check that {} writes commits to disk before answering them",
						database.getDatabaseProductName());
			}
		}
	}

	/**
	 * H2 lists the write delay it stores in the database and the one in force under the same
	 * name: both must be 0 (setting it in the URL sets both).
	 */
	private static void checkH2(Connection connection, String url) throws SQLException {
		if (url.startsWith("jdbc:h2:mem:")) {
			return;
		}
		try (Statement statement = connection.createStatement(); ResultSet delays = statement.executeQuery(
				"select setting_value from information_schema.settings where setting_name = 'WRITE_DELAY'")) {
			while (delays.next()) {
				int delay = Integer.parseInt(delays.getString(1));
				if (delay != 0) {
					throw new NotDurableException(url, delay);
				}
			}
		}
	}

	private static void checkPostgres(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet settings = statement.executeQuery(
				"select name, setting from pg_settings where name in ('fsync', 'synchronous_commit')")) {
			while (settings.next()) {
				if ("off".equals(settings.getString(2))) {
					log.warn("PostgreSQL runs with {} = off: a crash of the database server or of its machine can lose"
							+ " changes Guichet has already confirmed (see docs/CONFIGURATION.md)", settings.getString(1));
				}
			}
		}
	}

	/** An H2 database in files that would answer commits before writing them to disk. */
	static final class NotDurableException extends IllegalStateException {

		private final String url;

		private final int delay;

		NotDurableException(String url, int delay) {
			super("The H2 database " + url + " answers commits up to " + delay + " ms before writing them to its file"
					+ " (WRITE_DELAY=" + delay + "): add ;WRITE_DELAY=0 to spring.datasource.url (SPRING_DATASOURCE_URL)");
			this.url = url;
			this.delay = delay;
		}

		String url() {
			return url;
		}

		int delay() {
			return delay;
		}

	}

}
