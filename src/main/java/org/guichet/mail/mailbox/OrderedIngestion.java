package org.guichet.mail.mailbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs the ingestion of a fetched batch on {@code guichet.mail.ingest-threads} threads (2 by
 * default; 1 ingests in the reader's own thread, one message after the other), keeping in the
 * batch's order every two messages that share a key ({@link org.guichet.mail.ingest.IngestionOrder}):
 * the messages are split into groups, a group holding every message tied to another of it by a
 * key, and each group is ingested in order by one thread while the other groups go on beside it.
 * The threads are shared by every mailbox of the node.
 */
@Component
class OrderedIngestion {

	private final int threads;

	private final ExecutorService pool;

	OrderedIngestion(@Value("${guichet.mail.ingest-threads:2}") int threads) {
		if (threads < 1) {
			throw new IllegalArgumentException("guichet.mail.ingest-threads must be at least 1, not " + threads);
		}
		this.threads = threads;
		AtomicInteger number = new AtomicInteger();
		this.pool = Executors.newFixedThreadPool(threads, runnable -> {
			Thread thread = new Thread(runnable, "mail-ingest-" + number.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Ingests every item and returns once all are done.
	 *
	 * @param items the batch, in the mailbox's order
	 * @param keys the keys of an item: two items sharing one are ingested in the batch's order, never at once
	 * @param ingest what is done with one item; it must not throw (an item's failure is its own business)
	 * @throws IllegalStateException when an item threw anyway, or the wait was interrupted (after
	 *         the other groups finished, or with the interrupt flag set)
	 */
	<T> void run(List<T> items, Function<T, ? extends Collection<String>> keys, Consumer<T> ingest) {
		List<List<T>> groups = groups(items, keys);
		if (threads == 1 || groups.size() <= 1) {
			groups.forEach(group -> group.forEach(ingest));
			return;
		}
		List<Future<?>> running = new ArrayList<>();
		for (List<T> group : groups) {
			running.add(pool.submit(() -> group.forEach(ingest)));
		}
		RuntimeException failure = null;
		for (Future<?> future : running) {
			try {
				future.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				running.forEach(other -> other.cancel(false));
				throw new IllegalStateException("interrupted while the batch was ingested", ex);
			}
			catch (ExecutionException ex) {
				failure = failure != null ? failure : new IllegalStateException("a message's ingestion threw", ex.getCause());
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

	/**
	 * The items split into groups that share no key, each in the batch's order; the groups in the
	 * order of their first item.
	 */
	static <T> List<List<T>> groups(List<T> items, Function<T, ? extends Collection<String>> keys) {
		int[] parent = new int[items.size()];
		Map<String, Integer> owner = new HashMap<>();
		for (int i = 0; i < items.size(); i++) {
			parent[i] = i;
			for (String key : keys.apply(items.get(i))) {
				Integer other = owner.putIfAbsent(key, i);
				if (other != null) {
					union(parent, other, i);
				}
			}
		}
		Map<Integer, List<T>> groups = new LinkedHashMap<>();
		for (int i = 0; i < items.size(); i++) {
			groups.computeIfAbsent(root(parent, i), root -> new ArrayList<>()).add(items.get(i));
		}
		return List.copyOf(groups.values());
	}

	private static void union(int[] parent, int a, int b) {
		int rootA = root(parent, a);
		int rootB = root(parent, b);
		if (rootA != rootB) {
			parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
		}
	}

	private static int root(int[] parent, int i) {
		int root = i;
		while (parent[root] != root) {
			root = parent[root];
		}
		while (parent[i] != root) {
			int next = parent[i];
			parent[i] = root;
			i = next;
		}
		return root;
	}

	@PreDestroy
	void stop() {
		pool.shutdownNow();
	}

}
