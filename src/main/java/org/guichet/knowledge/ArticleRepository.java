package org.guichet.knowledge;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface ArticleRepository extends JpaRepository<Article, Long>, JpaSpecificationExecutor<Article> {

	/** Articles past their review date whose owner was not reminded of that date yet. */
	@Query("select a from Article a where a.reviewOn < :today and a.status <> org.guichet.knowledge.ArticleStatus.ARCHIVED"
			+ " and (a.reviewRemindedOn is null or a.reviewRemindedOn <> a.reviewOn) order by a.id")
	List<Article> findReviewDue(LocalDate today);

	@Query("select a from Article a where a.ownerId = :ownerId and a.status <> org.guichet.knowledge.ArticleStatus.ARCHIVED order by a.id")
	List<Article> findCurrentOfOwner(long ownerId);

	@Query("select a from Article a where a.status <> org.guichet.knowledge.ArticleStatus.ARCHIVED order by a.id")
	List<Article> findAllCurrent();

}
