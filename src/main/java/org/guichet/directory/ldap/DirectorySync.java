package org.guichet.directory.ldap;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The synchronisation of the directory's people into Guichet's accounts: every person the
 * synchronisation filter selects is created or updated with the role and support groups their
 * groups give, managers are linked, and the directory accounts no longer found are deactivated,
 * never deleted. It runs on one node at a time, under a claim on the one row of
 * {@code directory_sync}, which also keeps what the last run did. A directory that cannot be read
 * completely deactivates nobody; nor does a search that finds nobody while accounts exist (a
 * filter gone wrong).
 */
@Service
public class DirectorySync {

	private static final Logger log = LoggerFactory.getLogger(DirectorySync.class);

	private static final int ERRORS_KEPT = 20;

	private static final int ERRORS_LENGTH = 4000;

	private final ObjectProvider<LdapDirectory> directory;

	private final DirectoryAccounts accounts;

	private final LdapSettings settings;

	private final GroupMappings mappings;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "directory-sync");
		thread.setDaemon(true);
		return thread;
	});

	DirectorySync(ObjectProvider<LdapDirectory> directory, DirectoryAccounts accounts, LdapSettings settings,
			JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		this.directory = directory;
		this.accounts = accounts;
		this.settings = settings;
		this.mappings = new GroupMappings(settings.groupMappings());
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * What the last synchronisation did, and whether one runs now.
	 *
	 * @param running when a node claimed the synchronisation that runs now; null when none runs
	 * @param startedAt when the last one started; null before the first
	 * @param finishedAt when it finished; null while the first runs
	 * @param succeeded whether it read the whole directory (people that could not be brought in
	 *        are counted in {@code failed}); null before the first
	 * @param found the people the directory returned
	 * @param errors what went wrong, one line each; null when nothing did
	 */
	public record LastSync(@Nullable Instant running, @Nullable Instant startedAt, @Nullable Instant finishedAt,
			@Nullable Boolean succeeded, int found, int created, int updated, int deactivated, int reactivated,
			int failed, @Nullable String errors) {

		/** The lines of {@code errors}, none when there are none. */
		public List<String> errorLines() {
			return errors == null ? List.of() : List.of(errors.split("\n"));
		}

	}

	/** Whether a directory is configured ({@code guichet.directory.ldap.enabled}). */
	public boolean enabled() {
		return directory.getIfAvailable() != null;
	}

	/** What the last synchronisation did, as every node sees it. */
	public LastSync last() {
		return jdbc.sql("select * from directory_sync where id = 1").query(DirectorySync::lastSync).single();
	}

	/**
	 * Starts a synchronisation in the background now, unless one runs (on any node).
	 *
	 * @return false when one runs already or no directory is configured: nothing was started
	 */
	public boolean start() {
		if (!enabled() || !claim(false)) {
			return false;
		}
		background.execute(this::runClaimed);
		return true;
	}

	/**
	 * Runs a synchronisation in the caller's thread, unless one runs (on any node).
	 *
	 * @param onlyWhenDue true to run only when the last one started {@code sync-interval} ago or
	 *        more (the schedule of every node asks this way)
	 * @return whether it ran; what it did is in {@link #last()}
	 */
	public boolean run(boolean onlyWhenDue) {
		if (!enabled() || !claim(onlyWhenDue)) {
			return false;
		}
		runClaimed();
		return true;
	}

	@PreDestroy
	void stop() {
		background.shutdownNow();
	}

	private boolean claim(boolean onlyWhenDue) {
		Instant now = clock.instant();
		// "due" is never later than now: without onlyWhenDue the condition holds for any last start
		Instant due = onlyWhenDue ? now.minus(settings.syncInterval()) : now.plusSeconds(1);
		return jdbc.sql("update directory_sync set claimed_at = :now where id = 1"
				+ " and (claimed_at is null or claimed_at < :stale) and (started_at is null or started_at <= :due)")
			.param("now", Timestamp.from(now))
			.param("stale", Timestamp.from(now.minus(settings.syncClaimTimeout())))
			.param("due", Timestamp.from(due))
			.update() == 1;
	}

	private void runClaimed() {
		Instant start = clock.instant();
		Run run = new Run();
		boolean succeeded = false;
		try {
			LdapDirectory ldap = directory.getObject();
			Map<String, Set<String>> memberships = ldap.memberships(mappings);
			ldap.people(page -> page.forEach(person -> bringIn(person, memberships, start, run)));
			transactions.executeWithoutResult(status -> accounts.linkManagers(run.managers, run.userIds));
			if (run.seen.isEmpty() && accounts.any()) {
				run.error("The directory returned nobody: nobody was deactivated (see guichet.directory.ldap.user-sync-filter)");
			}
			else {
				Integer deactivated = transactions
					.execute(status -> accounts.deactivateMissing(start, run.seen, clock.instant()));
				run.deactivated = deactivated == null ? 0 : deactivated;
				succeeded = true;
			}
		}
		catch (RuntimeException ex) {
			log.warn("The directory synchronisation stopped; nobody was deactivated", ex);
			run.error(ex.getMessage() == null ? ex.getClass().getName() : ex.getMessage());
		}
		finally {
			record(start, succeeded, run);
		}
		log.info("Directory synchronised: {} found, {} created, {} updated, {} deactivated, {} reactivated, {} failed",
				run.seen.size(), run.created, run.updated, run.deactivated, run.reactivated, run.failed);
	}

	private void bringIn(DirectoryPerson person, Map<String, Set<String>> memberships, Instant start, Run run) {
		run.seen.add(person.externalId());
		String dn = DistinguishedNames.normalise(person.dn());
		try {
			DirectoryAccounts.Applied applied = transactions
				.execute(status -> accounts.apply(person, memberships.getOrDefault(dn, Set.of()), start));
			run.userIds.put(dn, applied.userId());
			run.managers.put(applied.userId(),
					person.managerDn() == null ? null : DistinguishedNames.normalise(person.managerDn()));
			switch (applied.outcome()) {
				case CREATED -> run.created++;
				case UPDATED -> run.updated++;
				case REACTIVATED -> run.reactivated++;
				case UNCHANGED -> {
				}
			}
		}
		catch (RuntimeException ex) {
			run.failed++;
			run.error(person.username() + ": " + ex.getMessage());
		}
	}

	private void record(Instant start, boolean succeeded, Run run) {
		String errors = run.errors.isEmpty() ? null : String.join("\n", run.errors);
		jdbc.sql("update directory_sync set claimed_at = null, started_at = :start, finished_at = :end,"
				+ " succeeded = :succeeded, found = :found, created = :created, updated = :updated,"
				+ " deactivated = :deactivated, reactivated = :reactivated, failed = :failed, errors = :errors where id = 1")
			.param("start", Timestamp.from(start))
			.param("end", Timestamp.from(clock.instant()))
			.param("succeeded", succeeded)
			.param("found", run.seen.size())
			.param("created", run.created)
			.param("updated", run.updated)
			.param("deactivated", run.deactivated)
			.param("reactivated", run.reactivated)
			.param("failed", run.failed)
			.param("errors", errors == null || errors.length() <= ERRORS_LENGTH ? errors : errors.substring(0, ERRORS_LENGTH))
			.update();
	}

	private static LastSync lastSync(ResultSet row, int number) throws SQLException {
		Object succeeded = row.getObject("succeeded");
		return new LastSync(instant(row, "claimed_at"), instant(row, "started_at"), instant(row, "finished_at"),
				succeeded == null ? null : row.getBoolean("succeeded"), row.getInt("found"), row.getInt("created"),
				row.getInt("updated"), row.getInt("deactivated"), row.getInt("reactivated"), row.getInt("failed"),
				row.getString("errors"));
	}

	private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
		Timestamp value = row.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	/** What one run counted. */
	private static final class Run {

		final Set<String> seen = new HashSet<>();

		final Map<String, Long> userIds = new HashMap<>();

		final Map<Long, @Nullable String> managers = new HashMap<>();

		final List<String> errors = new ArrayList<>();

		int created;

		int updated;

		int deactivated;

		int reactivated;

		int failed;

		void error(String line) {
			if (errors.size() < ERRORS_KEPT) {
				errors.add(line);
			}
		}

	}

}
