package org.guichet.system;

import java.time.Duration;
import java.time.Instant;

import org.guichet.testing.GuichetIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web sessions kept in the database (docs/SCALING.md) do not pile up: the periodic cleanup
 * every node runs deletes the sessions past their expiry with their attributes, and keeps the
 * live ones, on both databases (the attributes go by the foreign key's cascade).
 */
@GuichetIntegrationTest
class WebSessionCleanupIT {

	@Autowired
	private JdbcIndexedSessionRepository sessions;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void theCleanupDeletesExpiredSessionsWithTheirAttributesAndKeepsLiveOnes() {
		SessionRepository<Session> repository = anySession();
		Session expired = repository.createSession();
		expired.setAttribute("flash", "typed text");
		expired.setMaxInactiveInterval(Duration.ofMinutes(30));
		expired.setLastAccessedTime(Instant.now().minus(Duration.ofMinutes(31)));
		repository.save(expired);
		Session live = repository.createSession();
		live.setAttribute("flash", "typed text");
		repository.save(live);

		sessions.cleanUpExpiredSessions();

		assertThat(rows(expired)).as("the expired session's row").isZero();
		assertThat(rows(live)).as("the live session's row").isOne();
		assertThat(repository.findById(live.getId()).<String>getAttribute("flash")).isEqualTo("typed text");
		assertThat(jdbc.queryForObject("""
				select count(*) from spring_session_attributes a
				where not exists (select 1 from spring_session s where s.primary_id = a.session_primary_id)
				""", Long.class)).as("attributes left without their session").isZero();
	}

	/** The repository through the interface its session class, not public, implements. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private SessionRepository<Session> anySession() {
		return (SessionRepository) sessions;
	}

	private long rows(Session session) {
		return jdbc.queryForObject("select count(*) from spring_session where session_id = ?", Long.class,
				session.getId());
	}

}
