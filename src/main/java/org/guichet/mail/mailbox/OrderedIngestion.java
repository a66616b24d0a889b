package org.guichet.mail.mailbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
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
 * key; the groups are dealt to one lane per thread (each to the lane holding the fewest messages
 * so far), and each lane is ingested in the batch's order by one thread, by runs of up to
 * {@code guichet.mail.ingest-together} messages (20 by default; one transaction each), while the
 * other lanes go on beside it. The threads are shared by every mailbox of the node.
 */
@Component
class OrderedIngestion {

	private final int threads;

	private final int together;

	private final ExecutorService pool;

	OrderedIngestion(@Value("${guichet.mail.ingest-threads:2}") int threads,
			@Value("${guichet.mail.ingest-together:20}") int together) {
		if (threads < 1) {
			throw new IllegalArgumentException("guichet.mail.ingest-threads must be at least 1, not " + threads);
		}
		if (together < 1) {
			throw new IllegalArgumentException("guichet.mail.ingest-together must be at least 1, not " + together);
		}
		this.threads = threads;
		this.together = together;
		AtomicInteger number = new AtomicInteger();
		this.pool = Executors.newFixedThreadPool(threads, runnable -> {
			Thread thread = new Thread(runnable, "mail-ingest-" + number.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Ingests every item, by runs of a lane, and returns once all are done.
	 *
	 * @param items the batch, in the mailbox's order
	 * @param keys the keys of an item: two items sharing one are ingested in the batch's order, never at once
	 * @param ingest what is done with one run of items (1 to {@code guichet.mail.ingest-together}, in
	 *        the batch's order); it must not throw (a run's failure is its own business)
	 * @throws IllegalStateException when a run threw anyway, or the wait was interrupted (after
	 *         the other lanes finished, or with the interrupt flag set)
	 */
	<T> void run(List<T> items, Function<T, ? extends Collection<String>> keys, Consumer<List<T>> ingest) {
		List<List<T>> lanes = lanes(indexGroups(items, keys), threads).stream()
			.map(lane -> lane.stream().map(items::get).toList())
			.toList();
		if (lanes.size() <= 1) {
			lanes.forEach(lane -> runs(lane, together).forEach(ingest));
			return;
		}
		List<Future<?>> running = new ArrayList<>();
		for (List<T> lane : lanes) {
			running.add(pool.submit(() -> runs(lane, together).forEach(ingest)));
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
	 * The groups dealt to at most {@code count} lanes, each group whole to the lane that holds the
	 * fewest items when its turn comes (the first such lane), in the order of the groups' first items;
	 * a lane's items in the batch's order. No empty lane.
	 *
	 * @param groups the positions in the batch of each group's items, as {@link #indexGroups} gives them
	 * @return the positions in the batch of each lane's items, ascending
	 */
	static List<List<Integer>> lanes(List<List<Integer>> groups, int count) {
		List<List<Integer>> lanes = new ArrayList<>();
		for (List<Integer> group : groups) {
			List<Integer> emptiest = null;
			if (lanes.size() < count) {
				emptiest = new ArrayList<>();
				lanes.add(emptiest);
			}
			else {
				for (List<Integer> lane : lanes) {
					if (emptiest == null || lane.size() < emptiest.size()) {
						emptiest = lane;
					}
				}
			}
			emptiest.addAll(group);
		}
		lanes.forEach(Collections::sort);
		return lanes;
	}

	/** The lane cut into consecutive runs of at most {@code size} items. */
	static <T> List<List<T>> runs(List<T> lane, int size) {
		List<List<T>> runs = new ArrayList<>();
		for (int start = 0; start < lane.size(); start += size) {
			runs.add(lane.subList(start, Math.min(lane.size(), start + size)));
		}
		return runs;
	}

	/**
	 * The items split into groups that share no key, each in the batch's order; the groups in the
	 * order of their first item.
	 */
	static <T> List<List<T>> groups(List<T> items, Function<T, ? extends Collection<String>> keys) {
		return indexGroups(items, keys).stream().map(group -> group.stream().map(items::get).toList()).toList();
	}

	/** The groups of {@link #groups} as the positions of their items in the batch. */
	static <T> List<List<Integer>> indexGroups(List<T> items, Function<T, ? extends Collection<String>> keys) {
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
		Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
		for (int i = 0; i < items.size(); i++) {
			groups.computeIfAbsent(root(parent, i), root -> new ArrayList<>()).add(i);
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
