package org.guichet.routing;

import java.util.ArrayList;
import java.util.List;

import org.guichet.tickets.Category;
import org.guichet.tickets.CategoryRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A category with its parents, for the conditions and skills that cover sub-categories.
 */
@Component
class Categories {

	private final CategoryRepository categories;

	Categories(CategoryRepository categories) {
		this.categories = categories;
	}

	/** The category followed by its parents up to the root; empty for none or an unknown one. */
	List<Long> lineage(@Nullable Long categoryId) {
		List<Long> lineage = new ArrayList<>(3);
		Category category = categoryId == null ? null : categories.findById(categoryId).orElse(null);
		while (category != null && lineage.size() < 32) {
			lineage.add(category.getId());
			category = category.getParent();
		}
		return lineage;
	}

}
