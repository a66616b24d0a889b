package org.guichet.tickets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.guichet.system.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * An immutable snapshot of the whole category tree (an organisation has tens or hundreds of
 * categories, not millions), answering at any depth the one question every filter and condition
 * on a category asks: is this category that one or under it? {@link Categories#tree()} gives the
 * current one.
 * <p>
 * Built from the parent pointers as they are stored, it never loops: a category whose parents
 * lead back to itself (which the application refuses, but raw SQL could write) ends its lineage
 * where the loop starts and sits outside the depth-first order.
 */
public final class CategoryTree {

	/** The separator of the names in a category's path: "Software › Mail › Webmail". */
	static final String PATH_SEPARATOR = " › ";

	/**
	 * One category as the tree knows it.
	 * @param parentId null for a root
	 */
	public record Node(long id, @Nullable Long parentId, String name, boolean active) {
	}

	/** A category's place in the depth-first order: its depth is 0 for a root. */
	public record Placed(long id, int depth) {
	}

	static final CategoryTree EMPTY = new CategoryTree(List.of());

	private final Map<Long, Node> byId = new HashMap<>();

	private final Map<@Nullable Long, List<Long>> children = new HashMap<>();

	private final List<Placed> depthFirst = new ArrayList<>();

	/** @param nodes every category, in any order */
	public CategoryTree(Collection<Node> nodes) {
		nodes.forEach(node -> byId.put(node.id(), node));
		Map<@Nullable Long, List<Node>> byParent = new HashMap<>();
		for (Node node : nodes) {
			Long parentId = node.parentId() != null && byId.containsKey(node.parentId()) ? node.parentId() : null;
			byParent.computeIfAbsent(parentId, k -> new ArrayList<>()).add(node);
		}
		Comparator<Node> byName = Comparator.comparing(Node::name, String.CASE_INSENSITIVE_ORDER)
			.thenComparingLong(Node::id);
		byParent.forEach((parentId, list) -> {
			list.sort(byName);
			children.put(parentId, list.stream().map(Node::id).toList());
		});
		place(null, 0, new HashSet<>());
	}

	private void place(@Nullable Long parentId, int depth, Set<Long> seen) {
		for (Long child : children.getOrDefault(parentId, List.of())) {
			if (seen.add(child)) {
				depthFirst.add(new Placed(child, depth));
				place(child, depth + 1, seen);
			}
		}
	}

	/** The category as the tree holds it; empty for an unknown one. */
	public Optional<Node> find(long categoryId) {
		return Optional.ofNullable(byId.get(categoryId));
	}

	/**
	 * The category followed by its parent, its parent's parent… up to its root: what a condition
	 * or a skill on a category matches against. Empty for null or an unknown category.
	 */
	public List<Long> lineage(@Nullable Long categoryId) {
		List<Long> lineage = new ArrayList<>(4);
		Node node = categoryId == null ? null : byId.get(categoryId);
		Set<Long> seen = new HashSet<>();
		while (node != null && seen.add(node.id())) {
			lineage.add(node.id());
			node = node.parentId() == null ? null : byId.get(node.parentId());
		}
		return Collections.unmodifiableList(lineage);
	}

	/**
	 * The category and all its sub-categories at any depth, the category first then depth first:
	 * what a filter on a category lists. Empty for an unknown category.
	 */
	public Set<Long> subtree(long categoryId) {
		Set<Long> subtree = new LinkedHashSet<>();
		if (byId.containsKey(categoryId)) {
			collect(categoryId, subtree);
		}
		return Collections.unmodifiableSet(subtree);
	}

	private void collect(long categoryId, Set<Long> into) {
		if (into.add(categoryId)) {
			children.getOrDefault(categoryId, List.of()).forEach(child -> collect(child, into));
		}
	}

	/** Whether {@code candidate} is the category {@code ancestorId} itself or one of its sub-categories, at any depth. */
	public boolean isWithin(long candidate, long ancestorId) {
		return lineage(candidate).contains(ancestorId);
	}

	/**
	 * Whether the category may be chosen: it is active and so is every category above it (a
	 * deactivated category hides its sub-categories). False for an unknown category.
	 */
	public boolean isOffered(long categoryId) {
		List<Long> lineage = lineage(categoryId);
		return !lineage.isEmpty() && lineage.stream().allMatch(id -> byId.get(id).active());
	}

	/** The names from the root down to the category: "Software › Mail › Webmail"; empty for an unknown category. */
	public String path(long categoryId) {
		List<String> names = new ArrayList<>(lineage(categoryId).stream().map(id -> byId.get(id).name()).toList());
		Collections.reverse(names);
		return String.join(PATH_SEPARATOR, names);
	}

	/**
	 * Refuses a name another category under the same parent already has (case and accents as
	 * typed, letter case ignored): lists, filters and conditions could not tell the two apart.
	 * @param parentId null for a root
	 * @param exceptId the category being renamed or moved, which may keep its own name; null for a new one
	 * @throws InvalidInputException on the field {@code name}
	 */
	public void refuseSiblingNamed(String name, @Nullable Long parentId, @Nullable Long exceptId) {
		String wanted = name.strip();
		for (Long sibling : children.getOrDefault(parentId, List.of())) {
			if (!sibling.equals(exceptId) && byId.get(sibling).name().equalsIgnoreCase(wanted)) {
				throw new InvalidInputException("name", "category.name-taken",
						"Name: another category under the same parent has it; choose another name", wanted,
						parentId == null ? "" : path(parentId));
			}
		}
	}

	/** Every category reachable from a root, each under its parent, siblings by name. */
	public List<Placed> depthFirst() {
		return Collections.unmodifiableList(depthFirst);
	}

	/**
	 * The tree after moving a category, with its sub-categories, under another parent.
	 * @param parentId the new parent; null makes the category a root
	 * @throws InvalidInputException on the field {@code parentId} when the category or the
	 * parent does not exist, or when the parent is the category itself or one of its
	 * sub-categories (the tree would loop)
	 */
	public CategoryTree withParent(long categoryId, @Nullable Long parentId) {
		Node node = byId.get(categoryId);
		if (node == null) {
			throw new InvalidInputException("id", "category.unknown", "No such category", categoryId);
		}
		if (parentId != null && !byId.containsKey(parentId)) {
			throw new InvalidInputException("parentId", "category.parent-unknown",
					"Parent category: no such category; choose one from the list", parentId);
		}
		if (parentId != null && isWithin(parentId, categoryId)) {
			throw new InvalidInputException("parentId", "category.parent-cycle",
					"Parent category: a category cannot be placed under itself or one of its own sub-categories;"
							+ " choose a parent outside it, or none",
					path(categoryId), path(parentId));
		}
		List<Node> nodes = new ArrayList<>(byId.values());
		nodes.replaceAll(n -> n.id() == categoryId ? new Node(n.id(), parentId, n.name(), n.active()) : n);
		return new CategoryTree(nodes);
	}

}
