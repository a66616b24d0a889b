package org.guichet.system;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@GuichetIntegrationTest
class CustomPlansIT {

	@Autowired
	private DataSource dataSource;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void everyPooledPostgresConnectionPlansEachStatementForItsParametersAndH2IsLeftAlone() throws Exception {
		String initialisation = dataSource.unwrap(HikariDataSource.class).getConnectionInitSql();
		if (TestDatabase.isPostgres()) {
			assertThat(initialisation).isEqualTo(CustomPlansOnPostgres.CUSTOM_PLANS);
			assertThat(jdbc.queryForObject("select current_setting('plan_cache_mode')", String.class))
				.isEqualTo("force_custom_plan");
		}
		else {
			assertThat(initialisation).isNull();
		}
	}

}
