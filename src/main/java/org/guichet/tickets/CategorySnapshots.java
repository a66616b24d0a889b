package org.guichet.tickets;

import java.util.List;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** What {@link Categories} reads: whether the categories changed, and then all of them. */
interface CategorySnapshots extends Repository<Category, Long> {

	/**
	 * Categories are never deleted, and each change moves a category's version on, so the
	 * stamp grows with every committed change.
	 */
	@Query("select new org.guichet.tickets.Categories$Stamp(count(c), coalesce(sum(c.version), 0L)) from Category c")
	Categories.Stamp stamp();

	@Query("select new org.guichet.tickets.CategoryTree$Node(c.id, p.id, c.name, c.active) from Category c left join c.parent p")
	List<CategoryTree.Node> nodes();

}
