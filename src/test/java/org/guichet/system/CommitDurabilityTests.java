package org.guichet.system;

import java.nio.file.Path;
import java.sql.Connection;

import org.guichet.system.CommitDurability.NotDurableException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommitDurabilityTests {

	@TempDir
	Path folder;

	@Test
	void refusesAnH2FileDatabaseThatWouldAnswerCommitsBeforeWritingThem() {
		assertThatThrownBy(() -> check(fileUrl("")))
			.isInstanceOfSatisfying(NotDurableException.class, refused -> assertThat(refused.delay()).isEqualTo(500))
			.hasMessageContaining("WRITE_DELAY=0")
			.hasMessageContaining("SPRING_DATASOURCE_URL");
	}

	@Test
	void acceptsAnH2FileDatabaseOpenedWithWriteDelayZero() {
		assertThatCode(() -> check(fileUrl(";WRITE_DELAY=0"))).doesNotThrowAnyException();
	}

	@Test
	void refusesADelayInTheUrlEvenWhenTheDatabaseStoredZeroBefore() throws Exception {
		check(fileUrl(";WRITE_DELAY=0"));

		assertThatThrownBy(() -> check(fileUrl(";WRITE_DELAY=100"))).isInstanceOf(NotDurableException.class);
		assertThatThrownBy(() -> check(fileUrl(""))).isInstanceOf(NotDurableException.class);
	}

	@Test
	void leavesAnInMemoryDatabaseAlone() {
		assertThatCode(() -> check("jdbc:h2:mem:commit-durability;WRITE_DELAY=500")).doesNotThrowAnyException();
	}

	@Test
	void theRefusalSaysWhichSettingToChangeAndWhere() {
		NotDurableException refused = new NotDurableException("jdbc:h2:file:/srv/guichet/guichet", 500);

		FailureAnalysis analysis = new CommitDurabilityFailureAnalyzer().analyze(new IllegalStateException(refused));

		assertThat(analysis.getDescription()).contains("jdbc:h2:file:/srv/guichet/guichet", "WRITE_DELAY=500");
		assertThat(analysis.getAction()).contains(";WRITE_DELAY=0", "SPRING_DATASOURCE_URL");
	}

	private String fileUrl(String settings) {
		return "jdbc:h2:file:" + folder.resolve("guichet") + ";DB_CLOSE_ON_EXIT=FALSE" + settings;
	}

	private static void check(String url) throws Exception {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL(url);
		dataSource.setUser("guichet");
		// keeps the database open across the check, as the connection pool does
		try (Connection open = dataSource.getConnection()) {
			new CommitDurability(dataSource).afterPropertiesSet();
		}
	}

}
