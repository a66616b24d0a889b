package org.guichet.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.stereotype.Component;

/**
 * Moves every identity column's generator of an H2 database past the largest value its table
 * holds, at start, after the schema migrations and before anything is served.
 * <p>
 * H2 (2.4) reserves identity values in blocks and writes the end of a block to its file apart
 * from the commits that use the values: after a crash (power cut, {@code kill -9}) a generator
 * can restart below rows already committed, and the next inserts break the primary key
 * ({@code CrashRecoveryIT} saw it on {@code ticket_history}). Every identity column of the
 * {@code PUBLIC} schema is checked; on a clean start none needs moving and the check reads one
 * index end per table. PostgreSQL writes its sequences in its write-ahead log and is left alone,
 * as is an in-memory H2 database.
 */
@Component
@DependsOnDatabaseInitialization
class IdentityRepair implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(IdentityRepair.class);

	private final DataSource dataSource;

	IdentityRepair(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void afterPropertiesSet() throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			String url = connection.getMetaData().getURL();
			if ("H2".equals(connection.getMetaData().getDatabaseProductName()) && !url.startsWith("jdbc:h2:mem:")) {
				repair(connection);
			}
		}
	}

	/**
	 * @return the {@code table.column} names whose generator was moved, empty when none was behind
	 */
	static List<String> repair(Connection connection) throws SQLException {
		List<String> moved = new ArrayList<>();
		for (Identity identity : identities(connection)) {
			try (Statement statement = connection.createStatement(); ResultSet largest = statement.executeQuery(
					"select max(\"" + identity.column + "\") from \"" + identity.table + "\"")) {
				largest.next();
				long max = largest.getLong(1);
				if (max >= identity.next) {
					statement.execute("alter table \"" + identity.table + "\" alter column \"" + identity.column
							+ "\" restart with " + (max + 1));
					log.warn("After an unclean stop, the identity of {}.{} would have given {} again although the table"
							+ " holds up to {}: it restarts at {}", identity.table, identity.column, identity.next, max,
							max + 1);
					moved.add(identity.table + "." + identity.column);
				}
			}
		}
		return moved;
	}

	private static List<Identity> identities(Connection connection) throws SQLException {
		List<Identity> identities = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet columns = statement.executeQuery(
				"select table_name, column_name, identity_base from information_schema.columns"
						+ " where table_schema = 'PUBLIC' and is_identity = 'YES'")) {
			while (columns.next()) {
				identities.add(new Identity(columns.getString(1), columns.getString(2), columns.getLong(3)));
			}
		}
		return identities;
	}

	/** An identity column and the value its generator gives next. */
	private record Identity(String table, String column, long next) {
	}

}
