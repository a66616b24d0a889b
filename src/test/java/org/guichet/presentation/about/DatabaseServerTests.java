package org.guichet.presentation.about;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabaseServerTests {

	@Test
	void theKindAndTheLocationComeFromTheUrl() {
		DatabaseServer file = DatabaseServer.of("H2", "2.4.240", "jdbc:h2:file:/var/lib/guichet/guichet;WRITE_DELAY=0");
		DatabaseServer shortFile = DatabaseServer.of("H2", "2.4.240", "jdbc:h2:./data/guichet");
		DatabaseServer memory = DatabaseServer.of("H2", "2.4.240", "jdbc:h2:mem:guichet-test;DB_CLOSE_DELAY=-1");
		DatabaseServer h2Server = DatabaseServer.of("H2", "2.4.240", "jdbc:h2:tcp://db:9092/guichet");
		DatabaseServer postgresql = DatabaseServer.of("PostgreSQL", "17.11", "jdbc:postgresql://localhost:5432/guichet");
		DatabaseServer other = DatabaseServer.of("Oracle", "23", "jdbc:oracle:thin:@db:1521/guichet");

		assertThat(file.kind()).isEqualTo(DatabaseKind.H2_FILE);
		assertThat(file.location()).isEqualTo("/var/lib/guichet/guichet");
		assertThat(shortFile.kind()).isEqualTo(DatabaseKind.H2_FILE);
		assertThat(shortFile.location()).isEqualTo("./data/guichet");
		assertThat(memory.kind()).isEqualTo(DatabaseKind.H2_MEMORY);
		assertThat(memory.location()).isEqualTo("guichet-test");
		assertThat(h2Server.kind()).isEqualTo(DatabaseKind.H2_SERVER);
		assertThat(h2Server.location()).isEqualTo("db:9092/guichet");
		assertThat(postgresql.kind()).isEqualTo(DatabaseKind.POSTGRESQL);
		assertThat(postgresql.location()).isEqualTo("localhost:5432/guichet");
		assertThat(other.kind()).isEqualTo(DatabaseKind.OTHER);
		assertThat(other.location()).isNull();
		assertThat(file.kind().embedded()).isTrue();
		assertThat(postgresql.kind().embedded()).isFalse();
	}

	@Test
	void noUserNameNorPasswordIsKeptInTheUrl() {
		assertThat(DatabaseServer.withoutCredentials("jdbc:postgresql://h:5432/g?user=guichet&password=s3cret&ssl=true"))
			.isEqualTo("jdbc:postgresql://h:5432/g?ssl=true");
		assertThat(DatabaseServer.withoutCredentials("jdbc:postgresql://h:5432/g?prepareThreshold=0&password=s3cret"))
			.isEqualTo("jdbc:postgresql://h:5432/g?prepareThreshold=0");
		assertThat(DatabaseServer.withoutCredentials("jdbc:postgresql://h/g?user=postgres"))
			.isEqualTo("jdbc:postgresql://h/g");
		assertThat(DatabaseServer.withoutCredentials("jdbc:postgresql://guichet:s3cret@h:5432/g"))
			.isEqualTo("jdbc:postgresql://h:5432/g");
		assertThat(DatabaseServer.withoutCredentials("jdbc:h2:file:./data/g;USER=sa;PASSWORD=s3cret;WRITE_DELAY=0"))
			.isEqualTo("jdbc:h2:file:./data/g;WRITE_DELAY=0");
	}

}
