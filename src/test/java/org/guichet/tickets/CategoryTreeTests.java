package org.guichet.tickets;

import java.util.ArrayList;
import java.util.List;

import org.guichet.system.InvalidInputException;
import org.guichet.tickets.CategoryTree.Node;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shared category tree: Software › Mail › Webmail › Attachments (four levels), Software ›
 * Office, and Hardware › Printer.
 */
class CategoryTreeTests {

	private static final long SOFTWARE = 1, MAIL = 2, WEBMAIL = 3, ATTACHMENTS = 4, OFFICE = 5, HARDWARE = 6,
			PRINTER = 7;

	private final CategoryTree tree = new CategoryTree(List.of(node(ATTACHMENTS, WEBMAIL, "Attachments"),
			node(PRINTER, HARDWARE, "Printer"), node(WEBMAIL, MAIL, "Webmail"), node(SOFTWARE, null, "Software"),
			node(OFFICE, SOFTWARE, "Office"), node(MAIL, SOFTWARE, "Mail"), node(HARDWARE, null, "Hardware")));

	@Test
	void theLineageRunsFromTheCategoryUpToItsRootAtEveryDepth() {
		assertThat(tree.lineage(SOFTWARE)).containsExactly(SOFTWARE);
		assertThat(tree.lineage(MAIL)).containsExactly(MAIL, SOFTWARE);
		assertThat(tree.lineage(WEBMAIL)).containsExactly(WEBMAIL, MAIL, SOFTWARE);
		assertThat(tree.lineage(ATTACHMENTS)).containsExactly(ATTACHMENTS, WEBMAIL, MAIL, SOFTWARE);
		assertThat(tree.lineage(null)).isEmpty();
		assertThat(tree.lineage(99L)).isEmpty();
	}

	@Test
	void theSubtreeHoldsTheCategoryAndEverySubCategoryAtAnyDepth() {
		assertThat(tree.subtree(SOFTWARE)).containsExactly(SOFTWARE, MAIL, WEBMAIL, ATTACHMENTS, OFFICE);
		assertThat(tree.subtree(MAIL)).containsExactly(MAIL, WEBMAIL, ATTACHMENTS);
		assertThat(tree.subtree(WEBMAIL)).containsExactly(WEBMAIL, ATTACHMENTS);
		assertThat(tree.subtree(ATTACHMENTS)).containsExactly(ATTACHMENTS);
		assertThat(tree.subtree(99)).isEmpty();
	}

	@Test
	void aCategoryIsWithinItselfAndEachOfItsAncestorsOnly() {
		for (long ancestor : List.of(SOFTWARE, MAIL, WEBMAIL, ATTACHMENTS)) {
			assertThat(tree.isWithin(ATTACHMENTS, ancestor)).as("under %d", ancestor).isTrue();
		}
		assertThat(tree.isWithin(SOFTWARE, ATTACHMENTS)).isFalse();
		assertThat(tree.isWithin(OFFICE, MAIL)).isFalse();
		assertThat(tree.isWithin(PRINTER, SOFTWARE)).isFalse();
	}

	@Test
	void theWholeTreeIsOrderedDepthFirstWithSiblingsByNameAndEachPathNamesItsAncestors() {
		assertThat(tree.depthFirst())
			.extracting(placed -> tree.find(placed.id()).orElseThrow().name() + "@" + placed.depth())
			.containsExactly("Hardware@0", "Printer@1", "Software@0", "Mail@1", "Webmail@2", "Attachments@3",
					"Office@1");
		assertThat(tree.path(ATTACHMENTS)).isEqualTo("Software › Mail › Webmail › Attachments");
		assertThat(tree.path(HARDWARE)).isEqualTo("Hardware");
	}

	@Test
	void afterASubTreeMovesUnderAnotherParentEveryAnswerFollowsIt() {
		CategoryTree moved = tree.withParent(MAIL, HARDWARE);

		assertThat(moved.lineage(ATTACHMENTS)).containsExactly(ATTACHMENTS, WEBMAIL, MAIL, HARDWARE);
		assertThat(moved.subtree(SOFTWARE)).containsExactly(SOFTWARE, OFFICE);
		assertThat(moved.subtree(HARDWARE)).containsExactly(HARDWARE, MAIL, WEBMAIL, ATTACHMENTS, PRINTER);
		assertThat(moved.isWithin(WEBMAIL, SOFTWARE)).isFalse();
		assertThat(moved.path(WEBMAIL)).isEqualTo("Hardware › Mail › Webmail");
		assertThat(tree.lineage(ATTACHMENTS)).as("the snapshot itself never changes")
			.containsExactly(ATTACHMENTS, WEBMAIL, MAIL, SOFTWARE);

		CategoryTree root = moved.withParent(WEBMAIL, null);
		assertThat(root.lineage(ATTACHMENTS)).containsExactly(ATTACHMENTS, WEBMAIL);
		assertThat(root.subtree(HARDWARE)).containsExactly(HARDWARE, MAIL, PRINTER);
	}

	@Test
	void aMoveUnderItselfOrAnyOfItsSubCategoriesIsRefusedOnTheParentField() {
		for (long parent : List.of(SOFTWARE, MAIL, WEBMAIL, ATTACHMENTS)) {
			assertThatThrownBy(() -> tree.withParent(SOFTWARE, parent)).as("under %d", parent)
				.isInstanceOfSatisfying(InvalidInputException.class, ex -> {
					assertThat(ex.field()).isEqualTo("parentId");
					assertThat(ex.messageKey()).isEqualTo("category.parent-cycle");
					assertThat(ex.arguments()).containsExactly("Software", tree.path(parent));
				});
		}
		assertThatThrownBy(() -> tree.withParent(MAIL, 99L)).isInstanceOfSatisfying(InvalidInputException.class,
				ex -> assertThat(ex.messageKey()).isEqualTo("category.parent-unknown"));
	}

	@Test
	void aNameTakenUnderTheSameParentIsRefusedOnTheNameFieldAtAnyDepth() {
		assertThatThrownBy(() -> tree.refuseSiblingNamed("webmail", MAIL, null))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> {
				assertThat(ex.field()).isEqualTo("name");
				assertThat(ex.messageKey()).isEqualTo("category.name-taken");
			});
		assertThatThrownBy(() -> tree.refuseSiblingNamed("Software ", null, null))
			.isInstanceOf(InvalidInputException.class);
		tree.refuseSiblingNamed("Webmail", MAIL, WEBMAIL);
		tree.refuseSiblingNamed("Webmail", SOFTWARE, null);
		tree.refuseSiblingNamed("Attachments", MAIL, null);
	}

	@Test
	void aDeactivatedCategoryHidesEverySubCategoryUnderIt() {
		List<Node> nodes = new ArrayList<>(List.of(node(ATTACHMENTS, WEBMAIL, "Attachments"),
				node(WEBMAIL, MAIL, "Webmail"), node(SOFTWARE, null, "Software"), node(OFFICE, SOFTWARE, "Office")));
		nodes.add(new Node(MAIL, SOFTWARE, "Mail", false));
		CategoryTree partly = new CategoryTree(nodes);

		assertThat(partly.isOffered(SOFTWARE)).isTrue();
		assertThat(partly.isOffered(OFFICE)).isTrue();
		assertThat(partly.isOffered(MAIL)).isFalse();
		assertThat(partly.isOffered(ATTACHMENTS)).isFalse();
		assertThat(partly.isOffered(99)).isFalse();
	}

	@Test
	void parentsThatLoopInTheStoredDataNeverHangTheTree() {
		CategoryTree looping = new CategoryTree(List.of(node(SOFTWARE, null, "Software"), node(10, 11L, "A"),
				node(11, 10L, "B")));

		assertThat(looping.lineage(10L)).containsExactly(10L, 11L);
		assertThat(looping.subtree(10)).containsExactlyInAnyOrder(10L, 11L);
		assertThat(looping.depthFirst()).extracting(CategoryTree.Placed::id).containsExactly(SOFTWARE);
	}

	private static Node node(long id, Long parentId, String name) {
		return new Node(id, parentId, name, true);
	}

}
