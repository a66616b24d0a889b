package org.guichet.knowledge;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Readers' answers to "Was this helpful?" (table {@code article_feedback}): one per reader and article. */
@Repository
class ArticleFeedback {

	private final JdbcClient jdbc;

	private final Clock clock;

	ArticleFeedback(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Records the reader's answer, replacing the one they gave before. */
	void answer(long articleId, long readerId, boolean helpful, @Nullable String comment) {
		Timestamp at = Timestamp.from(clock.instant());
		SqlParameterValue text = new SqlParameterValue(Types.VARCHAR, comment);
		int changed = jdbc.sql("update article_feedback set helpful = :helpful, comment = :comment, answered_at = :at"
				+ " where article_id = :article and reader_id = :reader")
			.param("helpful", helpful)
			.param("comment", text)
			.param("at", at)
			.param("article", articleId)
			.param("reader", readerId)
			.update();
		if (changed == 0) {
			jdbc.sql("insert into article_feedback (article_id, reader_id, helpful, comment, answered_at)"
					+ " values (:article, :reader, :helpful, :comment, :at)")
				.param("article", articleId)
				.param("reader", readerId)
				.param("helpful", helpful)
				.param("comment", text)
				.param("at", at)
				.update();
		}
	}

	Optional<FeedbackAnswer> of(long articleId, long readerId) {
		return jdbc.sql("select f.helpful, f.comment, f.answered_at, u.full_name from article_feedback f"
				+ " join app_user u on u.id = f.reader_id where f.article_id = :article and f.reader_id = :reader")
			.param("article", articleId)
			.param("reader", readerId)
			.query(ArticleFeedback::answer)
			.optional();
	}

	FeedbackSummary summary(long articleId) {
		return jdbc.sql("select count(*), coalesce(sum(case when helpful then 1 else 0 end), 0)"
				+ " from article_feedback where article_id = :article")
			.param("article", articleId)
			.query((rs, row) -> new FeedbackSummary(rs.getLong(2), rs.getLong(1) - rs.getLong(2)))
			.single();
	}

	/** The answers that came with a comment, newest first, at most {@code max}. */
	List<FeedbackAnswer> comments(long articleId, int max) {
		return jdbc.sql("select f.helpful, f.comment, f.answered_at, u.full_name from article_feedback f"
				+ " join app_user u on u.id = f.reader_id where f.article_id = :article and f.comment is not null"
				+ " order by f.answered_at desc, f.reader_id")
			.param("article", articleId)
			.query(ArticleFeedback::answer)
			.list()
			.stream()
			.limit(max)
			.toList();
	}

	/** The ids of the owner's current articles whose answers are poor ({@link FeedbackSummary#isPoor()}). */
	List<Long> poorlyRatedOf(long ownerId) {
		return jdbc.sql("select a.id from article a join article_feedback f on f.article_id = a.id"
				+ " where a.owner_id = :owner and a.status <> 'ARCHIVED' group by a.id"
				+ " having count(*) >= :min and 2 * sum(case when f.helpful then 1 else 0 end) < count(*) order by a.id")
			.param("owner", ownerId)
			.param("min", FeedbackSummary.POOR_MIN_ANSWERS)
			.query(Long.class)
			.list();
	}

	void forget(long articleId) {
		jdbc.sql("delete from article_feedback where article_id = :article").param("article", articleId).update();
	}

	private static FeedbackAnswer answer(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new FeedbackAnswer(rs.getBoolean(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4));
	}

}
