package org.guichet.tickets.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.guichet.tickets.Category;
import org.guichet.tickets.CategoryRepository;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tree of active categories, for choosing one when filing a ticket.
 */
@RestController
class CategoryApiController {

	private final CategoryRepository categories;

	private final ApiTransactions transactions;

	CategoryApiController(CategoryRepository categories, ApiTransactions transactions) {
		this.categories = categories;
		this.transactions = transactions;
	}

	@GetMapping(path = "/api/v1/categories", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("isAuthenticated()")
	List<CategoryNode> tree() {
		return transactions.read(() -> tree(categories.findAllOrdered()));
	}

	/** Leaves out inactive categories and everything under them. */
	private static List<CategoryNode> tree(List<Category> ordered) {
		Map<Long, CategoryNode> nodes = new LinkedHashMap<>();
		List<CategoryNode> roots = new ArrayList<>();
		for (Category category : ordered) {
			Category parent = category.getParent();
			CategoryNode parentNode = parent == null ? null : nodes.get(parent.getId());
			if (!category.isActive() || category.getId() == null || (parent != null && parentNode == null)) {
				continue;
			}
			CategoryNode node = new CategoryNode(category.getId(), category.getName(), category.getPath(),
					new ArrayList<>());
			nodes.put(category.getId(), node);
			(parentNode == null ? roots : parentNode.children()).add(node);
		}
		return roots;
	}

	record CategoryNode(long id, String name, String path, List<CategoryNode> children) {
	}

}
