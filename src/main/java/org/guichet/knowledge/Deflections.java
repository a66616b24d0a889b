package org.guichet.knowledge;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.guichet.directory.CurrentUser;
import org.guichet.tickets.TicketEvents.TicketCreated;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The suggestion sessions of the portal's new-ticket form (table {@code suggestion_session}) and
 * the deflections counted from them (docs/KNOWLEDGE.md "Deflection"). A session is started the
 * first time articles are suggested to a requester on a form, and named by a token the form
 * sends back with its next requests and the suggested links carry; the first article opened
 * through such a link is recorded on it; a ticket the requester files within the window
 * ({@code guichet.knowledge.deflection.window}, 30 minutes by default) after the last showing or
 * opening closes it as filed. Reporting reads {@link #figures}.
 */
@Service
@Transactional
public class Deflections {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration window;

	Deflections(JdbcClient jdbc, Clock clock,
			@Value("${guichet.knowledge.deflection.window:PT30M}") Duration window) {
		if (window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("guichet.knowledge.deflection.window must be positive: " + window);
		}
		this.jdbc = jdbc;
		this.clock = clock;
		this.window = window;
	}

	/** How long after the last showing or opening a filed ticket still counts as the session's. */
	public Duration window() {
		return window;
	}

	/**
	 * Records that articles were just suggested to the requester on their form.
	 *
	 * @param token the session's token the form sent back, or null on its first suggestions; a
	 * token of someone else's, of a closed session or unknown starts a new session
	 * @return the session's token, to send back with the next requests and in the links
	 */
	public String shown(@Nullable String token, CurrentUser requester) {
		Instant now = clock.instant();
		if (token != null && !token.isBlank()) {
			int updated = jdbc.sql("update suggestion_session set shown_at = :now where token = :token"
					+ " and user_id = :user and filed_at is null")
				.param("now", Timestamp.from(now))
				.param("token", token)
				.param("user", requester.id())
				.update();
			if (updated == 1) {
				return token;
			}
		}
		String fresh = UUID.randomUUID().toString();
		jdbc.sql("insert into suggestion_session (token, user_id, started_at, shown_at) values (:token, :user, :now, :now)")
			.param("token", fresh)
			.param("user", requester.id())
			.param("now", Timestamp.from(now))
			.update();
		return fresh;
	}

	/**
	 * Records that the reader opened the article from a suggestion of their session: the first
	 * opening only; a token of someone else's, unknown or of a filed session changes nothing.
	 */
	public void opened(String token, long articleId, CurrentUser reader) {
		jdbc.sql("update suggestion_session set opened_at = :now, opened_article_id = :article where token = :token"
				+ " and user_id = :user and opened_at is null and filed_at is null")
			.param("now", Timestamp.from(clock.instant()))
			.param("article", articleId)
			.param("token", token)
			.param("user", reader.id())
			.update();
	}

	/**
	 * Records a session that took place before now, as {@link #shown}, {@link #opened} and a filed
	 * ticket would have: for the demo's history and for sessions brought from another tool. Its
	 * outcome is then counted as any other's ({@link #figures}).
	 *
	 * @return the session's token
	 * @throws IllegalArgumentException when its instants are not in the order started, shown,
	 * opened, filed, or any is after now, or an opening has no article (or an article no opening)
	 */
	public String recordPast(PastSession session) {
		Instant now = clock.instant();
		boolean ordered = !session.shownAt().isBefore(session.startedAt()) && !session.shownAt().isAfter(now)
				&& (session.openedAt() == null) == (session.articleId() == null)
				&& (session.openedAt() == null || !session.openedAt().isBefore(session.shownAt()) && !session.openedAt().isAfter(now))
				&& (session.filedAt() == null || !session.filedAt().isBefore(session.openedAt() == null ? session.shownAt()
						: session.openedAt()) && !session.filedAt().isAfter(now));
		if (!ordered) {
			throw new IllegalArgumentException("A past session is started, shown, opened (with its article) then filed, "
					+ "all before now: " + session);
		}
		String token = UUID.randomUUID().toString();
		jdbc.sql("insert into suggestion_session (token, user_id, started_at, shown_at, opened_article_id, opened_at,"
				+ " filed_at) values (:token, :user, :started, :shown, :article, :opened, :filed)")
			.param("token", token)
			.param("user", session.requesterId())
			.param("started", Timestamp.from(session.startedAt()))
			.param("shown", Timestamp.from(session.shownAt()))
			.param("article", new SqlParameterValue(Types.BIGINT, session.articleId()))
			.param("opened", new SqlParameterValue(Types.TIMESTAMP,
					session.openedAt() == null ? null : Timestamp.from(session.openedAt())))
			.param("filed", new SqlParameterValue(Types.TIMESTAMP,
					session.filedAt() == null ? null : Timestamp.from(session.filedAt())))
			.update();
		return token;
	}

	/**
	 * A suggestion session that took place: the requester's user id, when it started and when
	 * articles were last shown, the article first opened and when (both null when none was), when
	 * a request followed (null when none did). Instants in UTC.
	 */
	public record PastSession(long requesterId, Instant startedAt, Instant shownAt, @Nullable Long articleId,
			@Nullable Instant openedAt, @Nullable Instant filedAt) {
	}

	/** A ticket filed by a requester closes their sessions still within the window: suggestions did not answer. */
	@EventListener
	void on(TicketCreated created) {
		Timestamp since = Timestamp.from(created.at().minus(window));
		jdbc.sql("update suggestion_session set filed_at = :at, filed_ticket_id = :ticket where user_id = :user"
				+ " and filed_at is null and started_at <= :at and (shown_at >= :since or opened_at >= :since)")
			.param("at", Timestamp.from(created.at()))
			.param("ticket", created.ticket().value())
			.param("user", created.requesterId())
			.param("since", since)
			.update();
	}

	/**
	 * The sessions started from {@code from} (included) to {@code to} (excluded), by outcome as
	 * known now.
	 */
	@Transactional(readOnly = true)
	public DeflectionFigures figures(Instant from, Instant to) {
		Map<Deflection.Outcome, Long> counts = new EnumMap<>(Deflection.Outcome.class);
		long opened = 0;
		for (Session session : sessions(from, to)) {
			counts.merge(session.outcome(), 1L, Long::sum);
			if (session.articleId() != null && session.outcome() != Deflection.Outcome.PENDING) {
				opened++;
			}
		}
		long deflected = counts.getOrDefault(Deflection.Outcome.DEFLECTED, 0L);
		long filed = counts.getOrDefault(Deflection.Outcome.FILED, 0L);
		long notOpened = counts.getOrDefault(Deflection.Outcome.NOT_OPENED, 0L);
		return new DeflectionFigures(deflected + filed + notOpened, opened, deflected, filed,
				counts.getOrDefault(Deflection.Outcome.PENDING, 0L));
	}

	/**
	 * The articles that deflected sessions started from {@code from} (included) to {@code to}
	 * (excluded): article id to deflections, most first, at most {@code max}.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Long> deflectionsByArticle(Instant from, Instant to, int max) {
		Map<Long, Long> counts = new HashMap<>();
		for (Session session : sessions(from, to)) {
			if (session.outcome() == Deflection.Outcome.DEFLECTED && session.articleId() != null) {
				counts.merge(session.articleId(), 1L, Long::sum);
			}
		}
		Map<Long, Long> top = new LinkedHashMap<>();
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<Long, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.limit(max)
			.forEach(e -> top.put(e.getKey(), e.getValue()));
		return top;
	}

	private List<Session> sessions(Instant from, Instant to) {
		Instant now = clock.instant();
		return jdbc.sql("select shown_at, opened_at, opened_article_id, filed_at from suggestion_session"
				+ " where started_at >= :from and started_at < :to")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, row) -> {
				Timestamp openedAt = rs.getTimestamp("opened_at");
				Timestamp filedAt = rs.getTimestamp("filed_at");
				Deflection.Outcome outcome = Deflection.outcome(rs.getTimestamp("shown_at").toInstant(),
						openedAt == null ? null : openedAt.toInstant(), filedAt == null ? null : filedAt.toInstant(),
						window, now);
				return new Session(openedAt == null ? null : rs.getLong("opened_article_id"), outcome);
			})
			.list();
	}

	/** A session's first article opened (null when none) and its outcome now. */
	private record Session(@Nullable Long articleId, Deflection.Outcome outcome) {
	}

}
