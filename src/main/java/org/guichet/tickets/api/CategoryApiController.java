package org.guichet.tickets.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.guichet.tickets.Categories;
import org.guichet.tickets.CategoryTree;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tree of active categories, for choosing one when filing a ticket.
 */
@RestController
class CategoryApiController {

	private final Categories categories;

	private final ApiTransactions transactions;

	CategoryApiController(Categories categories, ApiTransactions transactions) {
		this.categories = categories;
		this.transactions = transactions;
	}

	@GetMapping(path = "/api/v1/categories", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("isAuthenticated()")
	List<CategoryNode> tree() {
		return transactions.read(() -> tree(categories.tree()));
	}

	/** Leaves out inactive categories and everything under them, at any depth. */
	private static List<CategoryNode> tree(CategoryTree tree) {
		Map<Long, CategoryNode> nodes = new HashMap<>();
		List<CategoryNode> roots = new ArrayList<>();
		for (CategoryTree.Placed placed : tree.depthFirst()) {
			if (!tree.isOffered(placed.id())) {
				continue;
			}
			CategoryTree.Node category = tree.find(placed.id()).orElseThrow();
			CategoryNode node = new CategoryNode(category.id(), category.name(), tree.path(category.id()),
					new ArrayList<>());
			nodes.put(category.id(), node);
			(placed.depth() == 0 ? roots : nodes.get(category.parentId()).children()).add(node);
		}
		return roots;
	}

	record CategoryNode(long id, String name, String path, List<CategoryNode> children) {
	}

}
