package org.guichet.tickets.web.admin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.guichet.tickets.Category;
import org.jspecify.annotations.Nullable;

/**
 * The categories as the administration page shows them: each under its parent, siblings by name,
 * in the order and with the depths of the shared {@link org.guichet.tickets.CategoryTree}.
 */
final class CategoryOutline {

	/** A category and how deep it sits: 0 for a root. */
	record Node(Category category, int depth) {
	}

	private final org.guichet.tickets.CategoryTree shape;

	private final Map<Long, Category> byId = new HashMap<>();

	private final List<Node> nodes;

	/** @param categories every category of {@code shape} */
	CategoryOutline(org.guichet.tickets.CategoryTree shape, List<Category> categories) {
		this.shape = shape;
		categories.forEach(category -> byId.put(category.getId(), category));
		this.nodes = shape.depthFirst()
			.stream()
			.filter(placed -> byId.containsKey(placed.id()))
			.map(placed -> new Node(byId.get(placed.id()), placed.depth()))
			.toList();
	}

	/** Depth first, siblings by name. */
	List<Node> nodes() {
		return nodes;
	}

	/** The categories that may become the parent of the given one: all but itself and its own sub-categories. */
	List<Node> possibleParentsOf(@Nullable Long categoryId) {
		return categoryId == null ? nodes
				: nodes.stream().filter(node -> !shape.isWithin(node.category().getId(), categoryId)).toList();
	}

}
