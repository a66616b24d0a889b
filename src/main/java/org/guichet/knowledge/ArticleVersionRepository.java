package org.guichet.knowledge;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ArticleVersionRepository extends JpaRepository<ArticleVersion, Long> {

	@Query("select v from ArticleVersion v join fetch v.savedBy where v.articleId = :articleId order by v.number desc")
	List<ArticleVersion> findOfArticle(long articleId);

	@Query("select v from ArticleVersion v join fetch v.savedBy where v.articleId = :articleId and v.number = :number")
	Optional<ArticleVersion> findOne(long articleId, int number);

	@Query("select coalesce(max(v.number), 0) from ArticleVersion v where v.articleId = :articleId")
	int lastNumber(long articleId);

}
