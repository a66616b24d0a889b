package org.guichet.assist;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the generative help spent and sent: the requests and tokens of each day in the desk's zone
 * ({@code assist_llm_usage}), checked against the daily budget before a request is sent, and the
 * last {@value #KEPT_PER_FEATURE} exchanges of each feature ({@code assist_llm_exchange}: the prompt
 * exactly as sent, the answer as received), for the administrators and the insertion of a draft.
 * Each write commits on its own: a request counts even when the agent's page fails afterwards.
 */
@Component
class GenerativeUsage {

	/** How many exchanges of each feature are kept; older ones are deleted as new ones come. */
	static final int KEPT_PER_FEATURE = 20;

	/** The longest answer kept, in characters. */
	static final int ANSWER_MAX = 20_000;

	/**
	 * One exchange with the model.
	 *
	 * @param answer as received (masked as the model saw the texts), null when it failed
	 * @param outcome {@code ANSWERED} or the failure's reason
	 * @param tokens the tokens the server counted, null when it did not say
	 */
	record Exchange(long id, long ticketId, GenerativeFeature feature, String model, long userId, Instant sentAt,
			String prompt, @Nullable String answer, String outcome, @Nullable Integer tokens) {
	}

	/** A day's spending. */
	record Spent(int requests, long tokens) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ZoneId zone;

	GenerativeUsage(JdbcClient jdbc, Clock clock, @Value("${guichet.time-zone:Europe/Paris}") ZoneId zone) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.zone = zone;
	}

	/**
	 * Counts one request for today if the budget allows it, in a transaction of its own.
	 *
	 * @return false when today's requests or tokens reached the budget: nothing may be sent
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean claim(int dailyRequests, @Nullable Integer dailyTokens) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
		if (jdbc.sql("select count(*) from assist_llm_usage where usage_day = ?").param(today).query(Integer.class).single() == 0) {
			// two first requests of the day at once: the primary key lets one insert, the other updates below
			try {
				jdbc.sql("insert into assist_llm_usage (usage_day, requests, tokens) values (?, 0, 0)").param(today).update();
			}
			catch (org.springframework.dao.DuplicateKeyException raced) {
				// the other one inserted it
			}
		}
		return jdbc.sql("""
				update assist_llm_usage set requests = requests + 1
				where usage_day = :day and requests < :requests and (cast(:tokens as bigint) is null or tokens < :tokens)""")
			.param("day", today)
			.param("requests", dailyRequests)
			.param("tokens", dailyTokens == null ? null : dailyTokens.longValue())
			.update() == 1;
	}

	/** Adds the tokens an answer cost to today's. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void spent(int tokens) {
		jdbc.sql("update assist_llm_usage set tokens = tokens + ? where usage_day = ?")
			.params(tokens, LocalDate.ofInstant(clock.instant(), zone))
			.update();
	}

	/** Today's spending. */
	@Transactional(readOnly = true)
	public Spent today() {
		return jdbc.sql("select requests, tokens from assist_llm_usage where usage_day = ?")
			.param(LocalDate.ofInstant(clock.instant(), zone))
			.query((rs, row) -> new Spent(rs.getInt(1), rs.getLong(2)))
			.optional()
			.orElse(new Spent(0, 0));
	}

	/** Records an exchange and forgets the feature's oldest beyond {@value #KEPT_PER_FEATURE}; gives its id. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public long record(long ticketId, GenerativeFeature feature, String model, long userId, String prompt,
			@Nullable String answer, String outcome, @Nullable Integer tokens) {
		String kept = answer == null || answer.length() <= ANSWER_MAX ? answer : answer.substring(0, ANSWER_MAX);
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into assist_llm_exchange (ticket_id, feature, model, user_id, sent_at, prompt, answer, outcome, tokens)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(ticketId, feature.name(), model, userId, Timestamp.from(clock.instant()), prompt, kept, outcome, tokens)
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		jdbc.sql("select id from assist_llm_exchange where feature = ? order by id desc offset " + KEPT_PER_FEATURE
				+ " rows fetch first 1 rows only")
			.param(feature.name())
			.query(Long.class)
			.optional()
			.ifPresent(newestForgotten -> jdbc.sql("delete from assist_llm_exchange where feature = ? and id <= ?")
				.params(feature.name(), newestForgotten)
				.update());
		return id;
	}

	/** The exchanges kept, newest first. */
	@Transactional(readOnly = true)
	public List<Exchange> recent() {
		return jdbc.sql("""
				select id, ticket_id, feature, model, user_id, sent_at, prompt, answer, outcome, tokens
				from assist_llm_exchange order by id desc""").query((rs, row) -> exchange(rs)).list();
	}

	/** One exchange kept, or null once forgotten. */
	@Transactional(readOnly = true)
	public @Nullable Exchange find(long id) {
		return jdbc.sql("""
				select id, ticket_id, feature, model, user_id, sent_at, prompt, answer, outcome, tokens
				from assist_llm_exchange where id = ?""").param(id).query((rs, row) -> exchange(rs)).optional().orElse(null);
	}

	private static Exchange exchange(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Exchange(rs.getLong("id"), rs.getLong("ticket_id"), GenerativeFeature.valueOf(rs.getString("feature")),
				rs.getString("model"), rs.getLong("user_id"), rs.getTimestamp("sent_at").toInstant(),
				rs.getString("prompt"), rs.getString("answer"), rs.getString("outcome"),
				rs.getObject("tokens", Integer.class));
	}

}
