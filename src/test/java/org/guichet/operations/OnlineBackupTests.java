package org.guichet.operations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.guichet.system.ConflictException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.MessageSourceResolvable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OnlineBackupTests {

	private static final Instant NOON = Instant.parse("2026-12-03T12:00:00Z");

	@TempDir
	Path data;

	@Test
	void aCopyOpensAsADatabaseHoldingWhatWasCommitted() throws Exception {
		JdbcDataSource database = fileDatabase();
		execute(database, "create table ticket(id int primary key, title varchar(200))",
				"insert into ticket select x, 'Imprimante ' || x from system_range(1, 1000)");

		OnlineBackup.Backup copy = backup(database, NOON).take();

		assertThat(Path.of(copy.file())).hasFileName("guichet-20261203T120000Z.zip").exists();
		assertThat(copy.bytes()).isEqualTo(Files.size(Path.of(copy.file())));
		assertThat(copy.takenAt()).isEqualTo(NOON);
		try (Connection restored = DriverManager.getConnection("jdbc:h2:zip:" + copy.file() + "!/guichet", "sa", "");
				ResultSet rows = restored.createStatement().executeQuery("select count(*), max(title) from ticket")) {
			rows.next();
			assertThat(rows.getInt(1)).isEqualTo(1000);
			assertThat(rows.getString(2)).isEqualTo("Imprimante 999");
		}
	}

	@Test
	void copiesTakenInTheSameSecondKeepDistinctNamesAndAreListedNewestFirst() throws Exception {
		JdbcDataSource database = fileDatabase();
		execute(database, "create table ticket(id int primary key)");
		OnlineBackup earlier = backup(database, NOON.minusSeconds(3600));
		OnlineBackup.Backup first = earlier.take();
		OnlineBackup now = backup(database, NOON);
		OnlineBackup.Backup second = now.take();
		OnlineBackup.Backup third = now.take();
		Files.writeString(data.resolve("backups/guichet-notes.zip"), "not a copy");

		assertThat(Path.of(third.file())).hasFileName("guichet-20261203T120000Z-2.zip");
		assertThat(now.list()).extracting(OnlineBackup.Backup::takenAt).containsExactly(NOON, NOON, NOON.minusSeconds(3600));
		assertThat(now.list()).extracting(OnlineBackup.Backup::file)
			.containsExactlyInAnyOrder(first.file(), second.file(), third.file());
		assertThat(now.list()).allSatisfy(copy -> assertThat(copy.tookMillis()).isEqualTo(-1));
	}

	@Test
	void noDirectoryYetListsNoCopy() {
		assertThat(backup(fileDatabase(), NOON).list()).isEmpty();
	}

	@Test
	void anInMemoryDatabaseIsRefusedAndNothingIsWritten() {
		JdbcDataSource memory = new JdbcDataSource();
		memory.setURL("jdbc:h2:mem:backup-refused");
		OnlineBackup backup = backup(memory, NOON);

		assertThatThrownBy(backup::take).isInstanceOfSatisfying(ConflictException.class,
				refusal -> assertThat(refusal.messageKey()).isEqualTo("backup.not-embedded"));
		assertThat(data.resolve("backups")).doesNotExist();
	}

	@Test
	void aBackupPathThatIsAFileIsRefusedByNameWhenTakingAndListingAndTheNextCopyWorksOnceItIsADirectory()
			throws Exception {
		JdbcDataSource database = fileDatabase();
		execute(database, "create table ticket(id int primary key)");
		Files.writeString(data.resolve("backups"), "a file where the directory should be");
		OnlineBackup backup = backup(database, NOON);

		assertThatThrownBy(backup::take).isInstanceOfSatisfying(BackupFailedException.class, failure -> {
			assertThat(failure.messageKey()).isEqualTo("backup.directory");
			assertThat(failure.arguments()[0]).isEqualTo(data.resolve("backups").toString());
			assertThat(failure.arguments()[1]).isInstanceOfSatisfying(MessageSourceResolvable.class,
					why -> assertThat(why.getCodes()).as("said in the reader's language, no class name")
						.containsExactly("backup.cause.not-a-directory"));
			assertThat(failure.status()).isEqualTo(500);
		});
		assertThatThrownBy(backup::list).isInstanceOfSatisfying(BackupFailedException.class, failure -> {
			assertThat(failure.messageKey()).isEqualTo("backup.directory");
			assertThat(((MessageSourceResolvable) failure.arguments()[1]).getCodes())
				.containsExactly("backup.cause.not-a-directory");
		});

		Files.delete(data.resolve("backups"));
		assertThat(backup.take().file()).as("the lock of the failed copy was released").endsWith(".zip");
	}

	@Test
	void aCopyH2CannotWriteLeavesNoFileUnderACopysName() throws Exception {
		JdbcDataSource database = fileDatabase();
		execute(database, "create table ticket(id int primary key)");
		Path backups = Files.createDirectories(data.resolve("backups"));
		// a directory where H2 writes the partial copy: its write fails as a full disk's would
		Files.createDirectory(backups.resolve("guichet-20261203T120000Z.zip.part"));

		assertThatThrownBy(backup(database, NOON)::take).isInstanceOfSatisfying(BackupFailedException.class,
				failure -> assertThat(failure.messageKey()).isEqualTo("backup.failed"));
		assertThat(backup(database, NOON).list()).isEmpty();
	}

	private JdbcDataSource fileDatabase() {
		JdbcDataSource database = new JdbcDataSource();
		database.setURL("jdbc:h2:file:" + data.resolve("guichet") + ";DB_CLOSE_ON_EXIT=FALSE");
		database.setUser("sa");
		return database;
	}

	private OnlineBackup backup(JdbcDataSource database, Instant now) {
		return new OnlineBackup(database, data.resolve("backups"), Clock.fixed(now, ZoneOffset.UTC));
	}

	private static void execute(JdbcDataSource database, String... statements) throws SQLException {
		try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

}
