package org.guichet.knowledge;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts articles' readings without a write per reading: each is added in memory, and the sums
 * are written every few seconds ({@code guichet.knowledge.views.flush-interval}, 10 s by
 * default) and when the application stops, one update per article read meanwhile. The column
 * is updated alone, so a reading never bumps the article's version nor touches its index. A
 * crash loses the readings of the last interval at most: a count, not a record.
 */
@Component
class ArticleViews {

	private final Map<Long, AtomicLong> pending = new ConcurrentHashMap<>();

	private final JdbcClient jdbc;

	ArticleViews(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One reading of the article, written with the next batch. */
	void read(long articleId) {
		pending.computeIfAbsent(articleId, id -> new AtomicLong()).incrementAndGet();
	}

	/** Drops the readings not written yet of an article deleted. */
	void forget(long articleId) {
		pending.remove(articleId);
	}

	/**
	 * Writes the readings counted since the last batch; gives how many articles it updated. The
	 * readings of an article not visible yet (its transaction not committed) wait for the next batch.
	 */
	@Scheduled(initialDelayString = "${guichet.knowledge.views.flush-interval:PT10S}",
			fixedDelayString = "${guichet.knowledge.views.flush-interval:PT10S}")
	@PreDestroy
	int flush() {
		int updated = 0;
		for (Map.Entry<Long, AtomicLong> entry : pending.entrySet()) {
			long count = entry.getValue().getAndSet(0);
			if (count > 0) {
				int rows = jdbc.sql("update article set view_count = view_count + :count where id = :id")
					.param("count", count)
					.param("id", entry.getKey())
					.update();
				if (rows == 0) {
					// Not committed yet (read in the transaction that writes it, as the demo's loading
					// does): kept for the next batch. A deleted article is forgotten (#forget).
					entry.getValue().addAndGet(count);
				}
				updated += rows;
			}
		}
		return updated;
	}

}
