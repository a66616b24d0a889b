package org.guichet.reporting.recurring;

/**
 * Disjoint sets of the indexes 0 to n-1 (union by size, path halving): which items a set of
 * links has joined, in near-constant time per link.
 */
final class UnionFind {

	private final int[] parent;

	private final int[] size;

	UnionFind(int n) {
		parent = new int[n];
		size = new int[n];
		for (int i = 0; i < n; i++) {
			parent[i] = i;
			size[i] = 1;
		}
	}

	/** The representative of the item's set. */
	int find(int item) {
		int i = item;
		while (parent[i] != i) {
			parent[i] = parent[parent[i]];
			i = parent[i];
		}
		return i;
	}

	/** Joins the two items' sets; nothing when they are in one already. */
	void union(int first, int second) {
		int a = find(first);
		int b = find(second);
		if (a == b) {
			return;
		}
		if (size[a] < size[b]) {
			int swap = a;
			a = b;
			b = swap;
		}
		parent[b] = a;
		size[a] += size[b];
	}

	boolean joined(int first, int second) {
		return find(first) == find(second);
	}

}
