package org.guichet.tickets;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The category tree as it stands, shared by everything that asks whether a category is another
 * one or under it, at any depth: SLA policy conditions, routing conditions and skills, the
 * queue and API filters, and the reports and search facets to come.
 * <p>
 * The tree is kept in memory as an immutable {@link CategoryTree} while the categories are
 * unchanged: each call reads one aggregate (the count and the sum of the versions of the
 * categories), so a change committed on any node is seen on every node at its next call, and
 * a change made earlier in the caller's transaction is seen too (the query flushes it first).
 * A transaction that changes categories reads the tree before its changes (as the
 * administration page does): a tree read after them and then rolled back would be kept if
 * changes committed meanwhile happened to reach the same stamp.
 */
@Service
@Transactional(readOnly = true)
public class Categories {

	/** What changes when a category is added, moved, renamed, deactivated or reactivated. */
	record Stamp(long count, long versions) {
	}

	private record Snapshot(Stamp stamp, CategoryTree tree) {
	}

	private final CategorySnapshots snapshots;

	private volatile Snapshot snapshot = new Snapshot(new Stamp(-1, -1), CategoryTree.EMPTY);

	Categories(CategorySnapshots snapshots) {
		this.snapshots = snapshots;
	}

	/** The current tree; the same instance while no category changes. */
	public CategoryTree tree() {
		Stamp stamp = snapshots.stamp();
		Snapshot kept = snapshot;
		if (kept.stamp().equals(stamp)) {
			return kept.tree();
		}
		CategoryTree tree = new CategoryTree(snapshots.nodes());
		snapshot = new Snapshot(stamp, tree);
		return tree;
	}

	/**
	 * The category followed by its parents up to its root; empty, without reading anything, for
	 * no category, and empty for an unknown one.
	 */
	public List<Long> lineage(@Nullable Long categoryId) {
		return categoryId == null ? List.of() : tree().lineage(categoryId);
	}

	/** The category and all its sub-categories, at any depth; empty for an unknown one. */
	public Set<Long> subtree(long categoryId) {
		return tree().subtree(categoryId);
	}

}
