package org.guichet.knowledge;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ArticleAttachmentRepository extends JpaRepository<ArticleAttachment, Long> {

	@Query("select a from ArticleAttachment a where a.articleId = :articleId order by a.id")
	List<ArticleAttachment> findOfArticle(long articleId);

	@Query("select a from ArticleAttachment a where a.articleId = :articleId and a.id = :id")
	Optional<ArticleAttachment> findOnArticle(long articleId, long id);

}
