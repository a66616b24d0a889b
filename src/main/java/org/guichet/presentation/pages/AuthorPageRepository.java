package org.guichet.presentation.pages;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AuthorPageRepository extends JpaRepository<AuthorPage, Long> {

	/** The pages in their order (index {@code ix_presentation_page_position}). */
	@Query("select p from AuthorPage p order by p.position, p.id")
	List<AuthorPage> findInOrder();

	Optional<AuthorPage> findBySlug(String slug);

	@Query("select coalesce(max(p.position), -1) from AuthorPage p")
	int maxPosition();

}
