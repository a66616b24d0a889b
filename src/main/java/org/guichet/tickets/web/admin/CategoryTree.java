package org.guichet.tickets.web.admin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.guichet.tickets.Category;
import org.jspecify.annotations.Nullable;

/**
 * The whole category tree in memory (an organisation has tens or hundreds of categories, not
 * millions): the order to show it in, and which moves would make a category its own ancestor.
 */
final class CategoryTree {

	/** A category and how deep it sits: 0 for a root. */
	record Node(Category category, int depth) {
	}

	private final Map<Long, Category> byId = new LinkedHashMap<>();

	private final List<Node> nodes = new ArrayList<>();

	CategoryTree(List<Category> categories) {
		Map<@Nullable Long, List<Category>> children = new HashMap<>();
		for (Category category : categories) {
			byId.put(category.getId(), category);
			Long parentId = category.getParent() == null ? null : category.getParent().getId();
			children.computeIfAbsent(parentId, k -> new ArrayList<>()).add(category);
		}
		children.values().forEach(list -> list.sort(Comparator.comparing(Category::getName, String.CASE_INSENSITIVE_ORDER)));
		addChildren(null, 0, children, new HashSet<>());
	}

	private void addChildren(@Nullable Long parentId, int depth, Map<@Nullable Long, List<Category>> children,
			Set<Long> seen) {
		for (Category child : children.getOrDefault(parentId, List.of())) {
			if (seen.add(child.getId())) {
				nodes.add(new Node(child, depth));
				addChildren(child.getId(), depth + 1, children, seen);
			}
		}
	}

	/** Depth first, siblings by name. */
	List<Node> nodes() {
		return nodes;
	}

	Optional<Category> find(long id) {
		return Optional.ofNullable(byId.get(id));
	}

	/** Whether {@code candidate} is the category itself or one of its sub-categories, at any depth. */
	boolean isWithin(long candidate, long categoryId) {
		Category current = byId.get(candidate);
		Set<Long> seen = new HashSet<>();
		while (current != null && seen.add(current.getId())) {
			if (current.getId() == categoryId) {
				return true;
			}
			current = current.getParent() == null ? null : byId.get(current.getParent().getId());
		}
		return false;
	}

	/** The categories that may become the parent of the given one: all but itself and its own sub-categories. */
	List<Node> possibleParentsOf(@Nullable Long categoryId) {
		return categoryId == null ? nodes
				: nodes.stream().filter(node -> !isWithin(node.category().getId(), categoryId)).toList();
	}

}
