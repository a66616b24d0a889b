package org.guichet.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * H2 2.4 keeps, in an expression stored in the schema (a generated column, a default, a check),
 * a list of constants {@code x in ('A', 'B')} as a set ordered by the session that created it: once
 * that connection is closed, every row written through the expression fails with "The database
 * has been closed" (90098). The migrations run on a pooled connection that the pool retires after
 * 30 minutes, so a Guichet freshly installed on H2 stopped registering tickets half an hour after its
 * first start (the tests' shared database did so in the middle of the build). These tests migrate a
 * database through connections that are closed afterwards, as Flyway's are, and use it through
 * another.
 */
class H2SchemaOutlivesItsMigrationTests {

	/** A list of constants as H2 writes a stored expression back, e.g. {@code "STATUS" IN('NEW', 'ASSIGNED')}. */
	private static final Pattern IN_LIST = Pattern.compile("\\bIN\\s*\\(", Pattern.CASE_INSENSITIVE);

	private static final String URL = "jdbc:h2:mem:migrated-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

	@BeforeAll
	static void migrateThroughConnectionsClosedAfterwards() {
		Flyway.configure()
			.dataSource(URL, "sa", "")
			.locations("classpath:db/migration", "classpath:db/vendor/h2")
			.load()
			.migrate();
	}

	@Test
	void noExpressionStoredInTheSchemaHoldsAListOfConstants() throws SQLException {
		List<String> found = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(URL, "sa", "");
				Statement statement = connection.createStatement()) {
			collect(statement, """
					select table_name || '.' || column_name, coalesce(generation_expression, column_default)
					from information_schema.columns
					where table_schema = 'PUBLIC' and (generation_expression is not null or column_default is not null)""",
					found);
			collect(statement, """
					select constraint_name, check_clause from information_schema.check_constraints
					where constraint_schema = 'PUBLIC'""", found);
		}
		assertThat(found)
			.as("stored expressions with a list of constants: write them as a CASE, or as comparisons H2 does not merge into a list")
			.isEmpty();
	}

	@Test
	void aTicketIsRegisteredAndMovedOnceTheMigrationsConnectionsAreClosed() throws SQLException {
		try (Connection connection = DriverManager.getConnection(URL, "sa", "");
				Statement statement = connection.createStatement()) {
			statement.executeUpdate("""
					insert into app_user (username, password_hash, full_name, role, created_at)
					values ('outlives-migration', '-', 'Outlives Migration', 'REQUESTER', current_timestamp)""");
			statement.executeUpdate("""
					insert into ticket (type, title, description, requester_id, registered_by_id, channel, urgency, impact,
						priority, status, created_at, updated_at)
					select 'INCIDENT', 'Printer jammed', 'Paper stuck', id, id, 'PORTAL', 'LOW', 'LOW', 'LOW', 'NEW',
						current_timestamp, current_timestamp
					from app_user where username = 'outlives-migration'""");
			statement.executeUpdate("update ticket set status = 'RESOLVED' where title = 'Printer jammed'");
			try (ResultSet queued = statement.executeQuery("select in_queue from ticket where title = 'Printer jammed'")) {
				assertThat(queued.next()).isTrue();
				assertThat(queued.getBoolean(1)).isFalse();
			}
		}
	}

	private static void collect(Statement statement, String query, List<String> found) throws SQLException {
		try (ResultSet rows = statement.executeQuery(query)) {
			while (rows.next()) {
				if (IN_LIST.matcher(rows.getString(2)).find()) {
					found.add(rows.getString(1) + ": " + rows.getString(2));
				}
			}
		}
	}

}
