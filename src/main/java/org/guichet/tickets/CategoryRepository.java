package org.guichet.tickets;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CategoryRepository extends JpaRepository<Category, Long> {

	@Query("select c from Category c left join fetch c.parent order by coalesce(c.parent.id, c.id), c.parent.id nulls first, c.name")
	List<Category> findAllOrdered();

}
