package org.guichet.tickets.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.guichet.tickets.Category;
import org.guichet.tickets.CategoryTree;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

class CategoryOutlineTests {

	private final Category printer = category(1, "Printer", null);

	private final Category network = category(2, "Network", null);

	private final Category jam = category(3, "Paper jam", printer);

	private final Category toner = category(4, "Toner", printer);

	private final Category colourToner = category(5, "Colour toner", toner);

	private final List<Category> categories = List.of(toner, printer, colourToner, network, jam);

	private final CategoryOutline outline = new CategoryOutline(new CategoryTree(categories.stream()
		.map(c -> new CategoryTree.Node(c.getId(), c.getParent() == null ? null : c.getParent().getId(), c.getName(),
				c.isActive()))
		.toList()), categories);

	@Test
	void showsEachCategoryUnderItsParentWithSiblingsByName() {
		assertThat(outline.nodes()).extracting(node -> node.category().getName() + "@" + node.depth())
			.containsExactly("Network@0", "Printer@0", "Paper jam@1", "Toner@1", "Colour toner@2");
	}

	@Test
	void neitherACategoryNorItsSubCategoriesAreOfferedAsItsParent() {
		assertThat(outline.possibleParentsOf(4L)).extracting(node -> node.category().getName())
			.containsExactly("Network", "Printer", "Paper jam");
		assertThat(outline.possibleParentsOf(1L)).extracting(node -> node.category().getName())
			.containsExactly("Network");
		assertThat(outline.possibleParentsOf(null)).hasSize(5);
	}

	private static Category category(long id, String name, Category parent) {
		Category category = new Category(name, parent);
		ReflectionTestUtils.setField(category, "id", id);
		return category;
	}

}
