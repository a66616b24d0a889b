package org.guichet.tickets.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.guichet.tickets.Category;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

class CategoryTreeTests {

	private final Category printer = category(1, "Printer", null);

	private final Category network = category(2, "Network", null);

	private final Category jam = category(3, "Paper jam", printer);

	private final Category toner = category(4, "Toner", printer);

	private final Category colourToner = category(5, "Colour toner", toner);

	private final CategoryTree tree = new CategoryTree(List.of(toner, printer, colourToner, network, jam));

	@Test
	void showsEachCategoryUnderItsParentWithSiblingsByName() {
		assertThat(tree.nodes()).extracting(node -> node.category().getName() + "@" + node.depth())
			.containsExactly("Network@0", "Printer@0", "Paper jam@1", "Toner@1", "Colour toner@2");
	}

	@Test
	void aCategoryIsWithinItselfAndItsAncestorsAtAnyDepth() {
		assertThat(tree.isWithin(5, 1)).isTrue();
		assertThat(tree.isWithin(5, 4)).isTrue();
		assertThat(tree.isWithin(1, 1)).isTrue();
		assertThat(tree.isWithin(1, 5)).isFalse();
		assertThat(tree.isWithin(3, 4)).isFalse();
		assertThat(tree.isWithin(2, 1)).isFalse();
	}

	@Test
	void neitherACategoryNorItsSubCategoriesAreOfferedAsItsParent() {
		assertThat(tree.possibleParentsOf(4L)).extracting(node -> node.category().getName())
			.containsExactly("Network", "Printer", "Paper jam");
		assertThat(tree.possibleParentsOf(null)).hasSize(5);
	}

	private static Category category(long id, String name, Category parent) {
		Category category = new Category(name, parent);
		ReflectionTestUtils.setField(category, "id", id);
		return category;
	}

}
