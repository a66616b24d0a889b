package org.guichet.knowledge;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The links between articles and tickets (table {@code article_ticket}), both ways. */
@Repository
class ArticleTickets {

	private final JdbcClient jdbc;

	private final Clock clock;

	ArticleTickets(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Links them, once: linking them again changes nothing. */
	void link(long articleId, long ticketId) {
		jdbc.sql("insert into article_ticket (article_id, ticket_id, linked_at) select :article, :ticket, :at"
				+ " where not exists (select 1 from article_ticket where article_id = :article and ticket_id = :ticket)")
			.param("article", articleId)
			.param("ticket", ticketId)
			.param("at", Timestamp.from(clock.instant()))
			.update();
	}

	/** The ids of the tickets linked to the article, oldest link first. */
	List<Long> ticketsOf(long articleId) {
		return jdbc.sql("select ticket_id from article_ticket where article_id = :article order by linked_at, ticket_id")
			.param("article", articleId)
			.query(Long.class)
			.list();
	}

	/** The ids of the articles linked to the ticket, oldest link first. */
	List<Long> articlesOf(long ticketId) {
		return jdbc.sql("select article_id from article_ticket where ticket_id = :ticket order by linked_at, article_id")
			.param("ticket", ticketId)
			.query(Long.class)
			.list();
	}

	void forget(long articleId) {
		jdbc.sql("delete from article_ticket where article_id = :article").param("article", articleId).update();
	}

}
