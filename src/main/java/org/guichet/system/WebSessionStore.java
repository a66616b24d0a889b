package org.guichet.system;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * The web sessions in the database (Spring Session JDBC, docs/SCALING.md), written so that two
 * requests of one session at the same moment (a form sent twice, a page and its htmx parts) that
 * both add an attribute (the flash messages of a redirect) both succeed: the second write replaces
 * the first instead of breaking the primary key, on either database.
 */
@Configuration(proxyBeanMethods = false)
class WebSessionStore {

	/** H2's upsert of an attribute, the parameters in Spring Session's order (session, name, bytes). */
	static final String H2_CREATE_ATTRIBUTE = """
			MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
			KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)
			""";

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> concurrentAttributeWrites(DataSource dataSource)
			throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
				return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
			}
		}
		return repository -> repository.setCreateSessionAttributeQuery(H2_CREATE_ATTRIBUTE);
	}

}
