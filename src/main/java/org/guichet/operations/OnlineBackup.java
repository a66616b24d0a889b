package org.guichet.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.guichet.system.ConflictException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * A consistent copy of the embedded H2 database taken while Guichet goes on serving: H2's
 * {@code BACKUP TO}, which copies the database file as of one instant (attachments live in the
 * database, so they are in it too; the search index is rebuilt from the database after a
 * restore). The copy is a ZIP holding {@code guichet.mv.db}, named
 * {@code guichet-<yyyyMMdd'T'HHmmss'Z'>.zip} (UTC) in {@code guichet.backup.directory}; it is written
 * under a temporary name first, so a file with the final name is always complete. PostgreSQL has
 * its own tools ({@code pg_dump}, continuous archiving): see {@code docs/DEPLOYMENT.md}.
 */
@Service
public class OnlineBackup {

	private static final DateTimeFormatter NAME_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final String PREFIX = "guichet-";

	private static final String SUFFIX = ".zip";

	private static final Pattern COPY_NAME = Pattern.compile("guichet-(\\d{8}T\\d{6}Z)(-\\d+)?\\.zip");

	private final DataSource dataSource;

	private final Path directory;

	private final Clock clock;

	private final ReentrantLock running = new ReentrantLock();

	/**
	 * @param directory where the copies go ({@code guichet.backup.directory}, by default
	 * {@code backups} in the data directory); created when the first copy is taken
	 */
	OnlineBackup(DataSource dataSource, @Value("${guichet.backup.directory}") Path directory, Clock clock) {
		this.dataSource = dataSource;
		this.directory = directory.toAbsolutePath().normalize();
		this.clock = clock;
	}

	/**
	 * One copy of the database.
	 *
	 * @param file the copy's absolute path on the server
	 * @param bytes its size
	 * @param takenAt when it was started, to the second, as its name says (the copy holds what was
	 * committed then)
	 * @param tookMillis how long it took; -1 for a copy listed from the directory
	 */
	public record Backup(String file, long bytes, Instant takenAt, long tookMillis) {
	}

	/**
	 * Takes a copy now. Writers are not stopped; the copy holds what was committed when it started.
	 *
	 * @return the copy written
	 * @throws ConflictException {@code backup.running} while another copy is being taken on this
	 * node; {@code backup.not-embedded} when the database is not an embedded H2 file database
	 * (PostgreSQL, an H2 server or an in-memory H2), whose copies are taken by their own tools
	 * @throws BackupFailedException when the directory cannot be written, or H2 could not write the
	 * copy (a partial copy is deleted)
	 */
	public Backup take() {
		if (!running.tryLock()) {
			throw new ConflictException("backup.running", "A copy is being taken: wait for it to end, then list the copies");
		}
		try (Connection connection = dataSource.getConnection()) {
			refuseUnlessEmbeddedFile(connection.getMetaData());
			Instant takenAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
			long started = System.nanoTime();
			usableDirectory();
			Path target = freeName(takenAt);
			Path partial = target.resolveSibling(target.getFileName() + ".part");
			try (Statement statement = connection.createStatement()) {
				statement.execute("BACKUP TO '" + partial.toString().replace("'", "''") + "'");
				Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (SQLException | IOException ex) {
				try {
					Files.deleteIfExists(partial);
				}
				catch (IOException notDeleted) {
					ex.addSuppressed(notDeleted);
				}
				throw ex;
			}
			return new Backup(target.toString(), Files.size(target), takenAt,
					(System.nanoTime() - started) / 1_000_000);
		}
		catch (SQLException | IOException ex) {
			throw new BackupFailedException("backup.failed", "The copy could not be written into " + directory,
					directory, BackupFailedException.reason(ex), ex);
		}
		finally {
			running.unlock();
		}
	}

	/** Creates the directory when missing, and refuses one that is not a directory Guichet may write into. */
	private void usableDirectory() {
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new BackupFailedException("backup.directory", "The backup directory cannot be created: " + directory,
					directory, BackupFailedException.reason(ex), ex);
		}
		if (!Files.isWritable(directory)) {
			throw new BackupFailedException("backup.directory", "The backup directory cannot be written: " + directory,
					directory, BackupFailedException.NOT_WRITABLE, new IOException(directory + " is not writable"));
		}
	}

	/**
	 * The copies in the directory (files named as {@link #take()} names them), newest first; empty when there is none or no directory yet.
	 *
	 * @throws BackupFailedException when the directory's path names something else than a
	 * directory, or it cannot be read
	 */
	public List<Backup> list() {
		if (!Files.exists(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter(Files::isRegularFile)
				.flatMap(OnlineBackup::listed)
				.sorted(Comparator.comparing(Backup::takenAt).reversed())
				.toList();
		}
		catch (IOException ex) {
			throw new BackupFailedException("backup.directory", "The backup directory cannot be read: " + directory,
					directory, BackupFailedException.reason(ex), ex);
		}
	}

	private static void refuseUnlessEmbeddedFile(DatabaseMetaData database) throws SQLException {
		String url = database.getURL();
		boolean embeddedFile = "H2".equals(database.getDatabaseProductName()) && !url.startsWith("jdbc:h2:mem:")
				&& !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:");
		if (!embeddedFile) {
			throw new ConflictException("backup.not-embedded",
					"Copies are taken here only of an embedded H2 file database; this one is {0}: use its own tools "
							+ "(pg_dump for PostgreSQL, see docs/DEPLOYMENT.md)",
					database.getDatabaseProductName());
		}
	}

	private Path freeName(Instant takenAt) {
		String stamp = NAME_STAMP.format(takenAt);
		Path candidate = directory.resolve(PREFIX + stamp + SUFFIX);
		for (int n = 2; Files.exists(candidate); n++) {
			candidate = directory.resolve(PREFIX + stamp + "-" + n + SUFFIX);
		}
		return candidate;
	}

	private static Stream<Backup> listed(Path file) {
		Matcher name = COPY_NAME.matcher(file.getFileName().toString());
		if (!name.matches()) {
			return Stream.empty();
		}
		try {
			return Stream.of(new Backup(file.toString(), Files.size(file), NAME_STAMP.parse(name.group(1), Instant::from), -1));
		}
		catch (IOException deletedMeanwhile) {
			return Stream.empty();
		}
	}

}
