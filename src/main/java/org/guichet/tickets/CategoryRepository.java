package org.guichet.tickets;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CategoryRepository extends JpaRepository<Category, Long> {

	/** Orders categories as the tree reads, at any depth: each right under its parent, siblings by name. */
	Comparator<Category> TREE_ORDER = (a, b) -> {
		List<String> left = names(a);
		List<String> right = names(b);
		for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
			int byName = String.CASE_INSENSITIVE_ORDER.compare(left.get(i), right.get(i));
			if (byName != 0) {
				return byName;
			}
		}
		return Integer.compare(left.size(), right.size());
	};

	@Query("select c from Category c left join fetch c.parent")
	List<Category> findAllWithParent();

	/**
	 * Every category, active or not, in the order of the tree at any depth: each right under its
	 * parent, siblings by name, case ignored.
	 */
	default List<Category> findAllOrdered() {
		List<Category> all = new ArrayList<>(findAllWithParent());
		all.sort(TREE_ORDER);
		return all;
	}

	private static List<String> names(Category category) {
		List<String> names = new ArrayList<>();
		for (Category c = category; c != null; c = c.getParent()) {
			names.add(c.getName());
		}
		Collections.reverse(names);
		return names;
	}

}
