package org.guichet.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The generations of the shared data that nodes keep a copy of in memory (table
 * {@code cache_generation}, one row per name). A change moves its name's generation on in the
 * transaction that makes it ({@link #changed}); each node reads every generation in one query, at
 * most once per {@code guichet.cache.check-interval} (1 s by default), so that a copy older than
 * another node's change is dropped within that interval, and at once on the node that made it,
 * after its commit. Holders of a copy use {@link SharedCache}.
 */
@Component
public class CacheGenerations {

	/** The generations read at that instant, after that many commits of changes on this node. */
	private record Read(Map<String, Long> generations, Instant at, long localChanges) {
	}

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final Duration interval;

	private final AtomicLong localChanges = new AtomicLong();

	private volatile @Nullable Read read;

	/**
	 * @param interval how long this node uses the generations it read before reading them again
	 */
	public CacheGenerations(JdbcTemplate jdbc, Clock clock,
			@Value("${guichet.cache.check-interval:PT1S}") Duration interval) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.interval = interval;
	}

	/**
	 * The generation of that name as last read on this node, read again when older than the
	 * interval or after a change of this node.
	 *
	 * @return 0 for a name never changed
	 */
	public long current(String name) {
		Instant now = clock.instant();
		long changes = localChanges.get();
		Read last = read;
		if (last == null || last.localChanges() != changes || !now.isBefore(last.at().plus(interval))
				|| now.isBefore(last.at())) {
			Map<String, Long> generations = new HashMap<>();
			jdbc.query("select name, generation from cache_generation",
					row -> { generations.put(row.getString(1), row.getLong(2)); });
			last = new Read(Map.copyOf(generations), now, changes);
			read = last;
		}
		return last.generations().getOrDefault(name, 0L);
	}

	/**
	 * Moves the generation of that name on, in the current transaction (or at once without one);
	 * once it commits, this node reads the generations again at its next use. Every node drops its
	 * copy within the interval.
	 *
	 * @param name the data's name, at most 100 characters
	 */
	public void changed(String name) {
		if (jdbc.update("update cache_generation set generation = generation + 1 where name = ?", name) == 0) {
			jdbc.update("insert into cache_generation (name, generation) values (?, 1)", name);
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			changedInThisTransaction().add(name);
		}
		else {
			localChanges.incrementAndGet();
		}
	}

	/**
	 * Whether the current transaction changed that name's data and has not committed yet: what it
	 * reads of it then may never be committed, and no copy of it is kept.
	 */
	public boolean changedInThisTransaction(String name) {
		return TransactionSynchronizationManager.isSynchronizationActive()
				&& TransactionSynchronizationManager.getResource(this) instanceof Set<?> names && names.contains(name);
	}

	@SuppressWarnings("unchecked")
	private Set<String> changedInThisTransaction() {
		Object names = TransactionSynchronizationManager.getResource(this);
		if (names != null) {
			return (Set<String>) names;
		}
		Set<String> created = new HashSet<>();
		TransactionSynchronizationManager.bindResource(this, created);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(CacheGenerations.this);
				if (status == STATUS_COMMITTED) {
					localChanges.incrementAndGet();
				}
			}

		});
		return created;
	}

}
