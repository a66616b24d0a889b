package org.guichet.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

class GroupCommitTests {

	private final AtomicInteger commits = new AtomicInteger();

	private final AtomicInteger rollbacks = new AtomicInteger();

	private final List<List<String>> groups = new ArrayList<>();

	private final ExecutorService callers = Executors.newCachedThreadPool();

	/** Counted down when the row "first" is being written: the rows sent after it queue. */
	private final CountDownLatch firstWriting = new CountDownLatch(1);

	/** Lets the row "first"'s group end. */
	private final CountDownLatch release = new CountDownLatch(1);

	private final TransactionTemplate transactions = new TransactionTemplate(new AbstractPlatformTransactionManager() {

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
			commits.incrementAndGet();
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
			rollbacks.incrementAndGet();
		}
	});

	@AfterEach
	void stop() {
		callers.shutdownNow();
	}

	@Test
	void aRowArrivingWhileNoCommitRunsIsWrittenAtOnceInATransactionOfItsOwn() {
		GroupCommit<String> group = new GroupCommit<>(transactions, recording(rows -> {
		}), 10);

		assertThat(group.commit("a")).isTrue();
		assertThat(group.commit("b")).isTrue();

		assertThat(groups).containsExactly(List.of("a"), List.of("b"));
		assertThat(commits).hasValue(2);
	}

	@Test
	void rowsArrivingWhileACommitRunsAreWrittenTogetherInTheNextTransactionAndEachCallerReturnsAfterIt()
			throws Exception {
		GroupCommit<String> group = new GroupCommit<>(transactions, recording(rows -> {
		}), 10);
		Future<Boolean> first = writingFirst(group);

		List<Future<Boolean>> others = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			String row = "row-" + i;
			others.add(callers.submit(() -> group.commit(row)));
		}
		waitUntilQueued(group, 5);
		assertThat(others).noneMatch(Future::isDone);
		release.countDown();

		assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
		for (Future<Boolean> other : others) {
			assertThat(other.get(10, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(groups).hasSize(2);
		assertThat(groups.get(1)).containsExactlyInAnyOrder("row-0", "row-1", "row-2", "row-3", "row-4");
		assertThat(commits).hasValue(2);
	}

	@Test
	void aGroupIsNeverLargerThanItsLimit() throws Exception {
		GroupCommit<String> group = new GroupCommit<>(transactions, recording(rows -> {
		}), 2);
		Future<Boolean> first = writingFirst(group);
		List<Future<Boolean>> others = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			String row = "row-" + i;
			others.add(callers.submit(() -> group.commit(row)));
		}
		waitUntilQueued(group, 5);
		release.countDown();

		assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
		for (Future<Boolean> other : others) {
			assertThat(other.get(10, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(groups).allMatch(rows -> rows.size() <= 2);
		assertThat(groups.stream().mapToInt(List::size).sum()).isEqualTo(6);
	}

	@Test
	void aGroupThatFailsIsRolledBackAndTellsEachOfItsCallersToWriteAloneWhileTheNextGroupIsWritten() throws Exception {
		GroupCommit<String> group = new GroupCommit<>(transactions, recording(rows -> {
			if (rows.contains("duplicate")) {
				throw new IllegalStateException("a unique constraint");
			}
		}), 10);
		Future<Boolean> first = writingFirst(group);
		Future<Boolean> duplicate = callers.submit(() -> group.commit("duplicate"));
		Future<Boolean> beside = callers.submit(() -> group.commit("beside"));
		waitUntilQueued(group, 2);
		release.countDown();

		assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
		assertThat(duplicate.get(10, TimeUnit.SECONDS)).isFalse();
		assertThat(beside.get(10, TimeUnit.SECONDS)).isFalse();
		assertThat(rollbacks).hasValue(1);

		assertThat(group.commit("later")).isTrue();
		assertThat(commits).hasValue(2);
	}

	/** Records each group written, holds the group of "first" until {@link #release}, then writes with {@code writer}. */
	private Consumer<List<String>> recording(Consumer<List<String>> writer) {
		return rows -> {
			synchronized (groups) {
				groups.add(List.copyOf(rows));
			}
			if (rows.contains("first")) {
				firstWriting.countDown();
				await(release);
			}
			writer.accept(rows);
		};
	}

	/** Sends the row "first" on another thread and returns once its group is being written. */
	private Future<Boolean> writingFirst(GroupCommit<String> group) throws InterruptedException {
		Future<Boolean> first = callers.submit(() -> group.commit("first"));
		assertThat(firstWriting.await(10, TimeUnit.SECONDS)).isTrue();
		return first;
	}

	private static void waitUntilQueued(GroupCommit<String> group, int rows) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (group.waiting() < rows) {
			assertThat(System.nanoTime()).as("%d rows queued", rows).isLessThan(deadline);
			Thread.sleep(5);
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
