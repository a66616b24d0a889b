package org.guichet.knowledge;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The bytes of articles' files (table {@code article_attachment_content}), apart from what describes them. */
@Repository
class ArticleFileStore {

	private final JdbcClient jdbc;

	ArticleFileStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void store(long attachmentId, byte[] content) {
		jdbc.sql("insert into article_attachment_content (attachment_id, content) values (:id, :content)")
			.param("id", attachmentId)
			.param("content", content)
			.update();
	}

	Optional<byte[]> content(long attachmentId) {
		return jdbc.sql("select content from article_attachment_content where attachment_id = :id")
			.param("id", attachmentId)
			.query((rs, row) -> rs.getBytes(1))
			.optional();
	}

	/** Deletes every file of the article, bytes and description. */
	void forget(long articleId) {
		jdbc.sql("delete from article_attachment_content where attachment_id in"
				+ " (select id from article_attachment where article_id = :article)")
			.param("article", articleId)
			.update();
		jdbc.sql("delete from article_attachment where article_id = :article").param("article", articleId).update();
	}

}
