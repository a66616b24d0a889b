package org.guichet.tickets;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CategoryRepository extends JpaRepository<Category, Long> {

	@Query("select c from Category c left join fetch c.parent")
	List<Category> findAllWithParent();

	/**
	 * Every category, active or not, in the order of the {@link CategoryTree} at any depth: each
	 * right under its parent, siblings by name, case ignored.
	 */
	default List<Category> findAllOrdered() {
		List<Category> all = findAllWithParent();
		Map<Long, Category> byId = all.stream().collect(Collectors.toMap(Category::getId, Function.identity()));
		CategoryTree tree = new CategoryTree(all.stream()
			.map(c -> new CategoryTree.Node(c.getId(), c.getParent() == null ? null : c.getParent().getId(),
					c.getName(), c.isActive()))
			.toList());
		return tree.depthFirst().stream().map(placed -> byId.get(placed.id())).toList();
	}

}
