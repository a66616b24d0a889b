package org.guichet.tickets;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The category tree as it stands, shared by everything that asks whether a category is another
 * one or under it, at any depth: SLA policy conditions, routing conditions and skills, the
 * queue and API filters, and the reports and search facets to come.
 * <p>
 * The tree is kept in memory as an immutable {@link CategoryTree} while the categories are
 * unchanged: the first question of a transaction reads one aggregate (the count and the sum of
 * the versions of the categories), so a change committed on any node is seen on every node by
 * the next transaction that asks, and the later questions of the same transaction get the same
 * tree without reading anything (a ticket's registration asks routing, skills and the SLA).
 * A tree read inside a transaction that may write is shared with the others only once that
 * transaction has committed: read after its own uncommitted changes, it could hold a category
 * that a rollback then removes, under the count and versions of the next real change.
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

	/**
	 * The current tree: the same instance while no category changes, and the same one
	 * throughout a transaction.
	 */
	public CategoryTree tree() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return current();
		}
		CategoryTree asked = (CategoryTree) TransactionSynchronizationManager.getResource(this);
		if (asked != null) {
			return asked;
		}
		CategoryTree tree = current();
		TransactionSynchronizationManager.bindResource(this, tree);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(Categories.this);
			}
		});
		return tree;
	}

	private CategoryTree current() {
		Stamp stamp = snapshots.stamp();
		Snapshot kept = snapshot;
		if (kept.stamp().equals(stamp)) {
			return kept.tree();
		}
		Snapshot read = new Snapshot(stamp, new CategoryTree(snapshots.nodes()));
		if (TransactionSynchronizationManager.isSynchronizationActive()
				&& !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					snapshot = read;
				}
			});
		}
		else {
			snapshot = read;
		}
		return read.tree();
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
