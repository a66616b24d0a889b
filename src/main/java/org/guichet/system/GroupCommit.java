package org.guichet.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rows that concurrent requests each want stored and committed before they answer, written
 * together: one transaction and one commit for all the rows that arrived while the previous commit
 * was running (a group commit). Each caller still returns only once its own row is committed, so
 * an answer given after {@link #commit} is as durable as one given after a transaction of its own;
 * what is saved is the commit's fixed cost (on H2 a store of every page changed, on PostgreSQL a WAL
 * flush), paid once a group instead of once a row. Nothing waits for company: a row that arrives
 * while no commit runs is written at once, alone.
 *
 * <p>A group that fails (a unique constraint, a lock, the database away) fails as a whole: every
 * caller of that group gets {@code false} and stores its row alone, the way it would without this
 * class, which decides row by row what the failure was.
 *
 * @param <T> what one caller wants written
 */
public final class GroupCommit<T> {

	private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

	private final TransactionTemplate transactions;

	private final Consumer<List<T>> writer;

	private final int maxGroup;

	private final ReentrantLock committing = new ReentrantLock();

	private final Queue<Entry<T>> waiting = new ConcurrentLinkedQueue<>();

	/**
	 * @param transactions the transactions the groups are written in
	 * @param writer writes a group's rows (in arrival order, 1 to {@code maxGroup} of them) in the
	 *        transaction it is called in; a failure it throws fails the group
	 * @param maxGroup the most rows written in one transaction, at least 1
	 * @throws IllegalArgumentException when {@code maxGroup} is below 1
	 */
	public GroupCommit(TransactionTemplate transactions, Consumer<List<T>> writer, int maxGroup) {
		if (maxGroup < 1) {
			throw new IllegalArgumentException("a group of at least 1 row, not " + maxGroup);
		}
		this.transactions = transactions;
		this.writer = writer;
		this.maxGroup = maxGroup;
	}

	/**
	 * Writes this row with the others waiting, and returns once the transaction that held it ended.
	 * Blocks the calling thread meanwhile (for the commit running, then its group's).
	 *
	 * @param row what to write, not null
	 * @return {@code true} when the row is committed; {@code false} when its group failed and
	 *         nothing of the group was stored: the caller writes the row alone
	 */
	public boolean commit(T row) {
		Entry<T> mine = new Entry<>(row);
		waiting.add(mine);
		committing.lock();
		try {
			while (mine.pending) {
				write(next());
			}
		}
		finally {
			committing.unlock();
		}
		return mine.committed;
	}

	/** How many rows wait for their group's turn now (a moment's figure: it changes as callers come). */
	int waiting() {
		return waiting.size();
	}

	private List<Entry<T>> next() {
		List<Entry<T>> group = new ArrayList<>();
		Entry<T> entry;
		while (group.size() < maxGroup && (entry = waiting.poll()) != null) {
			group.add(entry);
		}
		return group;
	}

	private void write(List<Entry<T>> group) {
		boolean committed;
		try {
			transactions.executeWithoutResult(status -> writer.accept(group.stream().map(Entry::row).toList()));
			committed = true;
		}
		catch (RuntimeException ex) {
			log.debug("A group of {} rows was not written; each is written alone", group.size(), ex);
			committed = false;
		}
		for (Entry<T> entry : group) {
			entry.committed = committed;
			entry.pending = false;
		}
	}

	/** One caller's row; its fields change and are read under {@link #committing}. */
	private static final class Entry<T> {

		private final T row;

		private boolean pending = true;

		private boolean committed;

		private Entry(T row) {
			this.row = row;
		}

		private T row() {
			return row;
		}

	}

}
