package org.guichet.system;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * A copy, kept in this node's memory, of data every node shares: loaded at first use, and again
 * once the data's generation ({@link CacheGenerations}) moved, that is at once on the node that
 * changed it (after its commit) and within {@code guichet.cache.check-interval} on the others. What
 * a transaction that changed the data and has not committed reads of it is given but not kept.
 *
 * @param <T> the copy, immutable: every thread of the node shares it
 */
public final class SharedCache<T> {

	private record Kept<T>(long generation, T value) {
	}

	private final CacheGenerations generations;

	private final String name;

	private final Supplier<T> load;

	private volatile @Nullable Kept<T> kept;

	/**
	 * @param name the data's name in {@code cache_generation}, at most 100 characters
	 * @param load reads the data from the database; it never gives null
	 */
	public SharedCache(CacheGenerations generations, String name, Supplier<T> load) {
		this.generations = generations;
		this.name = name;
		this.load = load;
	}

	/**
	 * The copy, loaded again when its generation moved; in a transaction that changed the data,
	 * the data as that transaction sees it.
	 */
	public T get() {
		if (generations.changedInThisTransaction(name)) {
			return load.get();
		}
		long generation = generations.current(name);
		Kept<T> last = kept;
		if (last != null && last.generation() == generation) {
			return last.value();
		}
		T value = load.get();
		kept = new Kept<>(generation, value);
		return value;
	}

	/** Says the data changed, in the current transaction: every node's copy goes (see {@link CacheGenerations#changed}). */
	public void changed() {
		generations.changed(name);
	}

}
